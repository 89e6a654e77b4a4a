"""The issue's flow in a real browser: contract → checklist → 確認印 → dashboard → inspection with one 否 → closed."""

import pytest
from django.utils import timezone

from hogo.contractors.models import Contract, Inspection
from hogo.lib.municipal_calendar import fiscal_year, fiscal_year_bounds


@pytest.mark.browser
def test_it_takes_a_contract_from_checklist_to_a_closed_inspection(page, staff, privacy, contractor, clauses,
                                                                     browser_login):
    year = fiscal_year(timezone.localdate())
    starts_on, ends_on = fiscal_year_bounds(year)
    browser_login(page, "staff1")
    page.get_by_role("link", name="委託先").first.click()
    page.get_by_role("link", name="契約を登録する").click()
    page.locator("#id_title").fill("特定健診受診勧奨業務委託")
    page.locator("#id_contractor").select_option(label=contractor.name)
    page.locator("#id_starts_on").fill(starts_on.isoformat())
    page.locator("#id_ends_on").fill(ends_on.isoformat())
    page.get_by_role("button", name="保存する").click()

    page.get_by_role("link", name="チェックリストに回答する").click()
    page.locator("#id_q1_0").check()
    for number in (2, 4, 5, 6, 7):
        page.locator(f"#id_q{number}_0").check()
    page.locator("#id_q3_1").check()  # 該当なし: no dispatched workers
    page.get_by_role("button", name="提出する").click()
    page.get_by_text("個人情報保護担当の確認待ち").wait_for()
    contract = Contract.objects.get()

    page.context.clear_cookies()
    browser_login(page, "privacy")
    page.goto(contract.get_absolute_url())
    page.get_by_role("button", name="確認する（確認印）").click()
    page.get_by_text("確認印：privacy").wait_for()

    page.context.clear_cookies()
    browser_login(page, "staff1")
    page.goto(contract.get_absolute_url())
    page.get_by_role("button", name="締結済みにする").click()
    page.get_by_text("契約を締結済みにしました").wait_for()

    page.goto("/")
    dashboard = page.inner_text("main")
    assert f"委託先の書面検査（{year}年度）" in dashboard and "特定健診受診勧奨業務委託" in dashboard

    page.goto(contract.get_absolute_url())
    page.get_by_role("link", name="検査を記録する").first.click()
    for number in range(1, 11):
        page.locator(f"#id_item{number}_{1 if number == 6 else 0}").check()
    page.locator("#id_remark6").fill("作業場所の入退室記録がない")
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("残り：検査結果の委託先への通知、改善報告書の提出依頼、改善報告書の受領").wait_for()

    today = timezone.localdate().isoformat()
    page.locator("#id_notified_on").fill(today)
    page.locator("#id_improvement_requested_on").fill(today)
    page.get_by_role("button", name="記録する").click()
    page.get_by_text("残り：改善報告書の受領").wait_for()
    page.goto("/")
    assert "改善報告書の受領" in page.inner_text("main")

    page.goto(Inspection.objects.get().get_absolute_url())
    page.locator("#id_improvement_received_on").fill(today)
    page.locator("#id_improvement_summary").fill("入退室記録簿を備え付けた")
    page.get_by_role("button", name="記録する").click()
    page.get_by_text("検査は完了しました").wait_for()
    page.goto("/")
    assert "特定健診受診勧奨業務委託" not in page.inner_text("main")
    assert Inspection.objects.get().is_closed
