"""Optional TOTP two-factor login for the privacy office and administrators."""

from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, login
from hogo.audit.models import AuditEntry
from hogo.core import totp
from hogo.core.models import TotpDevice

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
NOON = datetime(2026, 4, 1, 3, 0, 0, tzinfo=dt_timezone.utc)
STEP = int(NOON.timestamp()) // 30


@pytest.mark.parametrize("code_time, last_used_step, expected", [
    (NOON, 0, STEP),
    (NOON - timedelta(seconds=30), 0, STEP - 1),  # the phone's clock is a little behind
    (NOON + timedelta(seconds=30), 0, STEP + 1),
    (NOON - timedelta(seconds=90), 0, None),  # too old
    (NOON, STEP, None),  # already used: a replay
    (NOON - timedelta(seconds=30), STEP - 1, None),
])
def test_it_accepts_a_current_unused_code(code_time, last_used_step, expected):
    code = totp.code_at(SECRET, code_time)
    assert totp.matching_step(SECRET, code, NOON, last_used_step) == expected


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", None])
def test_it_refuses_malformed_codes(code):
    assert totp.matching_step(SECRET, code, NOON) is None


def _device(user, **fields):
    return TotpDevice.objects.create(user=user, secret=SECRET, confirmed_at=timezone.now(), **fields)


def _current_code():
    return totp.code_at(SECRET, timezone.now())


def _password_step(client, username="privacy"):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_it_asks_for_the_code_after_the_password(client, privacy):
    _device(privacy)
    response = _password_step(client)
    assert response["Location"] == reverse("login_totp")
    assert client.get(reverse("dashboard")).status_code == 302  # not logged in yet
    assert "確認コードの入力" in client.get(reverse("login_totp")).content.decode()

    response = client.post(reverse("login_totp"), {"code": _current_code()})
    assert response["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200
    assert AuditEntry.objects.filter(action="login", user=privacy).count() == 1


def test_it_refuses_a_wrong_code_and_audits_it(client, privacy):
    _device(privacy)
    _password_step(client)
    response = client.post(reverse("login_totp"), {"code": "000000" if _current_code() != "000000" else "111111"})
    assert "確認コードが正しくありません" in response.content.decode()
    assert client.get(reverse("dashboard")).status_code == 302
    entry = AuditEntry.objects.get(action="login_failed")
    assert entry.record_type == "2要素認証" and "確認コードの誤り" in entry.note


def test_wrong_codes_count_towards_the_lockout(client, privacy):
    _device(privacy)
    _password_step(client)
    for _ in range(5):
        client.post(reverse("login_totp"), {"code": "abcdef"})
    response = client.post(reverse("login_totp"), {"code": _current_code()})
    assert response.status_code == 429
    assert "ログインを一時停止" in response.content.decode()
    assert not AuditEntry.objects.filter(action="login").exists()


def test_it_refuses_a_code_used_once_already(client, privacy):
    device = _device(privacy)
    _password_step(client)
    client.post(reverse("login_totp"), {"code": _current_code()})
    device.refresh_from_db()
    client.logout()
    _password_step(client)
    device.last_used_step += 1  # the next step too, so the same minute's codes are all spent
    device.save()
    response = client.post(reverse("login_totp"), {"code": _current_code()})
    assert "確認コードが正しくありません" in response.content.decode()


def test_users_without_a_device_log_in_with_the_password_alone(client, privacy):
    response = _password_step(client)
    assert response["Location"] == reverse("dashboard")


def test_the_code_step_needs_the_password_step(client, privacy):
    _device(privacy)
    assert client.get(reverse("login_totp"))["Location"] == reverse("login")
    assert client.post(reverse("login_totp"), {"code": _current_code()})["Location"] == reverse("login")


def test_the_admin_login_goes_through_the_same_two_steps(client, privacy):
    response = client.get("/admin/login/?next=/admin/")
    assert response["Location"] == reverse("login") + "?next=/admin/"
    client.force_login(privacy)  # not staff: refused, not bounced between the two logins
    assert client.get("/admin/", follow=True).status_code == 403


def test_it_enrols_and_removes_a_device_with_audit(client, privacy):
    client.force_login(privacy)
    page = client.get(reverse("two_factor")).content.decode()
    assert "2要素認証を設定する" in page
    client.post(reverse("two_factor"), {"action": "start"})
    page = client.get(reverse("two_factor")).content.decode()
    device = TotpDevice.objects.get(user=privacy)
    assert totp.grouped_secret(device.secret) in page
    assert "otpauth://totp/Hogo:privacy?secret=" + device.secret in page.replace("&amp;", "&")
    assert "data:image/svg+xml" in page
    assert not device.is_confirmed

    client.post(reverse("two_factor"), {"action": "confirm", "code": "000000"})
    device.refresh_from_db()
    assert not device.is_confirmed or totp.code_at(device.secret, timezone.now()) == "000000"

    client.post(reverse("two_factor"), {"action": "confirm", "code": totp.code_at(device.secret, timezone.now())})
    device.refresh_from_db()
    assert device.is_confirmed
    assert AuditEntry.objects.filter(action="create", record_type="2要素認証", note__contains="登録").exists()

    device.last_used_step = 0  # as if the next code had come up
    device.save()
    client.post(reverse("two_factor"), {"action": "remove", "code": totp.code_at(device.secret, timezone.now())})
    assert not TotpDevice.objects.filter(user=privacy).exists()
    assert AuditEntry.objects.filter(action="delete", record_type="2要素認証", note__contains="解除").exists()


def test_division_staff_cannot_enrol(client, staff):
    client.force_login(staff)
    assert client.get(reverse("two_factor")).status_code == 403
    assert "2要素認証" not in client.get(reverse("dashboard")).content.decode()


def test_the_setting_makes_it_compulsory_for_the_privacy_office(client, privacy, staff, settings):
    settings.HOGO_TOTP_REQUIRED = True
    assert _password_step(client, "staff1")["Location"] == reverse("dashboard")
    client.logout()

    assert _password_step(client)["Location"] == reverse("login_totp")
    page = client.get(reverse("login_totp")).content.decode()
    assert "2要素認証の登録" in page
    device = TotpDevice.objects.get(user=privacy)
    response = client.post(reverse("login_totp"), {"code": totp.code_at(device.secret, timezone.now())})
    assert response["Location"] == reverse("dashboard")
    device.refresh_from_db()
    assert device.is_confirmed


@pytest.mark.browser
def test_it_logs_in_in_two_steps_in_a_browser(page, privacy):
    _device(privacy)
    violations = []
    page.on("console", lambda message: violations.append(message.text) if message.type == "error" else None)
    page.goto("/login/")
    page.get_by_label("ユーザー名").fill("privacy")
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    page.get_by_role("heading", name="確認コードの入力").wait_for()
    page.get_by_label("確認コード").fill(_current_code())
    page.get_by_role("button", name="確認").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="2要素認証").click()
    page.get_by_text("2要素認証を利用しています").wait_for()
    assert violations == []


@pytest.mark.browser
def test_pages_work_under_the_content_security_policy(page, privacy):
    violations = []
    page.on("console", lambda message: violations.append(message.text) if message.type == "error" else None)
    login(page, "privacy")
    page.get_by_role("link", name="2要素認証").click()
    page.get_by_role("button", name="2要素認証を設定する").click()
    page.get_by_role("img", name="2要素認証の登録用QRコード").wait_for()
    page.goto("/audit/")
    page.goto("/")
    assert violations == []
