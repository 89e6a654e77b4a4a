from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from hogo.audit import log
from hogo.audit.choices import AuditAction

# What decides what a person may see and do; changes to these are audited wherever they are made
# (admin, createsuperuser, the demo loader, code). The password hash itself is never written.
USER_FIELDS = ["username", "role", "division", "is_active", "is_staff", "is_superuser"]


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    log.record(request, AuditAction.LOGIN, user=user, record_type="ログイン")


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        log.record(request, AuditAction.LOGOUT, user=user, record_type="ログイン")


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    user = get_user_model().objects.filter(username=username).first()
    log.record(request, AuditAction.LOGIN_FAILED, user=user, record_type="ログイン",
               note=f"ログイン失敗: {username}"[:300])


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def remember_user_before_change(sender, instance, raw, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    # A login saves last_login only: no need to read the row again.
    if update_fields is not None and not set(update_fields) & {*USER_FIELDS, "password"}:
        return
    before = sender._default_manager.filter(pk=instance.pk).first()
    if before is not None:
        instance._audit_before = (log.snapshot(before, USER_FIELDS), before.password)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def log_user_change(sender, instance, created, raw, **kwargs):
    if raw:
        return
    after = log.snapshot(instance, USER_FIELDS)
    if created:
        changes = {name: ["", value] for name, value in after.items() if value}
        _record_user_change(AuditAction.CREATE, instance, changes, "利用者の作成")
        return
    before = instance.__dict__.pop("_audit_before", None)
    if before is None:
        return
    fields_before, password_before = before
    changes = log.changed_fields(fields_before, after)
    labels = [str(sender._meta.get_field(name).verbose_name) for name in changes]
    if instance.password != password_before:
        labels.append("パスワード変更")
    if labels:
        _record_user_change(AuditAction.UPDATE, instance, changes, "利用者の変更: " + "、".join(labels))


@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
def log_user_deletion(sender, instance, **kwargs):
    _record_user_change(AuditAction.DELETE, instance, {}, "利用者の削除")


def _record_user_change(action, user, changes, note):
    # The admin sets the acting request; elsewhere (createsuperuser, shell) nobody is named.
    log.record(log.current_request(), action, user, changes=changes, note=note)
