import pytest

from hogo.registers.checklists import checklist_for


@pytest.mark.browser
def test_it_shows_a_dv_outsourcing_review_in_the_period_report(page, browser_login, staff, privacy):
    browser_login(page, "staff1")
    page.goto("/registers/reviews/new/outsourcing/")
    page.get_by_label("委託の内容").fill("DV被害者の同行支援を委託する。")
    page.get_by_label("要配慮個人情報", exact=True).check()
    page.get_by_label("条例要配慮個人情報", exact=True).check()
    page.get_by_label("条例要配慮個人情報の内容").fill("ドメスティック・バイオレンス")
    page.get_by_label("委託先").fill("特定非営利活動法人サンプル")
    for key, question in checklist_for("outsourcing"):
        page.locator(f"input[name='check_{key}'][value='yes']").check()
    page.get_by_label("審査結果").select_option(label="可")
    page.get_by_label("審査日").fill("2023-06-01")
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("審査を登録しました。").wait_for()

    page.get_by_role("button", name="ログアウト").click()
    browser_login(page, "privacy")
    page.goto("/registers/reports/reviews/")
    page.get_by_label("期間内に審査した業務（報告第362号の形式）").check()
    page.get_by_label("期間（始期）").fill("2023-04-02")
    page.get_by_label("基準日・期間（終期）").fill("2023-08-31")
    page.get_by_role("button", name="表示する").click()
    listing = page.locator("table.listing").first
    listing.get_by_text("DV被害者の同行支援を委託する。").wait_for()
    assert "ドメスティック・バイオレンス" in listing.inner_text()
    first_table = page.locator("table.counts").first
    assert "1" in first_table.locator("tr.total").inner_text()
