"""Two people editing one request or appeal: the second is told, and nothing is silently undone."""

from datetime import date

import pytest

from hogo.core.tests.forms import posted_data
from hogo.disclosure import actions
from hogo.disclosure.models import Appeal, Decision, Request


@pytest.fixture
def received(organisation, staff):
    return actions.do_create_request(None, user=staff, data={
        "kind": "disclosure", "received_on": date(2025, 12, 26), "division": organisation["own"],
        "requester_name": "世田谷 太郎", "requester_address": "世田谷区世田谷4-21-27", "requester_contact": "03-1111-2222",
        "subject": "乳幼児健康診査の記録", "identity_checked": True})


def test_it_refuses_the_second_save_and_shows_both_versions(client, received, staff, privacy):
    url = f"/requests/{received.pk}/edit/"
    client.force_login(staff)
    first = posted_data(client.get(url))
    client.force_login(privacy)
    second = posted_data(client.get(url))

    client.force_login(staff)
    assert client.post(url, {**first, "subject": "乳幼児健康診査と予防接種の記録"}).status_code == 302
    client.force_login(privacy)
    response = client.post(url, {**second, "requester_contact": "090-3333-4444"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "他の利用者が先に更新しました" in page
    assert "あなたの入力" in page and "現在の登録内容" in page
    assert "乳幼児健康診査の記録" in page and "乳幼児健康診査と予防接種の記録" in page
    assert 'value="090-3333-4444"' in page  # the second user's input is still in the form
    received.refresh_from_db()
    assert received.subject == "乳幼児健康診査と予防接種の記録"
    assert received.requester_contact == "03-1111-2222"
    assert received.version == 2


def test_it_saves_the_conflict_page_when_submitted_again(client, received, staff, privacy):
    url = f"/requests/{received.pk}/edit/"
    client.force_login(privacy)
    stale = posted_data(client.get(url))
    client.force_login(staff)
    client.post(url, {**posted_data(client.get(url)), "subject": "予防接種の記録"})
    client.force_login(privacy)
    conflict = client.post(url, {**stale, "requester_contact": "090-3333-4444"})

    assert client.post(url, posted_data(conflict)).status_code == 302
    received.refresh_from_db()
    assert received.requester_contact == "090-3333-4444" and received.version == 3


def test_it_keeps_an_extension_recorded_while_the_form_was_open(client, received, staff):
    url = f"/requests/{received.pk}/edit/"
    client.force_login(staff)
    data = posted_data(client.get(url))
    client.post(f"/requests/{received.pk}/extension/",
                {"days": 30, "reason": "対象文書が大量のため", "notified_on": "2026-01-05"})
    assert client.post(url, {**data, "note": "電話で確認"}).status_code == 302
    received.refresh_from_db()
    assert received.extension_days == 30 and received.note == "電話で確認"


def test_it_refuses_the_second_save_of_an_appeal(client, received, organisation, staff, privacy):
    decision = Decision.objects.create(request=received, division=organisation["own"], outcome="full",
                                       decided_on=date(2026, 1, 8))
    appeal = Appeal.objects.create(decision=decision, received_on=date(2026, 2, 2))
    url = f"/requests/appeals/{appeal.pk}/edit/"
    client.force_login(staff)
    first = posted_data(client.get(url))
    second = dict(first)
    assert client.post(url, {**first, "referred_on": "2026-02-20"}).status_code == 302
    response = client.post(url, {**second, "note": "口頭意見陳述の申立てあり"})

    assert response.status_code == 409
    assert "他の利用者が先に更新しました" in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.referred_on == date(2026, 2, 20) and appeal.note == ""
