"""The audit table is append-only in the database itself, not only through the ORM."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from hogo.audit import log
from hogo.audit.models import AuditEntry

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


def _execute(sql, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditentry SET note = 'x' WHERE id = %s",
    "DELETE FROM audit_auditentry WHERE id = %s",
])
def test_it_refuses_raw_sql_changes(staff, sql):
    entry = log.record(None, "view", staff, user=staff)
    with pytest.raises(DatabaseError, match="監査ログは変更・削除できません"):
        _execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).note == ""


@on_postgresql
def test_it_refuses_truncate(staff):
    entry = log.record(None, "view", staff, user=staff)
    with pytest.raises(DatabaseError, match="監査ログは変更・削除できません"):
        _execute("TRUNCATE audit_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_it_keeps_the_user_on_a_deleted_users_entries(staff):
    entry = log.record(None, "view", staff, user=staff)
    user_id = staff.pk
    staff.delete()
    entry = AuditEntry.objects.get(pk=entry.pk)
    assert (entry.user_id, entry.username) == (user_id, "staff1")
    assert AuditEntry.objects.filter(action="delete", record_type="core.User", record_id=str(user_id)).exists()


def test_it_keeps_the_division_on_a_deleted_divisions_entries(staff, organisation):
    school = organisation["school"]
    entry = log.record(None, "view", school, user=staff, division=school)
    division_id = school.pk
    school.delete()
    assert AuditEntry.objects.get(pk=entry.pk).division_id == division_id


@on_sqlite
def test_it_says_protect_audit_log_is_for_postgresql(db):
    with pytest.raises(CommandError, match="PostgreSQL 専用"):
        call_command("protect_audit_log", role="hogo_app")


@on_postgresql
def test_it_prints_and_applies_the_revoke(db, capsys):
    call_command("protect_audit_log", role='hogo"app')
    assert capsys.readouterr().out.strip() == (
        'REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditentry FROM "hogo""app";')
    role = connection.settings_dict["USER"]
    call_command("protect_audit_log", role=role, apply=True)
    assert "取り消しました" in capsys.readouterr().out


@pytest.mark.parametrize("run", [1, 2])
def test_it_keeps_the_triggers_across_the_test_flush(transactional_db, run):
    # Transactional tests flush every table afterwards; the second run proves the flush
    # both emptied the audit table and put its triggers back.
    assert not AuditEntry.objects.exists()
    entry = log.record(None, "view", note=f"run {run}")
    with pytest.raises(DatabaseError, match="監査ログは変更・削除できません"):
        _execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
