"""In a real browser: staff propose a disposal list, the head approves, the disposal is recorded with a
witness, and the privacy office finds it in the yearly report."""

from datetime import date

import pytest
from django.utils import timezone

from hogo.lib.municipal_calendar import fiscal_year
from hogo.records.choices import DisposalStatus
from hogo.records.models import DisposalList, RecordFile
from hogo.records.tests.helpers import colleague, head_of, record_file, series


@pytest.mark.browser
def test_it_takes_a_disposal_list_from_proposal_to_the_yearly_report(page, organisation, staff, privacy,
                                                                     browser_login):
    own = organisation["own"]
    head = head_of(own)
    witness = colleague(own)
    # 報告第360号: the FY2018 box of 精神保健相談記録, five years, due from 1 April 2024.
    due = record_file(series(own, name="精神保健相談記録"), title="平成30年度終結分", completed=date(2019, 3, 29))
    record_file(due.series, title="令和6年度終結分", completed=date(2025, 3, 31))
    today = timezone.localdate()

    browser_login(page, "staff1")
    page.get_by_role("link", name="文書・媒体").first.click()
    page.locator("#id_fiscal_year").fill(str(fiscal_year(today)))
    page.get_by_role("button", name="廃棄リストを作成する").click()
    page.get_by_label("平成30年度終結分").check()
    page.get_by_role("button", name="選んだ簿冊を廃棄リストにする").click()
    page.get_by_role("button", name="起案する（保護管理者へ）").click()
    page.get_by_text("保護管理者の承認を待っています").wait_for()
    listing = DisposalList.objects.get()
    assert listing.status == DisposalStatus.PROPOSED
    assert [item.title for item in listing.files.all()] == ["平成30年度終結分"]

    page.context.clear_cookies()
    browser_login(page, head.username)
    page.goto(listing.get_absolute_url())
    page.get_by_role("button", name="承認する").click()
    page.get_by_text("廃棄リストを承認しました。").wait_for()

    page.context.clear_cookies()
    browser_login(page, "staff1")
    page.goto(listing.get_absolute_url())
    page.locator("#id_method").select_option("shredding")
    page.locator("#id_disposed_on").fill(today.isoformat())
    page.locator("#id_disposed_by").select_option(str(staff.pk))
    page.get_by_role("button", name="廃棄を記録する").click()
    page.get_by_text("立会者を指定してください。立会者のない廃棄は記録できません。").wait_for()
    page.locator("#id_witness").select_option(str(witness.pk))
    page.get_by_role("button", name="廃棄を記録する").click()
    page.get_by_text("廃棄を記録しました。").wait_for()
    assert RecordFile.objects.get(title="平成30年度終結分").disposed_on == today
    assert RecordFile.objects.get(title="令和6年度終結分").disposed_on is None

    page.context.clear_cookies()
    browser_login(page, "privacy")
    page.get_by_role("link", name="文書・媒体").first.click()
    page.get_by_role("link", name="年度別の状況（報告）").click()
    disposed = page.locator("section", has=page.get_by_role("heading", name="廃棄した簿冊"))
    disposed.get_by_text("平成30年度終結分").wait_for()
    assert witness.get_full_name() in disposed.inner_text()
