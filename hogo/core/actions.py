from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core import totp
from hogo.core.models import CouncilReport, Municipality, TotpDevice


def lock_council_numbering():
    """Hold the council-wide numbering until the current transaction ends.

    The municipality's row is the lock (there is one), so every caller that
    takes a 報告第N号 checks "is there a number already?" and picks max + 1
    while no one else can. SQLite has no row locks; there a write
    transaction already excludes the others.
    """
    Municipality.objects.select_for_update().get(pk=Municipality.current().pk)


def do_allocate_council_report(request, *, title, reported_on, record=None, number=None, user=None):
    """Give the next 報告第N号 (or ``number``, for reports already made) to a report.

    The number is max + 1 of the one council-wide sequence, chosen under
    ``lock_council_numbering`` so two allocations never pick the same one.
    """
    with transaction.atomic():
        lock_council_numbering()
        if number is None:
            number = (CouncilReport.objects.aggregate(m=Max("number"))["m"] or 0) + 1
        report = CouncilReport.objects.create(
            number=number, title=title, reported_on=reported_on,
            record_type=record._meta.label if record is not None else "",
            record_id=str(record.pk) if record is not None else "",
        )
        log.record(request, AuditAction.CREATE, report, user=user)
    return report


# ---------------------------------------------------------------- two-factor login (TOTP)

TOTP_RECORD_TYPE = "2要素認証"


def may_use_totp(user):
    """Two-factor login is offered to the privacy office and administrators (they see every division)."""
    return user.is_privacy_office or user.is_superuser


def totp_required(user):
    """HOGO_TOTP_REQUIRED makes the second step compulsory for those roles."""
    return settings.HOGO_TOTP_REQUIRED and may_use_totp(user)


def confirmed_totp_device(user):
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def do_start_totp_enrolment(request, user):
    """A fresh, unconfirmed secret for ``user`` (replacing an earlier unconfirmed one).

    Nothing is audited yet: the secret counts only once ``do_confirm_totp`` accepts a code.
    """
    with transaction.atomic():
        TotpDevice.objects.filter(user=user, confirmed_at__isnull=True).delete()
        return TotpDevice.objects.create(user=user, secret=totp.new_secret())


def do_confirm_totp(request, device, code, *, user=None):
    """Confirm ``device`` with a code from the app; True when accepted. Enrolment is audited."""
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().get(pk=device.pk)
        step = totp.matching_step(device.secret, code, timezone.now(), device.last_used_step)
        if step is None:
            return False
        device.confirmed_at = timezone.now()
        device.last_used_step = step
        device.save(update_fields=["confirmed_at", "last_used_step"])
        log.record(request, AuditAction.CREATE, user=user or device.user, record_type=TOTP_RECORD_TYPE,
                   note=f"2要素認証を登録: {device.user.get_username()}")
    return True


def do_remove_totp(request, device, code):
    """Remove a confirmed device after a current code proves the user still holds it; audited."""
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().get(pk=device.pk)
        if totp.matching_step(device.secret, code, timezone.now(), device.last_used_step) is None:
            return False
        username = device.user.get_username()
        device.delete()
        log.record(request, AuditAction.DELETE, record_type=TOTP_RECORD_TYPE,
                   note=f"2要素認証を解除: {username}")
    return True


def do_check_totp_login(request, device, code):
    """The second login step: True when ``code`` is current and unused.

    A wrong code is a failed login: django-axes counts it towards the lockout
    (by account and by address) and the audit log records it.
    """
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().get(pk=device.pk)
        step = totp.matching_step(device.secret, code, timezone.now(), device.last_used_step)
        if step is not None:
            device.last_used_step = step
            device.save(update_fields=["last_used_step"])
            return True
    AxesProxyHandler.user_login_failed(sender=__name__, credentials={"username": device.user.get_username()},
                                       request=request)
    log.record(request, AuditAction.LOGIN_FAILED, user=device.user, record_type=TOTP_RECORD_TYPE,
               note=f"確認コードの誤り: {device.user.get_username()}")
    return False
