"""The safety cycle in a real browser: a self-check, an audit followed up to closure, a fax with a second
checker, and a misdirection that opens a prefilled incident."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hogo.incidents.models import Incident
from hogo.safety.models import AuditPlan, Finding, Send


def _as(browser, live_server, browser_login, username):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ja-JP", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    browser_login(page, username)
    return page


@pytest.mark.browser
def test_it_turns_a_no_in_the_self_check_into_a_finding(page, staff, items, browser_login):
    browser_login(page, "staff1")
    page.goto("/safety/self-checks/")
    page.locator("#id_fiscal_year").fill("2025")
    page.get_by_role("button", name="点検を始める").click()
    page.locator("#id_answers-0-answer_0").check()   # はい
    page.locator("#id_answers-1-answer_1").check()   # いいえ
    page.locator("#id_answers-1-note").fill("前回の点検から1年が過ぎている")
    page.get_by_role("button", name="提出する").click()
    page.get_by_text("指摘事項に登録しました").wait_for()
    finding = Finding.objects.get()
    assert finding.division == staff.division and "短縮ダイヤル" in finding.text
    page.goto("/safety/findings/")
    assert "ファクシミリの短縮ダイヤルを定期的に点検している" in page.inner_text("main")


@pytest.mark.browser
def test_it_follows_an_audit_finding_until_it_closes(browser, live_server, browser_login, auditor, staff,
                                                    organisation):
    plan = AuditPlan.objects.create(fiscal_year=2024, title="世田谷区個人情報保護条例に基づく監査")
    officer = _as(browser, live_server, browser_login, "auditor")
    officer.goto(plan.get_absolute_url())
    officer.get_by_role("link", name="監査を登録する").click()
    officer.locator("#id_division").select_option(str(organisation["own"].pk))
    officer.locator("#id_auditor").fill("個人情報保護監査責任者（総務部長）")
    officer.locator("#id_conducted_on").fill("2025-02-26")
    officer.locator("#id_result").fill("概ね適正に行われていると判断する。")
    officer.get_by_role("button", name="保存する").click()
    officer.locator("#id_category").select_option("disposal")
    officer.locator("#id_text").fill("文書保存箱の廃棄年月日に誤記載がある。")
    officer.get_by_role("button", name="指摘事項を登録する").click()
    officer.get_by_text("指摘事項を登録しました").wait_for()
    finding = Finding.objects.get()
    assert finding.division == organisation["own"] and finding.audit.plan == plan

    division = _as(browser, live_server, browser_login, "staff1")
    division.goto(finding.get_absolute_url())
    division.locator("#id_text").fill("保存期間は作成年度の翌年度から起算して記載し直した。")
    division.locator("#id_owner").fill("庶務担当係長")
    division.locator("#id_due_on").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    division.get_by_role("button", name="改善措置を登録する").click()
    division.get_by_role("button", name="完了にする").click()
    division.get_by_text("指摘事項は完了しました").wait_for()
    assert "完了" in division.locator("#finding-state").inner_text()
    finding.refresh_from_db()
    assert finding.is_closed


@pytest.mark.browser
def test_it_records_a_fax_checked_by_a_second_person_and_opens_an_incident(page, staff, colleague, browser_login):
    browser_login(page, "staff1")
    page.goto("/safety/sends/")
    page.get_by_role("link", name="送付を記録する").click()
    page.locator("#id_sent_on").fill("2024-08-05")
    page.locator("#id_channel").select_option("fax")
    page.locator("#id_recipient").fill("子ども・若者部子ども家庭課")
    page.locator("#id_address").fill("03-0000-0000")
    page.locator("#id_content").fill("世田谷区産前・産後訪問支援申請書")
    page.locator("#id_method").select_option("fax_cover")
    page.locator("#id_checker").select_option(str(colleague.pk))
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("送付記録を登録しました").wait_for()
    assert page.locator("#checker").inner_text() == str(colleague)
    send = Send.objects.get()
    assert send.checker == colleague and send.sender == staff

    page.locator("#id_misdirected_on").fill("2024-08-05")
    page.locator("#id_misdirection").fill("Ｂ社から、文書がＢ社に誤送信されているため廃棄するとの連絡があった。")
    page.get_by_role("button", name="誤送付として記録する").click()
    page.get_by_role("link", name="この送付記録から漏えい等事案を登録する").click()
    assert page.locator("#id_document_name").input_value() == "世田谷区産前・産後訪問支援申請書"
    assert page.locator("#id_occurred_on").input_value() == "2024-08-05"
    assert "Ｂ社" in page.locator("#id_discovered_how").input_value()
    assert "子ども・若者部子ども家庭課" in page.locator("#id_summary").input_value()
    page.get_by_role("button", name="保存する").click()
    page.get_by_text("事案を登録しました").wait_for()
    incident = Incident.objects.get()
    assert incident.division == staff.division and incident.learned_on == date(2024, 8, 5)

    page.goto(send.get_absolute_url())
    page.locator("#id_incident").select_option(str(incident.pk))
    page.get_by_role("button", name="関連付ける").click()
    page.get_by_text("漏えい等事案と関連付けました").wait_for()
    send.refresh_from_db()
    assert send.incident == incident
