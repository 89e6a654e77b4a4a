import csv
import io
from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from hogo.audit import log
from hogo.audit.admin import AuditEntryAdmin
from hogo.audit.models import AppendOnlyError, AuditEntry


def test_it_cannot_be_changed_or_deleted(staff):
    entry = log.record(None, "view", staff, user=staff)
    entry.note = "改ざん"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.update(note="x")
    assert AuditEntry.objects.get(pk=entry.pk).note == ""


def test_it_offers_no_admin_path_to_change_entries(privacy):
    request = RequestFactory().get("/")
    request.user = privacy
    admin = AuditEntryAdmin(AuditEntry, site)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)


def test_it_records_changed_fields(staff):
    before = log.snapshot(staff, ["last_name", "email"])
    staff.last_name, staff.email = "新姓", "a@example.jp"
    changes = log.changed_fields(before, log.snapshot(staff, ["last_name", "email"]))
    assert changes == {"last_name": ["staff1", "新姓"], "email": ["", "a@example.jp"]}


def test_it_logs_logins_and_failures(client, staff):
    client.post(reverse("login"), {"username": "staff1", "password": "wrong"}, REMOTE_ADDR="192.0.2.5")
    from conftest import PASSWORD
    client.post(reverse("login"), {"username": "staff1", "password": PASSWORD})
    actions = list(AuditEntry.objects.filter(record_type="ログイン").order_by("pk").values_list("action", "username"))
    assert actions == [("login_failed", "staff1"), ("login", "staff1")]


def test_it_is_for_the_privacy_office_only(client, staff):
    client.force_login(staff)
    assert client.get(reverse("audit:list")).status_code == 403
    assert client.get(reverse("audit:export")).status_code == 403
    assert AuditEntry.objects.filter(action="denied", username="staff1").count() == 2


def test_it_filters_by_user_action_and_dates(client, privacy, staff, other_staff):
    log.record(None, "view", staff, user=staff)
    log.record(None, "update", other_staff, user=other_staff)
    client.force_login(privacy)
    today = timezone.localdate()
    response = client.get(reverse("audit:list"), {"user": staff.pk, "date_from": today, "date_to": today})
    page = list(response.context["page"])
    assert [entry.username for entry in page] == ["staff1"]
    response = client.get(reverse("audit:list"), {"action": "update"})
    assert [entry.username for entry in response.context["page"]] == ["staff2"]
    tomorrow = today + timedelta(days=1)
    response = client.get(reverse("audit:list"), {"date_from": tomorrow})
    assert list(response.context["page"]) == []


def test_it_audits_viewing_the_audit_log(client, privacy):
    client.force_login(privacy)
    client.get(reverse("audit:list"), {"action": "export"})
    entry = AuditEntry.objects.get(action="view", record_type="audit.AuditEntry")
    assert entry.username == "privacy" and entry.note == "監査ログ閲覧 action=export"


def test_it_rejects_an_inverted_date_range(client, privacy):
    client.force_login(privacy)
    response = client.get(reverse("audit:list"), {"date_from": "2025-05-01", "date_to": "2025-04-01"})
    assert "開始日は終了日より前" in response.content.decode()


def test_it_exports_csv_and_logs_the_export(client, privacy, staff):
    log.record(None, "update", staff, user=staff, changes={"last_name": ["旧", "新"]})
    client.force_login(privacy)
    response = client.get(reverse("audit:export"), {"user": staff.pk})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:4] == ["日時", "利用者", "接続元", "操作"]
    assert rows[1][1] == "staff1" and rows[1][3] == "変更"
    assert "last_name: 旧 → 新" in rows[1][8]
    assert AuditEntry.objects.filter(action="export", username="privacy").exists()
    assert response["Content-Type"].startswith("text/csv")


def test_it_answers_405_to_posts(client, privacy):
    client.force_login(privacy)
    assert client.post(reverse("audit:list")).status_code == 405
