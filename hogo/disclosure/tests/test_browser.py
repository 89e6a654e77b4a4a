"""Division staff register a request, pause the clock for a correction and record a partial disclosure."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.disclosure.models import Decision, Request


def _japanese(day):
    return f"{day.year}年{day.month}月{day.day}日"


@pytest.mark.browser
def test_it_walks_a_request_from_receipt_to_decision(page, browser_login, staff):
    today = timezone.localdate()
    received = today - timedelta(days=5)
    due = received + timedelta(days=30)          # 第83条第1項, 初日不算入
    browser_login(page, "staff1")

    page.goto("/requests/new/")
    page.get_by_label("請求の種類").select_option(label="保有個人情報開示請求")
    page.get_by_label("受付日").fill(received.isoformat())
    page.get_by_label("請求者氏名").fill("世田谷 太郎")
    page.get_by_label("請求者住所").fill("世田谷区世田谷4-21-27")
    page.get_by_label("請求の内容").fill("乳幼児健康診査の記録")
    page.get_by_label("本人確認済み").check()
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("請求を登録しました").wait_for()
    obj = Request.objects.get()

    page.goto("/")
    row = page.locator("tr", has_text=f"第{obj.pk}号")
    assert _japanese(due) in row.inner_text()

    page.goto(obj.get_absolute_url())
    page.get_by_label("補正を求めた日").fill((received + timedelta(days=1)).isoformat())
    page.get_by_role("button", name="補正を求めた日を記録する").click()
    page.get_by_text("補正を求めた日を記録しました").wait_for()
    page.get_by_label("補正がされた日").fill((received + timedelta(days=4)).isoformat())
    page.get_by_role("button", name="補正がされた日を記録する").click()
    page.get_by_text("決定期限を計算し直しました").wait_for()
    assert "補正に要した3日" in page.locator("#deadlines").inner_text()

    page.goto("/")
    row = page.locator("tr", has_text=f"第{obj.pk}号")
    assert _japanese(due + timedelta(days=3)) in row.inner_text()

    page.goto(obj.get_absolute_url())
    page.get_by_role("link", name="決定を記録する").click()
    page.get_by_label("決定の内容").select_option(label="部分開示")
    page.get_by_label("決定日").fill(today.isoformat())
    page.get_by_label("第2号 第三者の個人に関する情報").check()
    page.get_by_label("理由の説明").fill("第三者の氏名が記録されているため、その部分を除いて開示する。")
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("決定を記録しました").wait_for()
    assert "第2号 第三者の個人に関する情報" in page.locator("#decisions").inner_text()

    decision = Decision.objects.get()
    assert (decision.outcome, decision.grounds) == ("partial", [2])
    page.goto("/")
    assert page.locator("tr", has_text=f"第{obj.pk}号").count() == 0
