"""A write that times out waiting for SQLite's lock answers a Japanese 503 page, never a 500."""

import pytest
from django.db import OperationalError

from hogo.disclosure import actions

REQUEST = {"kind": "disclosure", "received_on": "2025-12-26", "requester_name": "三軒茶屋 花子",
           "capacity": "self", "subject": "母子保健相談の記録"}


def _fail_with(message):
    def action(*args, **kwargs):
        raise OperationalError(message)
    return action


@pytest.mark.parametrize("message", ["database is locked", "database table is locked: disclosure_request"])
def test_it_answers_503_with_a_japanese_page_when_the_database_stays_locked(client, staff, monkeypatch, message):
    monkeypatch.setattr(actions, "do_create_request", _fail_with(message))
    client.force_login(staff)
    response = client.post("/requests/new/", {**REQUEST, "division": staff.division_id})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "ただいま混み合っています" in page and "もう一度保存してください" in page


def test_it_leaves_other_database_errors_alone(client, staff, monkeypatch):
    monkeypatch.setattr(actions, "do_create_request", _fail_with("no such table: disclosure_request"))
    client.force_login(staff)
    with pytest.raises(OperationalError):
        client.post("/requests/new/", {**REQUEST, "division": staff.division_id})


def test_it_runs_sqlite_in_wal_with_immediate_transactions_and_a_busy_timeout(settings):
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
