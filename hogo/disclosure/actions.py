"""Every write to requests, pauses, decisions and appeals, each with its audit row in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.concurrency import claim_version
from hogo.disclosure import deadlines
from hogo.disclosure.choices import APPI_KINDS
from hogo.disclosure.models import Appeal, CorrectionPause, Decision, Request, RequestSettings

REQUEST_FIELDS = ["kind", "received_on", "division", "requester_name", "requester_address", "requester_contact",
                  "capacity", "representative_name", "subject", "identity_checked", "fee_yen", "note"]


def _stored(obj):
    """The row as stored: a ModelForm has already copied the new values onto ``obj``."""
    return type(obj).objects.get(pk=obj.pk)


def _locked(obj):
    """``obj`` re-read under a row lock, so that a check and the write after it see the latest state."""
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def _audit_update(request, obj, before, *, user=None, note=""):
    changes = log.changed_fields(before, log.snapshot(obj))
    changes.pop("version", None)
    log.record(request, AuditAction.UPDATE, obj, user=user, changes=changes, note=note)


@transaction.atomic
def do_create_request(request, *, data, other_divisions=(), user=None):
    """Register a request; its agency is the lead division's, its divisions the lead plus ``other_divisions``."""
    obj = Request(**{name: data[name] for name in REQUEST_FIELDS if name in data})
    obj.agency = obj.division.agency
    obj.save()
    obj.divisions.set({obj.division, *other_divisions})
    log.record(request, AuditAction.CREATE, obj, user=user)
    return obj


@transaction.atomic
def do_update_request(request, obj, *, data, version, other_divisions=(), user=None):
    """Save the edit form; ``version`` is the one the user loaded (EditConflict if someone saved since)."""
    claim_version(obj, version)
    before = log.snapshot(_stored(obj))
    before["divisions"] = ",".join(sorted(str(d.pk) for d in obj.divisions.all()))
    for name in REQUEST_FIELDS:
        if name in data:
            setattr(obj, name, data[name])
    obj.agency = obj.division.agency
    # Only the form's fields: pauses, extensions and closing are written by their own actions.
    obj.save(update_fields=[*REQUEST_FIELDS, "agency", "version"])
    obj.divisions.set({obj.division, *other_divisions})
    after = log.snapshot(obj)
    after["divisions"] = ",".join(sorted(str(d.pk) for d in obj.divisions.all()))
    log.record(request, AuditAction.UPDATE, obj, user=user, changes=log.changed_fields(before, after))
    return obj


@transaction.atomic
def do_start_pause(request, obj, *, requested_on, note="", user=None):
    """Stop the clock: the correction of the request is asked for on ``requested_on``."""
    obj = _locked(obj)
    if obj.open_pause():
        raise ValidationError("補正待ちの期間がすでにあります。先に補正がされた日を記録してください。")
    if requested_on < obj.received_on:
        raise ValidationError("補正を求めた日が受付日より前です。")
    pause = CorrectionPause.objects.create(request=obj, requested_on=requested_on, note=note)
    log.record(request, AuditAction.CREATE, pause, user=user, note=f"補正を求めた日 {requested_on:%Y-%m-%d}")
    return pause


@transaction.atomic
def do_end_pause(request, pause, *, answered_on, user=None):
    """Restart the clock: the corrected request arrived on ``answered_on``."""
    pause = _locked(pause)
    if pause.answered_on is not None:
        raise ValidationError("この補正はすでに終わっています。")
    if answered_on < pause.requested_on:
        raise ValidationError("補正がされた日は補正を求めた日以後にしてください。")
    before = log.snapshot(pause)
    pause.answered_on = answered_on
    pause.save(update_fields=["answered_on"])
    _audit_update(request, pause, before, user=user)
    return pause


@transaction.atomic
def do_extend_deadline(request, obj, *, days, reason, notified_on, user=None):
    """延長 (第83条第2項 etc.; the ordinance's for information requests); more than the limit is refused."""
    obj = _locked(obj)
    settings = RequestSettings.current()
    try:
        if obj.kind in APPI_KINDS:
            deadlines.check_extension(days, deadlines.MAX_EXTENSION_DAYS, deadlines.APPI_RULES[obj.kind].extension)
        else:
            deadlines.check_extension(days, settings.info_extension_days,
                                      settings.info_extension_source or settings.info_ordinance)
    except deadlines.DeadlineError as error:
        raise ValidationError(str(error))
    if not reason.strip():
        raise ValidationError("延長の理由を入力してください（請求者に書面で通知します）。")
    before = log.snapshot(obj)
    obj.extension_days, obj.extension_reason, obj.extension_notified_on = days, reason, notified_on
    obj.save(update_fields=["extension_days", "extension_reason", "extension_notified_on"])
    _audit_update(request, obj, before, user=user, note=f"決定期間を{days}日延長")
    return obj


@transaction.atomic
def do_special_extension(request, obj, *, reason, notified_on, rest_by, user=None):
    """特例延長 (第84条, 第95条, 第103条): the notice goes out within the original period."""
    obj = _locked(obj)
    original = obj.deadlines()[0]
    if notified_on and notified_on > original.date:
        raise ValidationError(f"特例延長の通知は当初の決定期限（{original.date:%Y年%m月%d日}）までにしてください。")
    if not reason.strip():
        raise ValidationError("特例延長の理由を入力してください。")
    if rest_by <= original.date:
        raise ValidationError("特例延長で通知する期限は、当初の決定期限より後の日にしてください。")
    before = log.snapshot(obj)
    obj.special_extension = True
    obj.special_extension_reason, obj.special_extension_notified_on = reason, notified_on
    obj.special_extension_rest_by = rest_by
    obj.save(update_fields=["special_extension", "special_extension_reason", "special_extension_notified_on",
                            "special_extension_rest_by"])
    _audit_update(request, obj, before, user=user, note="特例延長")
    return obj


@transaction.atomic
def do_record_decision(request, obj, *, division, outcome, decided_on, grounds=(), reason="", documents="",
                       notified_on=None, completes=True, user=None):
    """Record one decision; ``completes`` closes the request (no other division's decision is awaited)."""
    obj = _locked(obj)
    decision = Decision.objects.create(
        request=obj, division=division, outcome=outcome, decided_on=decided_on,
        grounds=sorted({int(item) for item in grounds}), reason=reason, documents=documents,
        notified_on=notified_on)
    log.record(request, AuditAction.CREATE, decision, user=user)
    if completes and obj.closed_on is None:
        before = log.snapshot(obj)
        obj.closed_on = decided_on
        obj.save(update_fields=["closed_on"])
        _audit_update(request, obj, before, user=user, note="処理完了")
    return decision


@transaction.atomic
def do_reopen_request(request, obj, *, user=None):
    """Undo 処理完了 when another division's decision turns out to be still due."""
    obj = _locked(obj)
    before = log.snapshot(obj)
    obj.closed_on = None
    obj.save(update_fields=["closed_on"])
    _audit_update(request, obj, before, user=user, note="処理中に戻す")
    return obj


APPEAL_FIELDS = ["received_on", "referred_on", "answered_on", "outcome", "decided_on", "note"]


def _appeal_values(data):
    values = {name: data.get(name) for name in APPEAL_FIELDS}
    values["note"] = values["note"] or ""
    return values


@transaction.atomic
def do_record_appeal(request, decision, *, data, user=None):
    appeal = Appeal.objects.create(decision=decision, **_appeal_values(data))
    log.record(request, AuditAction.CREATE, appeal, user=user)
    return appeal


@transaction.atomic
def do_update_appeal(request, appeal, *, data, version, user=None):
    """Save the edit form; ``version`` is the one the user loaded (EditConflict if someone saved since)."""
    claim_version(appeal, version)
    before = log.snapshot(_stored(appeal))
    for name, value in _appeal_values(data).items():
        setattr(appeal, name, value)
    appeal.save(update_fields=[*APPEAL_FIELDS, "version"])
    _audit_update(request, appeal, before, user=user)
    return appeal
