"""Corrections 5, 7, 8 and 9 of issue #11 and the request steps of Art.86, 87 and 105(2).

Each test names the provision (個人情報の保護に関する法律 = 法) or the seed line it is built from.
"""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from hogo.audit.models import AuditEntry
from hogo.core import deadlines as dashboard
from hogo.disclosure import actions, deadlines, statistics
from hogo.disclosure.models import Appeal, DisclosureExecution, Request, RequestSettings, ThirdParty


def _text(content):
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def received(organisation, staff):
    return actions.do_create_request(None, user=staff, data={
        "kind": "disclosure", "received_on": date(2025, 12, 26), "division": organisation["own"],
        "requester_name": "世田谷 太郎", "requester_address": "世田谷区世田谷4-21-27",
        "subject": "乳幼児健康診査の記録", "identity_checked": True})


@pytest.fixture
def settings_row(organisation):
    settings = RequestSettings.current()
    settings.head_title, settings.head_name = "世田谷区長", "世田谷 一郎"
    settings.disclosure_place = "世田谷区役所 区政情報センター"
    settings.copy_fee_table = "用紙（A3まで）白黒 10\n用紙（A3まで）カラー 50"
    settings.review_board_name = "世田谷区情報公開・個人情報保護審査会"
    settings.save()
    return settings


# ------------------------------------------------------------------ correction 5: Art.78 for a 市区町村

def _ground_choices(client, obj):
    form = client.get(f"/requests/{obj.pk}/decisions/new/").context["form"]
    return {number for number, _ in form.fields["grounds"].choices}


def test_it_does_not_offer_items_4_and_5_to_a_municipality(client, received, staff, settings_row):
    # 法第78条第1項第4号「行政機関の長が…認めることにつき相当の理由がある情報」, 第5号「行政機関の長又は
    # 地方公共団体の機関（都道府県の機関に限る。）が…」: a 市区町村 relies on 第7号イ・ロ instead.
    client.force_login(staff)
    assert _ground_choices(client, received) == {1, 2, 3, 6, 7}
    response = client.post(f"/requests/{received.pk}/decisions/new/", {
        "division": received.division_id, "outcome": "refused", "decided_on": "2026-01-20", "grounds": ["4"]})
    assert response.status_code == 200 and not received.decisions.exists()
    assert "イ 国の安全等" in response.content.decode()


def test_a_prefectural_body_is_offered_item_5_but_not_item_4(client, received, staff, settings_row):
    # 法第78条第1項第5号 names 都道府県の機関; 第4号 names 行政機関の長 only.
    settings_row.body_type = "prefectural"
    settings_row.save()
    client.force_login(staff)
    assert _ground_choices(client, received) == {1, 2, 3, 5, 6, 7}


def test_the_printed_tables_keep_the_rows_of_items_4_and_5():
    # Seed 004 lines 240 and 242 print 「第 4 号 国の安全等に関する情報」「第 5 号 公共の安全等に関する情報」.
    assert statistics.ARTICLE_78_ITEMS[4] == "国の安全等に関する情報"
    assert statistics.ARTICLE_78_ITEMS[5] == "公共の安全等に関する情報"


def test_it_offers_and_prints_the_grounds_an_ordinance_adds(client, received, staff, settings_row):
    # 法第78条第2項: information the ordinance (情報公開条例との整合) treats as non-disclosable.
    settings_row.added_grounds = "世田谷区個人情報保護法施行条例第5条 情報公開条例第7条第1項第7号に相当する情報"
    settings_row.save()
    client.force_login(staff)
    assert 101 in _ground_choices(client, received)
    client.post(f"/requests/{received.pk}/decisions/new/", {
        "division": received.division_id, "outcome": "refused", "decided_on": "2026-01-20", "grounds": ["101"]})
    decision = received.decisions.get()
    text = _text(client.get(f"/requests/decisions/{decision.pk}/notice.docx").content)
    assert "世田谷区個人情報保護法施行条例第5条 情報公開条例第7条第1項第7号に相当する情報" in text


# ------------------------------------------------------------------ correction 7: the notice

def test_the_disclosure_notice_carries_what_article_82_requires(client, received, staff, settings_row):
    # 法第82条第1項: 「その旨、開示する保有個人情報の利用目的及び開示の実施に関し政令で定める事項」;
    # 法第87条第3項・第4項: the method is stated within 30 days of the notice.
    decision = actions.do_record_decision(
        None, received, user=staff, division=received.division, outcome="full", decided_on=date(2026, 1, 20),
        notified_on=date(2026, 1, 21), document_number="7世区情第45号", purpose="乳幼児健康診査の実施",
        methods_offered="閲覧、写しの交付", disclosure_dates="令和8年2月2日から令和8年3月13日までの開庁日")
    client.force_login(staff)
    text = _text(client.get(f"/requests/decisions/{decision.pk}/notice.docx").content)
    for expected in ("7世区情第45号", "世田谷区長　世田谷 一郎", "乳幼児健康診査の実施", "閲覧、写しの交付",
                     "令和8年2月2日から令和8年3月13日までの開庁日", "世田谷区役所 区政情報センター",
                     "用紙（A3まで）白黒 10円", "30日以内", "第87条第3項・第4項",
                     "審査請求をすることができます", "行政事件訴訟法", "世田谷区を被告として"):
        assert expected in text, expected


def test_a_withdrawal_letter_carries_no_instruction(client, received, staff, settings_row):
    # 取下げ is the requester's act, not a 処分: no 教示 (行政不服審査法第82条, 行政事件訴訟法第46条 apply to 処分).
    decision = actions.do_record_decision(None, received, user=staff, division=received.division,
                                          outcome="withdrawn", decided_on=date(2026, 1, 20))
    client.force_login(staff)
    text = _text(client.get(f"/requests/decisions/{decision.pk}/notice.docx").content)
    assert "審査請求" not in text and "行政事件訴訟法" not in text and "教示" not in text


def test_a_disclosure_decision_asks_for_the_purpose(client, received, staff):
    # 法第82条第1項: 開示する保有個人情報の利用目的 is part of the notice.
    client.force_login(staff)
    response = client.post(f"/requests/{received.pk}/decisions/new/", {
        "division": received.division_id, "outcome": "full", "decided_on": "2026-01-20"})
    assert "利用目的を入力してください" in response.content.decode()


# ------------------------------------------------------------------ correction 8: appeals

def test_the_consultation_date_names_the_review_board():
    # 法第105条第3項: 行政不服審査法第81条の機関（審査会）, not the 審議会.
    label = Appeal._meta.get_field("referred_on").verbose_name
    assert "審査会" in label and "審議会" not in label


def test_it_records_an_appeal_against_inaction_without_a_decision(client, received, staff):
    # 法第105条第1項: 「開示決定等又は開示請求…に係る不作為について審査請求があったとき」.
    client.force_login(staff)
    response = client.post(f"/requests/{received.pk}/appeals/inaction/",
                           {"received_on": "2026-02-10", "outcome": "pending"})
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.decision is None and appeal.kind == "inaction" and appeal.request == received


@pytest.mark.parametrize("received_on, message", [
    ("2025-12-20", "請求の受付日"),          # before the request (Request.received_on 2025-12-26)
    ("2026-01-15", "決定日"),                # before the decision of 2026-01-20
])
def test_it_refuses_an_appeal_dated_before_the_request_or_the_decision(client, received, staff, received_on,
                                                                       message):
    # 行政不服審査法第18条第1項: the period runs from knowing of the 処分; an appeal cannot predate it.
    decision = actions.do_record_decision(None, received, user=staff, division=received.division,
                                          outcome="refused", decided_on=date(2026, 1, 20), grounds=[7])
    client.force_login(staff)
    response = client.post(f"/requests/decisions/{decision.pk}/appeals/new/",
                           {"received_on": received_on, "outcome": "pending"})
    assert message in response.content.decode() and not Appeal.objects.exists()


def test_the_consultation_notice_goes_to_the_requester_and_objecting_third_parties(client, received, staff,
                                                                                   settings_row):
    # 法第105条第2項: 審査請求人・参加人, the requester, and a third party who filed a 反対意見書.
    party = actions.do_add_third_party(None, received, data={
        "name": "株式会社三軒茶屋", "asked_on": date(2026, 1, 5), "reply_by": date(2026, 1, 15),
        "replied_on": date(2026, 1, 14), "objects_to_disclosure": True})
    decision = actions.do_record_decision(None, received, user=staff, division=received.division,
                                          outcome="refused", decided_on=date(2026, 1, 20), grounds=[3])
    appeal = actions.do_record_appeal(None, received, decision=decision, data={
        "received_on": date(2026, 2, 10), "referred_on": date(2026, 3, 1), "outcome": "pending"})
    client.force_login(staff)
    requester = _text(client.get(f"/requests/appeals/{appeal.pk}/consultation-notice.docx").content)
    assert "世田谷 太郎　様" in requester and "世田谷区情報公開・個人情報保護審査会" in requester
    assert "第105条第2項" in requester
    third = _text(client.get(f"/requests/appeals/{appeal.pk}/consultation-notice.docx?third_party={party.pk}").content)
    assert "株式会社三軒茶屋　様" in third
    assert AuditEntry.objects.filter(action="export", record_type="disclosure.Appeal").count() == 2


# ------------------------------------------------------------------ correction 9: extensions

def test_it_refuses_an_extension_decided_after_the_original_period(client, received, staff):
    # 法第83条第2項: 「前項に規定する期間を三十日以内に限り延長することができる」 — only while that period runs.
    # Received 2025-12-26, the original deadline is 2026-01-25 (test_requests: dashboard due date).
    client.force_login(staff)
    response = client.post(f"/requests/{received.pk}/extension/",
                           {"days": 10, "reason": "文書が大量のため", "notified_on": "2026-01-26"}, follow=True)
    assert "当初の決定期限（2026年1月25日）までに" in response.content.decode()
    received.refresh_from_db()
    assert received.extension_days == 0


def test_the_extension_limit_follows_the_ordinance(client, received, staff, settings_row):
    # 法第83条第2項 allows up to 30 days; an ordinance may shorten it (the setting).
    settings_row.extension_max_days = 14
    settings_row.save()
    client.force_login(staff)
    response = client.post(f"/requests/{received.pk}/extension/",
                           {"days": 20, "reason": "文書が大量のため", "notified_on": "2026-01-10"}, follow=True)
    assert "延長できるのは14日以内です" in response.content.decode()
    received.refresh_from_db()
    assert received.extension_days == 0


@pytest.mark.parametrize("decided_on, original, ok", [
    (date(2026, 1, 25), date(2026, 1, 25), True),     # on the last day of the period
    (date(2026, 1, 26), date(2026, 1, 25), False),    # the day after: the period has run out
])
def test_check_extension_in_time(decided_on, original, ok):
    # 法第83条第2項: the extension extends 「前項に規定する期間」, so it is made before that period ends.
    if ok:
        deadlines.check_extension_in_time(decided_on, original)
    else:
        with pytest.raises(deadlines.DeadlineError):
            deadlines.check_extension_in_time(decided_on, original)


# ------------------------------------------------------------------ third parties (法第86条)

@pytest.mark.parametrize("decided_on, earliest", [
    (date(2026, 1, 1), date(2026, 1, 16)),      # 14 whole days (2–15) lie between the two days
    (date(2026, 1, 20), date(2026, 2, 4)),
    (date(2026, 2, 20), date(2026, 3, 7)),      # across the end of February
])
def test_third_party_wait(decided_on, earliest):
    # 法第86条第3項: 「開示決定の日と開示を実施する日との間に少なくとも二週間を置かなければならない」.
    assert deadlines.third_party_wait(decided_on).date == earliest


def test_the_opinion_letter_does_not_name_the_requester(client, received, staff, settings_row):
    # 法第86条第1項: the third party is told of the request and given a period for its opinion.
    party = actions.do_add_third_party(None, received, data={
        "name": "株式会社三軒茶屋", "information": "取引の記録", "asked_on": date(2026, 1, 5),
        "reply_by": date(2026, 1, 15)})
    client.force_login(staff)
    text = _text(client.get(f"/requests/third-parties/{party.pk}/letter.docx").content)
    assert "株式会社三軒茶屋　様" in text and "第86条第1項" in text and "令和8年1月15日" in text
    assert "世田谷 太郎" not in text


def test_disclosure_over_an_objection_waits_two_weeks(client, received, staff, settings_row):
    # 法第86条第3項: decided 2026-01-20, disclosure on 2026-02-04 at the earliest; the third party is told.
    party = actions.do_add_third_party(None, received, data={
        "name": "株式会社三軒茶屋", "asked_on": date(2026, 1, 5), "reply_by": date(2026, 1, 15),
        "replied_on": date(2026, 1, 14), "objects_to_disclosure": True})
    decision = actions.do_record_decision(
        None, received, user=staff, division=received.division, outcome="full", decided_on=date(2026, 1, 20),
        purpose="乳幼児健康診査の実施", methods_offered="閲覧")
    data = {"method": "viewing", "applied_on": date(2026, 1, 22), "scheduled_on": date(2026, 2, 3),
            "place": "", "fee_item": "", "copies": 0, "carried_out_on": None, "note": ""}
    with pytest.raises(ValidationError, match="2026年2月4日以後"):
        actions.do_record_execution(None, decision, data=data)
    actions.do_record_execution(None, decision, data={**data, "scheduled_on": date(2026, 2, 4)})
    items = [item for item in dashboard.deadlines_for(staff, date(2026, 1, 25)) if "開示の実施" in item.title]
    assert [item.due for item in items] == [date(2026, 2, 4)]
    client.force_login(staff)
    text = _text(client.get(f"/requests/third-parties/{party.pk}/letter.docx?decision={decision.pk}").content)
    assert "第86条第3項" in text and "令和8年2月4日" in text


def test_the_dashboard_shows_an_awaited_opinion(received, staff, other_staff):
    # 法第86条第1項: 「意見書を提出する機会を与えることができる」 within the period the office sets.
    actions.do_add_third_party(None, received, data={"name": "株式会社三軒茶屋", "asked_on": date(2026, 1, 5),
                                                      "reply_by": date(2026, 1, 15)})
    items = [item for item in dashboard.deadlines_for(staff, date(2026, 1, 10)) if "意見書" in item.title]
    assert [item.due for item in items] == [date(2026, 1, 15)]
    assert not [item for item in dashboard.deadlines_for(other_staff, date(2026, 1, 10)) if "意見書" in item.title]


# ------------------------------------------------------------------ 開示の実施 (法第87条)

def test_it_records_the_requesters_choice_copies_and_their_fee(client, received, staff, settings_row):
    # 法第87条第3項: the requester states the method; 法第89条第2項 (条例で定める費用): copies by the fee table.
    decision = actions.do_record_decision(
        None, received, user=staff, division=received.division, outcome="full", decided_on=date(2026, 1, 20),
        purpose="乳幼児健康診査の実施", methods_offered="閲覧、写しの交付")
    client.force_login(staff)
    response = client.post(f"/requests/decisions/{decision.pk}/execution/", {
        "method": "copy", "applied_on": "2026-01-22", "scheduled_on": "2026-01-28",
        "place": "", "fee_item": "用紙（A3まで）白黒", "copies": 12, "carried_out_on": "2026-01-28"})
    assert response.status_code == 302
    execution = DisclosureExecution.objects.get()
    assert execution.fee_yen == 120 and execution.place == "世田谷区役所 区政情報センター"
    assert execution.carried_out_on == date(2026, 1, 28)
    assert AuditEntry.objects.filter(action="create", record_type="disclosure.DisclosureExecution").exists()


def test_council_viewers_cannot_record_a_third_party(client, received, council):
    client.force_login(council)
    assert client.post(f"/requests/{received.pk}/third-parties/new/", {"name": "x"}).status_code == 403
    assert not ThirdParty.objects.exists() and Request.objects.count() == 1
