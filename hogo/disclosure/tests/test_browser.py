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
    page.get_by_label("開示する保有個人情報の利用目的（法第82条第1項）").fill("乳幼児健康診査の実施")
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("決定を記録しました").wait_for()
    assert "第2号 第三者の個人に関する情報" in page.locator("#decisions").inner_text()

    decision = Decision.objects.get()
    assert (decision.outcome, decision.grounds) == ("partial", [2])
    page.goto("/")
    assert page.locator("tr", has_text=f"第{obj.pk}号").count() == 0


@pytest.mark.browser
def test_it_records_a_third_party_opinion_and_the_disclosure(page, browser_login, staff):
    """法第86条 (意見書) and 法第87条 (開示の実施) through the pages."""
    from hogo.disclosure import actions
    from hogo.disclosure.models import DisclosureExecution, ThirdParty

    today = timezone.localdate()
    obj = actions.do_create_request(None, user=staff, data={
        "kind": "disclosure", "received_on": today - timedelta(days=20), "division": staff.division,
        "requester_name": "世田谷 太郎", "subject": "乳幼児健康診査の記録", "identity_checked": True})
    browser_login(page, "staff1")
    page.goto(obj.get_absolute_url())
    page.get_by_role("link", name="第三者を記録する").click()
    page.get_by_label("第三者の氏名・名称").fill("株式会社三軒茶屋")
    page.get_by_label("意見照会日").fill((today - timedelta(days=15)).isoformat())
    page.get_by_label("意見書の提出期限").fill((today - timedelta(days=5)).isoformat())
    page.get_by_label("意見書の提出日").fill((today - timedelta(days=6)).isoformat())
    page.get_by_label("開示に反対する意見書（反対意見書）").check()
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("第三者を記録しました").wait_for()
    assert "反対意見書" in page.locator("#third-parties").inner_text()
    assert ThirdParty.objects.get().objects_to_disclosure

    decision = actions.do_record_decision(None, obj, user=staff, division=obj.division, outcome="full",
                                          decided_on=today, purpose="乳幼児健康診査の実施", methods_offered="閲覧")
    page.goto(obj.get_absolute_url())
    page.get_by_role("link", name="開示の実施を記録").click()
    page.get_by_label("求める開示の実施の方法").select_option(label="閲覧")
    page.get_by_label("申出日").fill(today.isoformat())
    page.get_by_label("開示の実施日").fill((today + timedelta(days=3)).isoformat())
    page.get_by_role("button", name="保存する").click()
    assert "以後にしてください" in page.content()                 # 法第86条第3項: two weeks first
    page.get_by_label("開示の実施日").fill((today + timedelta(days=15)).isoformat())
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("開示の実施を記録しました").wait_for()
    assert DisclosureExecution.objects.get(decision=decision).scheduled_on == today + timedelta(days=15)
