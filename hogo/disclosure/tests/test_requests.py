"""Registering requests, pauses, extensions, decisions and appeals through the pages."""

import io
from datetime import date

import pytest
from docx import Document

from hogo.audit.models import AuditEntry
from hogo.core import deadlines as dashboard
from hogo.disclosure import actions
from hogo.disclosure.models import Appeal, CorrectionPause, Decision, Request


@pytest.fixture
def received(organisation, staff):
    return actions.do_create_request(None, user=staff, data={
        "kind": "disclosure", "received_on": date(2025, 12, 26), "division": organisation["own"],
        "requester_name": "世田谷 太郎", "requester_address": "世田谷区世田谷4-21-27", "requester_contact": "03-1111-2222",
        "subject": "乳幼児健康診査の記録", "identity_checked": True})


def _post_request(client, organisation, **extra):
    data = {"kind": "disclosure", "received_on": "2025-12-26", "division": organisation["own"].pk,
            "requester_name": "三軒茶屋 花子", "requester_address": "世田谷区三軒茶屋2-1-1", "requester_contact": "",
            "capacity": "self", "subject": "母子保健相談の記録", "identity_checked": "on", **extra}
    return client.post("/requests/new/", data)


def test_it_registers_a_request_for_the_staff_members_division(client, organisation, staff):
    client.force_login(staff)
    response = _post_request(client, organisation, other_divisions=[organisation["other"].pk])
    obj = Request.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/requests/{obj.pk}/"
    assert obj.agency == organisation["mayor"]
    assert set(obj.divisions.all()) == {organisation["own"], organisation["other"]}
    assert AuditEntry.objects.filter(action="create", record_type="disclosure.Request", record_id=str(obj.pk)).exists()


def test_it_does_not_let_staff_register_for_another_division(client, organisation, staff):
    client.force_login(staff)
    response = _post_request(client, organisation, division=organisation["other"].pk)
    assert response.status_code == 200
    assert not Request.objects.exists()


def test_it_asks_for_the_representatives_name(client, organisation, staff):
    client.force_login(staff)
    response = _post_request(client, organisation, capacity="legal")
    assert "代理人の氏名を入力してください" in response.content.decode()
    assert not Request.objects.exists()


def test_council_viewers_cannot_register(client, council):
    client.force_login(council)
    assert client.get("/requests/new/").status_code == 403


def test_it_audits_every_view_of_the_requester(client, received, staff):
    client.force_login(staff)
    response = client.get(f"/requests/{received.pk}/")
    assert "世田谷 太郎" in response.content.decode()
    assert AuditEntry.objects.filter(action="view", record_id=str(received.pk), user=staff).count() == 1


def test_the_list_shows_no_requester_names(client, received, staff):
    client.force_login(staff)
    content = client.get("/requests/").content.decode()
    assert f"第{received.pk}号" in content and "世田谷 太郎" not in content


def test_another_division_gets_404_and_the_attempt_is_audited(client, received, other_staff):
    client.force_login(other_staff)
    assert client.get(f"/requests/{received.pk}/").status_code == 404
    assert client.post(f"/requests/{received.pk}/pauses/", {"requested_on": "2026-01-05"}).status_code == 404
    assert AuditEntry.objects.filter(action="denied", user=other_staff).count() == 2
    assert f"第{received.pk}号" not in client.get("/requests/?status=all").content.decode()


def test_a_co_handling_division_sees_the_request(client, received, organisation, other_staff):
    received.divisions.add(organisation["other"])
    client.force_login(other_staff)
    assert client.get(f"/requests/{received.pk}/").status_code == 200


@pytest.mark.parametrize("url", ["/requests/{pk}/pauses/", "/requests/{pk}/extension/",
                                 "/requests/{pk}/special-extension/", "/requests/{pk}/reopen/"])
def test_post_only_views_refuse_get(client, received, staff, url):
    client.force_login(staff)
    assert client.get(url.format(pk=received.pk)).status_code == 405


@pytest.mark.parametrize("url", ["/requests/{pk}/pauses/", "/requests/{pk}/extension/",
                                 "/requests/{pk}/decisions/new/", "/requests/{pk}/edit/"])
def test_council_viewers_cannot_write(client, received, council, url):
    client.force_login(council)
    assert client.post(url.format(pk=received.pk), {}).status_code == 403


def test_it_pauses_and_resumes_the_clock(client, received, staff):
    client.force_login(staff)
    client.post(f"/requests/{received.pk}/pauses/", {"requested_on": "2026-01-05", "note": "対象の特定"})
    pause = CorrectionPause.objects.get()
    assert pause.answered_on is None
    client.post(f"/requests/pauses/{pause.pk}/end/", {"answered_on": "2026-01-09"})
    pause.refresh_from_db()
    assert pause.answered_on == date(2026, 1, 9)
    received.refresh_from_db()
    assert received.current_deadline().date == date(2026, 1, 29)
    assert AuditEntry.objects.filter(record_type="disclosure.CorrectionPause", action="update",
                                     changes__answered_on=["", "2026-01-09"]).exists()


def test_it_refuses_an_end_before_the_start(client, received, staff):
    pause = actions.do_start_pause(None, received, user=staff, requested_on=date(2026, 1, 5))
    client.force_login(staff)
    response = client.post(f"/requests/pauses/{pause.pk}/end/", {"answered_on": "2026-01-04"}, follow=True)
    assert "補正を求めた日以後" in response.content.decode()
    pause.refresh_from_db()
    assert pause.answered_on is None


def test_it_extends_by_30_days_and_refuses_31(client, received, staff):
    client.force_login(staff)
    response = client.post(f"/requests/{received.pk}/extension/",
                           {"days": 31, "reason": "文書が大量のため", "notified_on": "2026-01-10"}, follow=True)
    assert "延長できるのは30日以内です" in response.content.decode()
    received.refresh_from_db()
    assert received.extension_days == 0
    client.post(f"/requests/{received.pk}/extension/",
                {"days": 30, "reason": "文書が大量のため", "notified_on": "2026-01-10"})
    received.refresh_from_db()
    assert received.extension_days == 30
    assert received.current_deadline().date == date(2026, 2, 24)
    assert AuditEntry.objects.filter(action="update", record_id=str(received.pk),
                                     changes__extension_days=["0", "30"]).exists()


def test_it_records_a_special_extension(client, received, staff):
    client.force_login(staff)
    client.post(f"/requests/{received.pk}/special-extension/",
                {"reason": "著しく大量", "notified_on": "2026-01-20", "rest_by": "2026-04-30"})
    received.refresh_from_db()
    assert received.special_extension
    assert received.current_deadline().date == date(2026, 2, 24)    # 相当の部分 within 60 days


def test_it_records_a_partial_disclosure_with_grounds(client, received, staff):
    client.force_login(staff)
    url = f"/requests/{received.pk}/decisions/new/"
    data = {"division": received.division_id, "outcome": "partial", "decided_on": "2026-01-20",
            "notified_on": "2026-01-21", "completes": "on"}
    response = client.post(url, data)
    assert "根拠とした不開示事由の号を選んでください" in response.content.decode()
    assert not Decision.objects.exists()
    response = client.post(url, {**data, "grounds": ["2", "7"], "reason": "第三者の氏名",
                                 "purpose": "乳幼児健康診査の実施", "methods_offered": "閲覧、写しの交付"})
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.grounds == [2, 7]
    received.refresh_from_db()
    assert received.closed_on == date(2026, 1, 20)
    assert AuditEntry.objects.filter(action="create", record_type="disclosure.Decision").exists()


def test_it_refuses_grounds_on_a_full_disclosure(client, received, staff):
    client.force_login(staff)
    response = client.post(f"/requests/{received.pk}/decisions/new/", {
        "division": received.division_id, "outcome": "full", "decided_on": "2026-01-20", "grounds": ["2"]})
    assert "不開示事由を付けません" in response.content.decode()


def test_the_decision_notice_is_a_docx_and_its_export_is_audited(client, received, staff):
    decision = actions.do_record_decision(None, received, user=staff, division=received.division,
                                          outcome="partial", decided_on=date(2026, 1, 20), grounds=[2])
    client.force_login(staff)
    response = client.get(f"/requests/decisions/{decision.pk}/notice.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "世田谷 太郎　様" in text
    assert "第2号 第三者の個人に関する情報" in text
    assert AuditEntry.objects.filter(action="export", record_type="disclosure.Decision").exists()


def test_another_division_cannot_download_the_notice(client, received, staff, other_staff):
    decision = actions.do_record_decision(None, received, user=staff, division=received.division,
                                          outcome="full", decided_on=date(2026, 1, 20))
    client.force_login(other_staff)
    assert client.get(f"/requests/decisions/{decision.pk}/notice.docx").status_code == 404


def test_it_records_and_updates_an_appeal(client, received, staff):
    decision = actions.do_record_decision(None, received, user=staff, division=received.division,
                                          outcome="refused", decided_on=date(2026, 1, 20), grounds=[7])
    client.force_login(staff)
    client.post(f"/requests/decisions/{decision.pk}/appeals/new/", {"received_on": "2026-02-10", "outcome": "pending"})
    appeal = Appeal.objects.get()
    response = client.post(f"/requests/appeals/{appeal.pk}/edit/", {
        "received_on": "2026-02-10", "referred_on": "2026-03-01", "answered_on": "2026-06-01",
        "outcome": "decided", "decided_on": "2026-06-20", "version": 1})
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.outcome == "decided" and appeal.referred_on == date(2026, 3, 1)
    assert AuditEntry.objects.filter(record_type="disclosure.Appeal", action="update").exists()


def test_the_dashboard_shows_the_due_date_to_the_division_only(received, staff, other_staff, privacy):
    today = date(2026, 1, 10)
    items = [item for item in dashboard.deadlines_for(staff, today) if item.url == received.get_absolute_url()]
    assert [item.due for item in items] == [date(2026, 1, 25)]
    assert "世田谷 太郎" not in items[0].title
    assert not [item for item in dashboard.deadlines_for(other_staff, today) if item.url == received.get_absolute_url()]
    assert [item for item in dashboard.deadlines_for(privacy, today) if item.url == received.get_absolute_url()]


def test_a_co_handling_division_can_edit_without_taking_the_lead(client, received, organisation, other_staff):
    received.divisions.add(organisation["other"])
    client.force_login(other_staff)
    response = client.post(f"/requests/{received.pk}/edit/", {
        "kind": "disclosure", "received_on": "2025-12-26", "division": organisation["own"].pk,
        "other_divisions": [organisation["other"].pk], "requester_name": "世田谷 太郎",
        "requester_address": "世田谷区世田谷4-21-27", "capacity": "self", "subject": "乳幼児健康診査の記録（訂正）",
        "version": 1})
    assert response.status_code == 302
    received.refresh_from_db()
    assert received.division == organisation["own"]
    assert received.subject == "乳幼児健康診査の記録（訂正）"
    assert AuditEntry.objects.filter(action="update", record_id=str(received.pk),
                                     changes__subject=["乳幼児健康診査の記録", "乳幼児健康診査の記録（訂正）"]).exists()
