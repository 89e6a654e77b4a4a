"""Client address behind the proxy, and login throttling by account and by address."""

import pytest
from django.urls import reverse

from conftest import PASSWORD, _user
from hogo.audit.models import AuditEntry
from hogo.core.choices import Role

PROXY = "127.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    settings.HOGO_TRUSTED_PROXIES = [PROXY]


def _login(client, username, password, client_address, peer=PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": client_address} if client_address else {}
    return client.post(reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=peer, **headers)


def test_it_audits_the_real_client_address_behind_a_trusted_proxy(client, staff, behind_proxy):
    _login(client, "staff1", PASSWORD, "198.51.100.7")
    entry = AuditEntry.objects.get(action="login")
    assert entry.ip_address == "198.51.100.7"


def test_it_ignores_the_header_from_an_untrusted_peer(client, staff, behind_proxy):
    _login(client, "staff1", PASSWORD, "198.51.100.7", peer="203.0.113.9")
    assert AuditEntry.objects.get(action="login").ip_address == "203.0.113.9"


def test_it_ignores_the_header_when_no_proxy_is_trusted(client, staff):
    _login(client, "staff1", PASSWORD, "198.51.100.7")
    assert AuditEntry.objects.get(action="login").ip_address == PROXY


def test_it_locks_an_address_that_fails_on_several_accounts(client, organisation, behind_proxy):
    for number in range(5):
        _user(f"user{number}", Role.DIVISION_STAFF, organisation["own"])
        _login(client, f"user{number}", "wrong", "198.51.100.7")
    _user("victim", Role.DIVISION_STAFF, organisation["own"])

    response = _login(client, "victim", PASSWORD, "198.51.100.7")
    assert response.status_code == 429
    assert "ログインを一時停止" in response.content.decode()
    # Someone else behind the same proxy is not affected.
    assert _login(client, "victim", PASSWORD, "198.51.100.8").status_code == 302


def test_it_locks_an_account_that_fails_from_several_addresses(client, staff, other_staff):
    for number in range(5):
        _login(client, "staff1", "wrong", None, peer=f"198.51.100.{number + 10}")

    response = _login(client, "staff1", PASSWORD, None, peer="198.51.100.99")
    assert response.status_code == 429
    assert not AuditEntry.objects.filter(action="login").exists()
    # Another account from one of those addresses is not locked (four failures there).
    assert _login(client, "staff2", PASSWORD, None, peer="198.51.100.10").status_code == 302


def test_a_spoofed_header_from_an_untrusted_peer_does_not_escape_the_lock(client, staff, behind_proxy):
    for number in range(5):
        _login(client, "nobody", "wrong", f"198.51.100.{number}", peer="203.0.113.9")
    response = _login(client, "staff1", PASSWORD, "198.51.100.200", peer="203.0.113.9")
    assert response.status_code == 429
