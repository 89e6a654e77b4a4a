from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from hogo.audit import log
from hogo.audit.choices import AuditAction


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
