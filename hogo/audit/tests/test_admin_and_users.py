"""Reads and writes through /admin/, and changes to users and roles wherever they are made."""

import pytest
from django.urls import reverse

from conftest import PASSWORD
from hogo.audit.models import AuditEntry
from hogo.core.choices import Role
from hogo.core.models import User


@pytest.fixture
def administrator(organisation):
    return User.objects.create_superuser("admin", password=PASSWORD, role=Role.ADMINISTRATOR)


def user_change_data(user, **overrides):
    """The admin's user form as the browser would post it back."""
    data = {
        "username": user.username, "last_name": user.last_name, "first_name": "", "email": "",
        "is_active": "on", "role": user.role, "division": str(user.division_id or ""),
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"), "date_joined_1": "09:00:00",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def test_it_audits_admin_lists_and_records(client, administrator, organisation):
    client.force_login(administrator)
    division = organisation["own"]
    assert client.get(reverse("admin:core_division_changelist"), {"q": "健康"}).status_code == 200
    assert client.get(reverse("admin:core_division_change", args=[division.pk])).status_code == 200
    listing = AuditEntry.objects.get(action="view", record_type="core.Division", record_id="")
    assert listing.username == "admin" and listing.note == "管理画面の一覧 q=%E5%81%A5%E5%BA%B7"
    assert AuditEntry.objects.filter(action="view", record_type="core.Division", record_id=str(division.pk),
                                     username="admin", note="管理画面").exists()


def test_it_audits_reading_the_audit_log_in_the_admin(client, administrator):
    client.force_login(administrator)
    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 200
    assert AuditEntry.objects.filter(action="view", record_type="audit.AuditEntry", username="admin").exists()


def test_it_audits_admin_changes_and_deletions(client, administrator, organisation):
    client.force_login(administrator)
    division = organisation["school"]
    response = client.post(reverse("admin:core_division_change", args=[division.pk]), {
        "department": division.department_id, "name": division.name, "full_name": division.full_name,
        "phone": "03-1234-5678", "order": "0",
    })
    assert response.status_code == 302
    change = AuditEntry.objects.get(action="update", record_type="core.Division")
    assert change.username == "admin" and "電話番号" in change.note
    client.post(reverse("admin:core_division_delete", args=[division.pk]), {"post": "yes"})
    assert AuditEntry.objects.filter(action="delete", record_type="core.Division", record_id=str(division.pk),
                                     username="admin").exists()


def test_it_names_who_changed_a_role_in_the_admin(client, administrator, staff, organisation):
    client.force_login(administrator)
    response = client.post(reverse("admin:core_user_change", args=[staff.pk]), user_change_data(
        staff, role=Role.PRIVACY_OFFICE, division=str(organisation["privacy_office"].pk)))
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="update", record_type="core.User", note__startswith="利用者の変更")
    assert entry.username == "admin" and entry.record_id == str(staff.pk)
    assert entry.changes["role"] == [Role.DIVISION_STAFF, Role.PRIVACY_OFFICE]
    assert entry.note == "利用者の変更: 役割、所属課"


def test_it_audits_role_and_password_changes_made_in_code(staff):
    staff.is_active = False
    staff.set_password("another-long-passphrase")
    staff.save()
    entry = AuditEntry.objects.get(action="update", record_type="core.User")
    assert entry.note == "利用者の変更: 有効、パスワード変更"
    assert entry.changes == {"is_active": ["True", "False"]}
    assert "pbkdf2" not in str(entry.changes) and entry.username == ""


def test_it_audits_user_creation_but_not_logins(client, staff):
    created = AuditEntry.objects.get(action="create", record_type="core.User")
    assert created.changes["role"] == ["", Role.DIVISION_STAFF] and "password" not in created.changes
    client.post(reverse("login"), {"username": "staff1", "password": PASSWORD})
    assert not AuditEntry.objects.filter(action="update", record_type="core.User").exists()
