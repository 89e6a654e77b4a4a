"""Division staff file an incident in a real browser, see the decision and deadlines, and download both drafts."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from hogo.incidents.documents import docx_text
from hogo.incidents.models import Incident
from hogo.incidents.rules import ppc_report_deadlines
from hogo.lib.municipal_calendar import MunicipalCalendar


@pytest.mark.browser
def test_it_files_an_incident_and_downloads_both_drafts(page, staff, browser_login, tmp_path):
    learned = timezone.localdate() - timedelta(days=1)
    browser_login(page, "staff1")
    page.get_by_role("link", name="漏えい等事案").first.click()
    page.get_by_role("link", name="事案を登録する").click()

    page.locator("#id_title").fill("健診結果通知の誤送付")
    page.locator("#id_learned_on").fill(learned.isoformat())
    page.locator("#id_summary").fill("健診結果通知を別の受診者に送付した。")
    page.locator("#id_individuals").fill("1")
    page.locator("#id_items-0-name").fill("氏名")
    page.locator("#id_items-1-name").fill("健診結果")
    page.locator("#id_items-1-sensitivity").select_option("sensitive")
    page.locator("#id_items-1-category").select_option("健康診断等の結果")
    page.get_by_role("button", name="保存する").click()

    decision = page.locator("#decision")
    decision.get_by_text("報告が必要", exact=True).wait_for()
    assert "規則第43条第1号" in decision.inner_text()
    final = ppc_report_deadlines(learned, unlawful_purpose=False, calendar=MunicipalCalendar())[1]
    deadlines = page.locator("#deadlines").inner_text()
    assert "確報期限" in deadlines and "速報の目安" in deadlines
    assert f"{final.date.year}年{final.date.month}月{final.date.day}日" in deadlines

    incident = Incident.objects.get()
    assert incident.division == staff.division and incident.ppc_required

    texts = {}
    for link in ("速報 .docx", "審議会報告 .docx"):
        with page.expect_download() as download_info:
            page.get_by_role("link", name=link).click()
        path = Path(tmp_path) / download_info.value.suggested_filename
        download_info.value.save_as(path)
        texts[link] = docx_text(path.read_bytes())
    assert "保有個人情報の漏えい等報告書（速報）" in texts["速報 .docx"]
    assert "健診結果（要配慮個人情報：健康診断等の結果）" in texts["速報 .docx"]
    assert "健診結果通知の誤送付について" in texts["審議会報告 .docx"]
    assert "報告第　　号（未採番）" in texts["審議会報告 .docx"]

    # the dashboard shows the open deadlines
    page.goto("/")
    assert "健診結果通知の誤送付" in page.inner_text("main")
