"""Database triggers that keep the audit table append-only, whatever the caller.

The model refuses ``save`` on existing rows and queryset ``update``/``delete``,
but raw SQL, ``bulk_update`` or a foreign key's ``on_delete`` would bypass
Python. These triggers refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE)
in the database itself.

Migrations and the test suite's flush both import this module, so keep it
small and stable: changing a statement here does not change databases that
are already migrated; add a migration that drops and recreates the triggers.
"""

TABLE = "audit_auditentry"
MESSAGE = "監査ログは変更・削除できません。"

SQLITE_CREATE = [
    f"CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER audit_auditentry_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_auditentry_no_update",
    "DROP TRIGGER IF EXISTS audit_auditentry_no_delete",
]

POSTGRESQL_CREATE = [
    "CREATE OR REPLACE FUNCTION audit_auditentry_refuse_change() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$",
    f"CREATE TRIGGER audit_auditentry_no_change BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_auditentry_refuse_change()",
    f"CREATE TRIGGER audit_auditentry_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_auditentry_refuse_change()",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS audit_auditentry_no_change ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_auditentry_no_truncate ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_auditentry_refuse_change()",
]

# Only the triggers, not the function: what the test suite's flush drops and recreates around its
# DELETE (SQLite) or TRUNCATE (PostgreSQL).
FLUSH_DROP = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP[:2]}
FLUSH_CREATE = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE[1:]}


def create_statements(vendor):
    """The statements that install the triggers on ``vendor`` (empty for other databases)."""
    return {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}.get(vendor, [])


def drop_statements(vendor):
    return {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, [])


def revoke_statement(role):
    """The REVOKE that leaves ``role`` only SELECT and INSERT on the audit table (PostgreSQL)."""
    quoted = '"' + role.replace('"', '""') + '"'
    return f"REVOKE UPDATE, DELETE, TRUNCATE ON {TABLE} FROM {quoted}"
