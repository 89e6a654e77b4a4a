"""Every write to contractors, contracts, checklists, reports and inspections: one transaction, one audit row."""

from django.db import transaction
from django.utils import timezone

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.contractors.choices import ReportKind
from hogo.contractors.models import Checklist, ContractIncident, Inspection, SpecialClauses
from hogo.core.concurrency import claim_version
from hogo.core.uploads import display_name


class ContractError(Exception):
    """A write refused for a reason the user can fix; the message is Japanese and shown as is."""


def _changes(form):
    return {form.fields[name].label: ["", str(form.cleaned_data.get(name, ""))]
            for name in form.changed_data if name in form.cleaned_data and name != "version"}


def do_save_contractor(request, form):
    """Create or update a contractor (an update claims the version the user loaded)."""
    with transaction.atomic():
        creating = form.instance.pk is None
        if not creating:
            claim_version(form.instance, form.cleaned_data["version"])
        contractor = form.save()
        log.record(request, AuditAction.CREATE if creating else AuditAction.UPDATE, contractor,
                   changes=_changes(form))
    return contractor


def do_save_contract(request, form):
    with transaction.atomic():
        creating = form.instance.pk is None
        if creating:
            form.instance.created_by = request.user
            if form.instance.clauses_id is None:  # a new contract binds the clauses in force
                form.instance.clauses = SpecialClauses.current()
        else:
            claim_version(form.instance, form.cleaned_data["version"])
        contract = form.save()
        log.record(request, AuditAction.CREATE if creating else AuditAction.UPDATE, contract,
                   changes=_changes(form))
    return contract


def do_adopt_clauses(request, form):
    """A new version of the special clauses; earlier versions stay as the contracts bound them."""
    with transaction.atomic():
        clauses = form.save(commit=False)
        latest = SpecialClauses.objects.select_for_update().order_by("-number").first()
        clauses.number = (latest.number + 1) if latest else 1
        clauses.save()
        log.record(request, AuditAction.CREATE, clauses)
    return clauses


def do_answer_checklist(request, contract, answers, *, phone="", head_name=""):
    """The division's answers; answering again withdraws an earlier approval (it approved other answers)."""
    with transaction.atomic():
        checklist, created = Checklist.objects.get_or_create(
            contract=contract, defaults={"answers": answers, "answered_by": request.user,
                                         "answered_at": timezone.now(), "phone": phone, "head_name": head_name})
        before = "" if created else str(checklist.answers)
        if not created:
            checklist.answers, checklist.answered_by, checklist.answered_at = answers, request.user, timezone.now()
            checklist.phone, checklist.head_name = phone, head_name
            checklist.approved_by = checklist.approved_at = None
            checklist.save()
        log.record(request, AuditAction.CREATE if created else AuditAction.UPDATE, checklist,
                   changes={"回答": [before, str(answers)]})
    return checklist


def do_approve_checklist(request, checklist):
    """確認印: the privacy office's approval, recorded with the approving user."""
    problems = checklist.problems()
    if problems:
        raise ContractError("チェックリストに未確認の項目があります：" + " ".join(problems))
    if checklist.is_approved:
        raise ContractError("このチェックリストは既に確認済みです。")
    with transaction.atomic():
        checklist.approved_by, checklist.approved_at = request.user, timezone.now()
        checklist.save(update_fields=["approved_by", "approved_at"])
        log.record(request, AuditAction.UPDATE, checklist, changes={"確認印": ["", request.user.get_full_name()]})
    return checklist


def do_sign_contract(request, contract, signed_on):
    """Mark the contract signed; one that handles personal information needs an approved checklist (資料3 3(2))."""
    checklist = getattr(contract, "checklist", None)
    if contract.handles_personal_info and (checklist is None or not checklist.is_approved):
        raise ContractError("個人情報を取り扱う契約は、チェックリストの確認（確認印）を受けてから締結済みにしてください。")
    with transaction.atomic():
        before = str(contract.signed_on or "")
        contract.signed_on = signed_on
        contract.save(update_fields=["signed_on"])
        log.record(request, AuditAction.UPDATE, contract, changes={"契約締結日": [before, str(signed_on)]})
    return contract


def do_add_subcontract(request, contract, form):
    with transaction.atomic():
        subcontract = form.save(commit=False)
        subcontract.contract, subcontract.approved_by = contract, request.user
        subcontract.save()
        log.record(request, AuditAction.CREATE, subcontract, division=contract.division)
    return subcontract


def do_add_management_report(request, contract, form, staff_formset):
    """第2号様式: the first report is 新規, every later one (a change of staff) a new 変更 version."""
    with transaction.atomic():
        latest = contract.management_reports.select_for_update().order_by("-number").first()
        report = form.save(commit=False)
        report.contract, report.created_by = contract, request.user
        report.number = latest.number + 1 if latest else 1
        report.kind = ReportKind.CHANGED if latest else ReportKind.NEW
        report.save()
        staff_formset.instance = report
        staff_formset.save()
        names = "、".join(f"{row.get_role_display()} {row.name}" for row in report.staff.all())
        log.record(request, AuditAction.CREATE, report, division=contract.division, changes={"体制": ["", names]})
    return report


def _attach(inspection, upload):
    if upload:
        inspection.attachment.save(upload.name, upload, save=False)
        inspection.attachment_name = display_name(upload.name, 200)


def do_record_inspection(request, contract, form):
    with transaction.atomic():
        inspection = form.save(commit=False)
        inspection.contract, inspection.created_by = contract, request.user
        inspection.results, inspection.remarks = form.results(), form.remarks()
        _attach(inspection, form.cleaned_data.get("upload"))
        inspection.save()
        log.record(request, AuditAction.CREATE, inspection, division=contract.division,
                   changes={"点検結果": ["", str(inspection.results)]})
    return inspection


def do_update_inspection(request, inspection, form):
    with transaction.atomic():
        claim_version(inspection, form.cleaned_data["version"])
        before = str(inspection.results)
        inspection = form.save(commit=False)
        inspection.results, inspection.remarks = form.results(), form.remarks()
        _attach(inspection, form.cleaned_data.get("upload"))
        inspection.save()
        changes = _changes(form)
        if before != str(inspection.results):
            changes["点検結果"] = [before, str(inspection.results)]
        log.record(request, AuditAction.UPDATE, inspection, division=inspection.contract.division, changes=changes)
    return inspection


def do_follow_up(request, inspection, form):
    with transaction.atomic():
        claim_version(inspection, form.cleaned_data["version"])
        inspection = form.save()
        log.record(request, AuditAction.UPDATE, inspection, division=inspection.contract.division,
                   changes=_changes(form))
    return inspection


def do_import_inspection(request, contract, parsed, *, filename):
    """Record the inspection read from the contractor's sheet (``importing.parse_inspection_sheet``)."""
    with transaction.atomic():
        inspection = Inspection.objects.create(
            contract=contract, kind=parsed.kind, fiscal_year=parsed.fiscal_year, inspected_on=parsed.reported_on,
            respondent=parsed.respondent, results=parsed.results, remarks=parsed.remarks, created_by=request.user)
        log.record(request, AuditAction.IMPORT, inspection, division=contract.division, note=f"取込み: {filename}"[:300],
                   changes={"点検結果": ["", str(parsed.results)]})
    return inspection


def do_link_incident(request, contract, incident):
    with transaction.atomic():
        link, created = ContractIncident.objects.get_or_create(contract=contract, incident=incident)
        if created:
            log.record(request, AuditAction.CREATE, link, division=contract.division)
    return link
