import subprocess
import sys

import pytest
from django.urls import reverse

from hogo.audit.models import AuditEntry


def test_every_page_needs_a_login(client, db):
    for url in (reverse("dashboard"), reverse("audit:list"), reverse("audit:export")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_it_locks_a_user_name_after_repeated_failures(client, staff):
    from conftest import PASSWORD

    for _ in range(5):
        client.post(reverse("login"), {"username": "staff1", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "staff1", "password": PASSWORD})
    assert response.status_code == 429
    assert "ログインを一時停止" in response.content.decode()
    assert not AuditEntry.objects.filter(action="login").exists()


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 64 + "-production-secret-for-the-check",
           "ALLOWED_HOSTS": "hogo.example.jp", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
           "DJANGO_SETTINGS_MODULE": "hogo.settings"}
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_refuses_the_demo_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
           "DJANGO_SETTINGS_MODULE": "hogo.settings"}
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy"],
                            env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "core.E001" in result.stderr


def test_it_sends_security_headers(client, staff):
    client.force_login(staff)
    response = client.get(reverse("dashboard"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.cookies.get("sessionid") is None or response.cookies["sessionid"]["httponly"]


def test_it_sends_a_content_security_policy_and_no_store_on_pages(client, staff):
    client.force_login(staff)
    response = client.get(reverse("dashboard"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_it_sends_no_store_on_downloads(client, privacy):
    client.force_login(privacy)
    response = client.get(reverse("audit:export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"]


def test_it_lets_static_files_be_cached(client, staff):
    client.force_login(staff)
    response = client.get("/static/hogo/hogo.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_check_deploy_fails_with_the_demo_secret_key_outside_demo_mode(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.SECRET_KEY = settings.DEMO_SECRET_KEY
    settings.HOGO_DEMO = False
    settings.DEBUG = False
    with pytest.raises(SystemCheckError, match="core.E001"):
        call_command("check", deploy=True)


def test_check_deploy_accepts_the_demo_secret_key_in_demo_mode(settings):
    from django.core.checks import Error

    from hogo.core.checks import check_secret_key

    settings.SECRET_KEY = settings.DEMO_SECRET_KEY
    settings.HOGO_DEMO = True
    assert check_secret_key(None) == []
    settings.HOGO_DEMO = False
    assert [type(message) for message in check_secret_key(None)] == [Error]
