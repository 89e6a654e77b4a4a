import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_logs_in_out_and_shows_the_previous_users_actions_in_the_audit_log(page, staff, privacy, browser_login):
    browser_login(page, "staff1")
    assert page.get_by_role("heading", name="ダッシュボード").is_visible()
    assert page.get_by_text("期限が設定された案件はありません").is_visible()
    # Division staff have no audit-log menu entry, and the URL itself is refused.
    assert page.get_by_role("link", name="監査ログ").count() == 0
    assert page.goto("/audit/").status == 403
    page.goto("/")
    page.get_by_role("button", name="ログアウト").click()
    page.wait_for_url("**/login/")

    browser_login(page, "privacy")
    page.get_by_role("link", name="監査ログ").click()
    page.get_by_label("利用者").select_option(label="staff1")
    page.get_by_role("button", name="絞り込む").click()
    rows = page.locator("table.audit tbody tr")
    texts = rows.all_inner_texts()
    assert any("ログイン" in text and "staff1" in text for text in texts)
    assert any("ログアウト" in text for text in texts)
    assert any("アクセス拒否" in text for text in texts)


def test_it_refuses_a_wrong_password_with_a_message(page, staff):
    page.goto("/login/")
    page.get_by_label("ユーザー名").fill("staff1")
    page.get_by_label("パスワード").fill("wrong-password")
    page.get_by_role("button", name="ログイン").click()
    assert page.get_by_role("alert").is_visible()


def test_the_layout_fits_a_tablet(page, staff, browser_login):
    page.set_viewport_size({"width": 768, "height": 1024})
    browser_login(page, "staff1")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 768
