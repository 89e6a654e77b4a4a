"""Every write to requests, pauses, decisions and appeals, each with its audit row in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.concurrency import claim_version
from hogo.disclosure import deadlines
from hogo.disclosure.choices import APPI_KINDS, AppealKind
from hogo.disclosure.models import (
    Appeal, CorrectionPause, Decision, DisclosureExecution, Request, RequestSettings, ThirdParty,
)

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
    """延長 (第83条第2項 etc.; the ordinance's for information requests).

    More than the limit (30 days, or the ordinance's shorter one) is refused, and
    so is an extension decided after the original period has run out.
    """
    obj = _locked(obj)
    settings = RequestSettings.current()
    try:
        if obj.kind in APPI_KINDS:
            source = deadlines.APPI_RULES[obj.kind].extension
            limit = min(settings.extension_max_days, deadlines.MAX_EXTENSION_DAYS)
            deadlines.check_extension(days, limit, source if limit == deadlines.MAX_EXTENSION_DAYS
                                      else f"{source}、条例により{limit}日")
        else:
            source = settings.info_extension_source or settings.info_ordinance
            deadlines.check_extension(days, settings.info_extension_days, source)
        if notified_on is None:
            raise deadlines.DeadlineError("延長を決定し請求者に通知した日を入力してください。")
        deadlines.check_extension_in_time(notified_on, obj.deadlines()[0].date, source)
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
                       notified_on=None, completes=True, document_number="", purpose="", methods_offered="",
                       disclosure_dates="", user=None):
    """Record one decision; ``completes`` closes the request (no other division's decision is awaited)."""
    obj = _locked(obj)
    decision = Decision.objects.create(
        request=obj, division=division, outcome=outcome, decided_on=decided_on,
        grounds=sorted({int(item) for item in grounds}), reason=reason, documents=documents,
        notified_on=notified_on, document_number=document_number, purpose=purpose,
        methods_offered=methods_offered, disclosure_dates=disclosure_dates)
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


APPEAL_FIELDS = ["received_on", "referred_on", "consultation_notified_on", "answered_on", "outcome", "decided_on",
                 "note"]


def _appeal_values(data):
    values = {name: data.get(name) for name in APPEAL_FIELDS}
    values["note"] = values["note"] or ""
    return values


def check_appeal_dates(request_obj, decision, values):
    """Refuse dates before the request (or the decision appealed against); the answer follows the consultation."""
    received = values.get("received_on")
    if received and received < request_obj.received_on:
        raise ValidationError(f"審査請求の受付日が請求の受付日（{request_obj.received_on:%Y年%m月%d日}）より前です。")
    if received and decision is not None and received < decision.decided_on:
        raise ValidationError(f"審査請求の受付日が決定日（{decision.decided_on:%Y年%m月%d日}）より前です。")
    for name, label in (("referred_on", "審査会への諮問日"), ("consultation_notified_on", "諮問をした旨の通知日"),
                        ("answered_on", "答申日"), ("decided_on", "裁決等の日")):
        if received and values.get(name) and values[name] < received:
            raise ValidationError(f"{label}が審査請求の受付日より前です。")
    if values.get("answered_on") and not values.get("referred_on"):
        raise ValidationError("答申日を入力する場合は審査会への諮問日も入力してください。")
    if values.get("answered_on") and values["answered_on"] < values["referred_on"]:
        raise ValidationError("答申日が審査会への諮問日より前です。")
    if values.get("consultation_notified_on") and values.get("referred_on") \
            and values["consultation_notified_on"] < values["referred_on"]:
        raise ValidationError("諮問をした旨の通知日が審査会への諮問日より前です。")


@transaction.atomic
def do_record_appeal(request, request_obj, *, data, decision=None, user=None):
    """An appeal against ``decision``, or against inaction (法第105条第1項) when ``decision`` is None."""
    request_obj = _locked(request_obj)
    values = _appeal_values(data)
    if decision is None and request_obj.decisions.exists():
        raise ValidationError("この請求には決定があります。不作為についての審査請求は決定がない間に限ります。"
                              "決定に対する審査請求は決定の欄から記録してください。")
    check_appeal_dates(request_obj, decision, values)
    appeal = Appeal.objects.create(
        request=request_obj, decision=decision,
        kind=AppealKind.DECISION if decision is not None else AppealKind.INACTION, **values)
    log.record(request, AuditAction.CREATE, appeal, user=user)
    return appeal


@transaction.atomic
def do_update_appeal(request, appeal, *, data, version, user=None):
    """Save the edit form; ``version`` is the one the user loaded (EditConflict if someone saved since)."""
    values = _appeal_values(data)
    check_appeal_dates(appeal.request, appeal.decision, values)
    claim_version(appeal, version)
    before = log.snapshot(_stored(appeal))
    for name, value in values.items():
        setattr(appeal, name, value)
    appeal.save(update_fields=[*APPEAL_FIELDS, "version"])
    _audit_update(request, appeal, before, user=user)
    return appeal


# ------------------------------------------------------------------ third parties (法第86条)

THIRD_PARTY_FIELDS = ["name", "address", "mandatory", "information", "asked_on", "reply_by", "replied_on",
                      "objects_to_disclosure", "opinion", "notified_on"]


def _check_third_party(request_obj, values):
    if values.get("asked_on") and values["asked_on"] < request_obj.received_on:
        raise ValidationError("意見照会日が請求の受付日より前です。")
    if values.get("reply_by") and values.get("asked_on") and values["reply_by"] <= values["asked_on"]:
        raise ValidationError("意見書の提出期限は意見照会日より後にしてください（相当の期間を定める。法第86条第1項）。")
    if values.get("replied_on") and values.get("asked_on") and values["replied_on"] < values["asked_on"]:
        raise ValidationError("意見書の提出日が意見照会日より前です。")
    if values.get("objects_to_disclosure") and not values.get("replied_on"):
        raise ValidationError("反対意見書の場合は意見書の提出日を入力してください。")


@transaction.atomic
def do_add_third_party(request, request_obj, *, data, user=None):
    request_obj = _locked(request_obj)
    values = {name: data.get(name) for name in THIRD_PARTY_FIELDS if name in data}
    _check_third_party(request_obj, values)
    party = ThirdParty.objects.create(request=request_obj, **values)
    log.record(request, AuditAction.CREATE, party, user=user)
    return party


@transaction.atomic
def do_update_third_party(request, party, *, data, user=None):
    party = _locked(party)
    values = {name: data.get(name) for name in THIRD_PARTY_FIELDS if name in data}
    _check_third_party(party.request, values)
    before = log.snapshot(party)
    for name, value in values.items():
        setattr(party, name, value)
    party.save(update_fields=list(values))
    _audit_update(request, party, before, user=user)
    return party


# ------------------------------------------------------------------ 開示の実施 (法第87条)

EXECUTION_FIELDS = ["method", "applied_on", "scheduled_on", "place", "fee_item", "copies", "carried_out_on", "note"]


def _check_execution(decision, values, settings):
    if decision.outcome not in ("full", "partial"):
        raise ValidationError("開示の実施は全部開示・部分開示の決定についてのみ記録できます。")
    if values["applied_on"] < decision.decided_on:
        raise ValidationError("申出日が開示決定の日より前です。")
    for name, label in (("scheduled_on", "開示の実施日"), ("carried_out_on", "開示を実施した日")):
        day = values.get(name)
        if day and day < decision.decided_on:
            raise ValidationError(f"{label}が開示決定の日より前です。")
        if day and decision.request.third_parties.filter(objects_to_disclosure=True).exists():
            try:
                deadlines.check_third_party_wait(decision.decided_on, day)
            except deadlines.DeadlineError as error:
                raise ValidationError(str(error))
    fees = dict(settings.copy_fees())
    if values.get("copies") and values.get("fee_item") not in fees:
        raise ValidationError("写しの種別を条例の費用の表（請求の設定）から選んでください。")
    values["fee_yen"] = deadlines.copy_fee(fees.get(values.get("fee_item"), 0), values.get("copies") or 0)


@transaction.atomic
def do_record_execution(request, decision, *, data, user=None):
    """Record (or update) the requester's choice of method, the date and place, copies and their fee."""
    settings = RequestSettings.current()
    values = {name: data.get(name) for name in EXECUTION_FIELDS}
    values["place"] = values["place"] or settings.disclosure_place
    values["note"] = values["note"] or ""
    values["fee_item"] = values["fee_item"] or ""
    values["copies"] = values["copies"] or 0
    _check_execution(decision, values, settings)
    execution = DisclosureExecution.objects.select_for_update().filter(decision=decision).first()
    if execution is None:
        execution = DisclosureExecution.objects.create(decision=decision, **values)
        log.record(request, AuditAction.CREATE, execution, user=user)
        return execution
    before = log.snapshot(execution)
    for name, value in values.items():
        setattr(execution, name, value)
    execution.save(update_fields=list(values))
    _audit_update(request, execution, before, user=user)
    return execution
