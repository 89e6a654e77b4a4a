"""Every write of the safety app: one transaction each, with its audit row."""

from django.db import transaction
from django.utils import timezone

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.actions import do_allocate_council_report
from hogo.core.concurrency import claim_version
from hogo.safety import documents, rules
from hogo.safety.choices import FindingSource, SelfCheckStatus
from hogo.safety.models import (
    AuditPlan, CheckItem, CorrectiveAction, DestinationCheck, Finding, SelfCheck, SelfCheckAnswer, Send,
)


class SafetyError(Exception):
    """A write refused for a reason the user can fix; the message is Japanese and shown as is."""


def _save_form(request, form, **attributes):
    """Save a ModelForm's record (claiming its version when it is an edit) and audit it."""
    obj = form.instance
    if obj.pk is None:
        obj = form.save(commit=False)
        for name, value in attributes.items():
            setattr(obj, name, value)
        obj.save()
        form.save_m2m()
        log.record(request, AuditAction.CREATE, obj)
        return obj
    claim_version(obj, form.cleaned_data["version"])
    before = log.snapshot(type(obj).objects.get(pk=obj.pk))
    obj = form.save()
    changes = log.changed_fields(before, log.snapshot(obj))
    changes.pop("version", None)
    log.record(request, AuditAction.UPDATE, obj, changes=changes)
    return obj


def do_save_assignment(request, form):
    with transaction.atomic():
        return _save_form(request, form)


def do_save_check_item(request, form):
    with transaction.atomic():
        return _save_form(request, form)


def do_save_plan(request, form):
    with transaction.atomic():
        return _save_form(request, form)


def do_save_audit(request, form, plan=None):
    """Create (``plan`` given) or update an audit."""
    with transaction.atomic():
        return _save_form(request, form, **({"plan": plan} if plan is not None else {}))


def do_save_training(request, form):
    with transaction.atomic():
        return _save_form(request, form)


def do_save_destination(request, form):
    with transaction.atomic():
        return _save_form(request, form)


# ------------------------------------------------------------------ self-checks

def do_start_self_check(request, *, division, fiscal_year):
    """A division's self-check for the year, with one empty answer per active item."""
    with transaction.atomic():
        if SelfCheck.objects.filter(division=division, fiscal_year=fiscal_year).exists():
            raise SafetyError(f"{division.full_name}の{fiscal_year}年度の点検はすでにあります。")
        self_check = SelfCheck.objects.create(division=division, fiscal_year=fiscal_year)
        SelfCheckAnswer.objects.bulk_create(
            SelfCheckAnswer(self_check=self_check, item=item) for item in CheckItem.objects.filter(active=True))
        log.record(request, AuditAction.CREATE, self_check)
    return self_check


def do_save_self_check(request, self_check, form, answers, *, submit=False):
    """Save the answers; on submit, every item answered "no" becomes a finding of the division.

    EditConflict if someone saved the self-check after this user loaded the form.
    """
    with transaction.atomic():
        claim_version(self_check, form.cleaned_data["version"])
        if self_check.status == SelfCheckStatus.SUBMITTED:
            raise SafetyError("この点検は提出済みです。")
        before = {answer.pk: answer.answer for answer in self_check.answers.all()}
        form.save()
        for answer_form in answers:
            answer = answer_form.save(commit=False)
            if "evidence" in answer_form.changed_data and answer.evidence:
                answer.evidence_name = answer_form.cleaned_data["evidence"].name[:200]
            answer.save()
        changed = {str(answer.item): [before.get(answer.pk) or "", answer.answer]
                   for answer in self_check.answers.select_related("item") if before.get(answer.pk) != answer.answer}
        findings = []
        if submit:
            saved = list(self_check.answers.select_related("item"))
            if any(not answer.answer for answer in saved):
                raise SafetyError("未回答の項目があります。すべての項目に回答してから提出してください。")
            failed = set(rules.failed_items((answer.pk, answer.answer) for answer in saved))
            for answer in saved:
                if answer.pk in failed:
                    findings.append(Finding.objects.create(
                        division=self_check.division, source=FindingSource.SELF_CHECK, answer=answer,
                        category=answer.item.category, rule=answer.item.rule,
                        text=f"点検で「いいえ」：{answer.item.text}" + (f"（{answer.note}）" if answer.note else "")))
            self_check.status = SelfCheckStatus.SUBMITTED
            self_check.submitted_on = timezone.localdate()
            self_check.submitted_by = request.user
            self_check.save(update_fields=["status", "submitted_on", "submitted_by"])
        log.record(request, AuditAction.UPDATE, self_check, changes=changed,
                   note=f"提出（指摘事項 {len(findings)}件）" if submit else "回答を保存")
    return findings


# ------------------------------------------------------------------ audits and follow-up

def do_add_finding(request, audit, form):
    with transaction.atomic():
        finding = form.save(commit=False)
        finding.audit, finding.division, finding.source = audit, audit.division, FindingSource.AUDIT
        finding.save()
        log.record(request, AuditAction.CREATE, finding, note=str(audit))
    return finding


def do_add_corrective_action(request, finding, form):
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        if finding.is_closed:
            raise SafetyError("この指摘事項は完了しています。")
        action = form.save(commit=False)
        action.finding = finding
        action.save()
        log.record(request, AuditAction.CREATE, action, note=f"改善措置：{finding}")
    return action


def do_complete_action(request, action, *, done_on=None):
    """Mark a corrective action done; the finding closes when every action is done."""
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=action.finding_id)
        action = CorrectiveAction.objects.get(pk=action.pk)
        if action.done_on is None:
            action.done_on = done_on or timezone.localdate()
            action.save(update_fields=["done_on"])
            log.record(request, AuditAction.UPDATE, action, changes={"done_on": ["", str(action.done_on)]})
        if finding.closed_on is None and rules.finding_closes(item.done_on is not None
                                                              for item in finding.actions.all()):
            finding.closed_on = action.done_on
            finding.save(update_fields=["closed_on"])
            log.record(request, AuditAction.UPDATE, finding, changes={"closed_on": ["", str(finding.closed_on)]},
                       note="すべての改善措置が完了したため指摘事項を完了")
    return finding


def do_allocate_plan_council_report(request, plan, *, reported_on, number=None):
    """Give the year's audit report its 報告第N号."""
    with transaction.atomic():
        plan = AuditPlan.objects.select_for_update().get(pk=plan.pk)
        if plan.council_report is not None:
            raise SafetyError(f"この監査計画にはすでに報告第{plan.council_report.number}号が付いています。")
        title = documents.report_title(plan)
        report = do_allocate_council_report(request, title=title, reported_on=reported_on, record=plan,
                                            number=number)
        plan.council_report = report
        plan.save(update_fields=["council_report"])
        log.record(request, AuditAction.UPDATE, plan, changes={"council_report": ["", str(report)]})
    return report


# ------------------------------------------------------------------ outgoing checks

def do_check_destinations(request, division, *, checked_on, note=""):
    with transaction.atomic():
        check = DestinationCheck.objects.create(division=division, checked_on=checked_on, note=note,
                                                checked_by=request.user)
        log.record(request, AuditAction.CREATE, check)
    return check


def do_record_send(request, form):
    with transaction.atomic():
        send = form.save()
        log.record(request, AuditAction.CREATE, send)
    return send


def do_record_misdirection(request, send, *, misdirected_on, misdirection):
    with transaction.atomic():
        send = Send.objects.select_for_update().get(pk=send.pk)
        if misdirected_on < send.sent_on:
            raise SafetyError("誤送付が判明した日が送付日より前です。")
        before = log.snapshot(send, ["misdirected_on", "misdirection"])
        send.misdirected_on, send.misdirection = misdirected_on, misdirection
        send.save(update_fields=["misdirected_on", "misdirection"])
        log.record(request, AuditAction.UPDATE, send,
                   changes=log.changed_fields(before, log.snapshot(send, ["misdirected_on", "misdirection"])))
    return send


def do_link_incident(request, send, incident):
    with transaction.atomic():
        if incident.division_id != send.division_id:
            raise SafetyError("送付した課の事案を選んでください。")
        send.incident = incident
        send.save(update_fields=["incident"])
        log.record(request, AuditAction.UPDATE, send, changes={"incident": ["", str(incident)]})
    return send
