"""The audit log: an append-only record of who did what to which record."""

from django.conf import settings
from django.db import models

from hogo.audit.choices import AuditAction


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("監査ログは変更できません。")

    def delete(self):
        raise AppendOnlyError("監査ログは削除できません。")


class AuditEntry(models.Model):
    """One thing a person did: viewed, created, changed, deleted or exported a record, or logged in.

    Entries are never changed or deleted: ``save`` refuses existing rows,
    ``delete`` refuses always, the admin offers neither, and database triggers
    (``db_protection``) refuse UPDATE and DELETE from any other path.
    """

    timestamp = models.DateTimeField("日時", auto_now_add=True, db_index=True)
    # DO_NOTHING without a database constraint: deleting a user or a division leaves their entries
    # exactly as written (SET_NULL would UPDATE them, which the database triggers refuse).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.DO_NOTHING, null=True, blank=True,
        related_name="+", verbose_name="利用者", db_constraint=False,
    )
    # Kept as text so the entry still says who it was if the account is removed.
    username = models.CharField("利用者名", max_length=150, blank=True)
    ip_address = models.GenericIPAddressField("接続元", null=True, blank=True)
    action = models.CharField("操作", max_length=20, choices=AuditAction.choices, db_index=True)
    record_type = models.CharField("記録の種類", max_length=100, blank=True, db_index=True)
    record_id = models.CharField("記録ID", max_length=64, blank=True)
    record_label = models.CharField("記録", max_length=300, blank=True)
    division = models.ForeignKey(
        "core.Division", models.DO_NOTHING, null=True, blank=True,
        related_name="+", verbose_name="課", db_constraint=False,
    )
    changes = models.JSONField("変更内容", default=dict, blank=True)
    note = models.CharField("備考", max_length=300, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "監査ログ"
        verbose_name_plural = "監査ログ"
        ordering = ["-timestamp", "-pk"]

    def __str__(self):
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.record_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("監査ログは変更できません。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("監査ログは削除できません。")
