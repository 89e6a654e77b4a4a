from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.contractors import actions, documents, importing, schedule
from hogo.contractors.forms import (
    ChecklistForm, ClausesForm, ContractForm, ContractorForm, FollowUpForm, IncidentLinkForm, InspectionForm,
    InspectionImportForm, ManagementReportForm, SignForm, StaffFormSet, SubcontractForm,
)
from hogo.contractors.models import Contract, Contractor, Inspection, ManagementReport, SpecialClauses
from hogo.core.access import check_can_write, get_for_user, scope_for_user
from hogo.core.concurrency import EditConflict
from hogo.core.downloads import DOCX, XLSX, attachment
from hogo.core.params import fiscal_year_param
from hogo.lib.municipal_calendar import fiscal_year, wareki_fiscal_year


def _contracts():
    return Contract.objects.select_related("division__department__agency", "contractor", "clauses", "review",
                                           "personal_info_file").prefetch_related("inspections")


def get_contract_for_user(request, pk, write=False, audit_view=True):
    """The contract ``pk`` if the user may see it (404 and an audit row otherwise)."""
    return get_for_user(request, _contracts(), pk, write=write, audit_view=audit_view)


def get_inspection_for_user(request, pk, write=False, audit_view=True):
    return get_for_user(request, Inspection.objects.select_related("contract__division__department__agency",
                                                                   "contract__contractor"),
                        pk, write=write, audit_view=audit_view, division_field="contract__division")


def get_report_for_user(request, pk):
    return get_for_user(request, ManagementReport.objects.select_related("contract__division__department__agency",
                                                                         "contract__contractor"),
                        pk, division_field="contract__division")


def _refuse_council(request):
    """Contractors are not a division's records, but council viewers still read no records."""
    if request.user.is_read_only:
        log.record(request, AuditAction.DENIED, note=f"記録の閲覧拒否: {request.path}")
        raise PermissionDenied("閲覧のみの利用者は記録を閲覧できません。")


def _require_privacy_office(request, obj, note):
    if not request.user.is_privacy_office:
        log.record(request, AuditAction.DENIED, obj, note=note)
        raise PermissionDenied("この操作は個人情報保護担当が行います。")


# ---------------------------------------------------------------- contracts

@require_GET
def contract_list(request):
    contracts = scope_for_user(_contracts(), request.user)
    return render(request, "contractors/contract_list.html", {
        "contracts": contracts, "can_write": not request.user.is_read_only,
        "this_year": fiscal_year(timezone.localdate()),
    })


@require_http_methods(["GET", "POST"])
def contract_create(request):
    check_can_write(request)
    initial = {"contractor": request.GET.get("contractor")} if request.GET.get("contractor") else None
    form = ContractForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        contract = actions.do_save_contract(request, form)
        messages.success(request, "契約を登録しました。次にチェックリストに回答してください。")
        return redirect(contract)
    return render(request, "contractors/form.html", {"form": form, "title": "委託契約の登録"})


@require_http_methods(["GET", "POST"])
def contract_edit(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    if request.method == "GET":
        # The form shows the whole record: a read like the detail page (a POST logs its change).
        log.record(request, AuditAction.VIEW, contract)
    form = ContractForm(request.POST or None, instance=contract, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            contract = actions.do_save_contract(request, form)
        except EditConflict as conflict:
            form = ContractForm(conflict.resubmission(request.POST), instance=conflict.current, user=request.user)
            form.show_conflict()
            status = 409
        else:
            messages.success(request, "契約を更新しました。")
            return redirect(contract)
    return render(request, "contractors/form.html", {"form": form, "title": f"契約の編集：{contract.title}"},
                  status=status)


def _contract_detail(request, contract, status=200, **forms):
    checklist = getattr(contract, "checklist", None)
    today = timezone.localdate()
    return render(request, "contractors/contract_detail.html", {
        "contract": contract, "checklist": checklist,
        "schedule_rows": contract.schedule_rows(), "today": today, "this_year": fiscal_year(today),
        "reports": contract.management_reports.prefetch_related("staff"),
        "subcontracts": contract.subcontracts.select_related("subcontractor", "approved_by"),
        "incident_links": contract.incident_links.select_related("incident"),
        "can_write": not request.user.is_read_only, "is_privacy_office": request.user.is_privacy_office,
        "sign_form": forms.get("sign_form") or SignForm(initial={"signed_on": today}),
        "subcontract_form": forms.get("subcontract_form") or SubcontractForm(),
        "link_form": forms.get("link_form") or IncidentLinkForm(contract=contract, user=request.user),
        "incident_prefill": {"title": f"委託先（{contract.contractor.name}）における個人情報の漏えい等",
                             "division": contract.division_id, "contractor": contract.contractor.name,
                             "document_name": contract.title},
    }, status=status)


@require_GET
def contract_detail(request, pk):
    return _contract_detail(request, get_contract_for_user(request, pk))


@require_http_methods(["GET", "POST"])
def checklist_answer(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    if request.method == "GET":
        log.record(request, AuditAction.VIEW, contract)
    checklist = getattr(contract, "checklist", None)
    initial = None
    if checklist:
        initial = {f"q{number}": value for number, value in checklist.answers.items()}
        initial.update(phone=checklist.phone, head_name=checklist.head_name)
    form = ChecklistForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.do_answer_checklist(request, contract, form.answers(), phone=form.cleaned_data["phone"],
                                    head_name=form.cleaned_data["head_name"])
        messages.success(request, "チェックリストを提出しました。個人情報保護担当の確認を受けてください。")
        return redirect(contract)
    return render(request, "contractors/checklist_form.html", {"form": form, "contract": contract},
                  status=400 if request.method == "POST" else 200)


@require_POST
def checklist_approve(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    checklist = getattr(contract, "checklist", None)
    _require_privacy_office(request, contract, "チェックリストの確認（個人情報保護担当のみ）")
    if checklist is None:
        messages.error(request, "チェックリストがまだ提出されていません。")
        return redirect(contract)
    try:
        actions.do_approve_checklist(request, checklist)
    except actions.ContractError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "チェックリストを確認しました（確認印）。")
    return redirect(contract)


@require_POST
def contract_sign(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    form = SignForm(request.POST)
    if form.is_valid():
        try:
            actions.do_sign_contract(request, contract, form.cleaned_data["signed_on"])
        except actions.ContractError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "契約を締結済みにしました。検査の予定を確認してください。")
            return redirect(contract)
    return _contract_detail(request, contract, status=400, sign_form=form)


@require_POST
def subcontract_add(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    form = SubcontractForm(request.POST)
    if not form.is_valid():
        return _contract_detail(request, contract, status=400, subcontract_form=form)
    actions.do_add_subcontract(request, contract, form)
    messages.success(request, "再委託の承諾を記録しました。")
    return redirect(contract)


@require_POST
def incident_link(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    form = IncidentLinkForm(request.POST, contract=contract, user=request.user)
    if not form.is_valid():
        return _contract_detail(request, contract, status=400, link_form=form)
    actions.do_link_incident(request, contract, form.cleaned_data["incident"])
    messages.success(request, "事案をこの契約に結び付けました。")
    return redirect(contract)


@require_http_methods(["GET", "POST"])
def report_create(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    form = ManagementReportForm(request.POST or None)
    staff = StaffFormSet(request.POST or None, prefix="staff")
    if request.method == "POST" and form.is_valid() and staff.is_valid():
        report = actions.do_add_management_report(request, contract, form, staff)
        messages.success(request, f"管理体制等報告書（第{report.number}版・{report.get_kind_display()}）を登録しました。")
        return redirect(contract)
    return render(request, "contractors/report_form.html", {"form": form, "staff": staff, "contract": contract},
                  status=400 if request.method == "POST" else 200)


# ---------------------------------------------------------------- inspections

@require_http_methods(["GET", "POST"])
def inspection_create(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    initial = {"kind": request.GET.get("kind") or schedule.DOCUMENT,
               "fiscal_year": request.GET.get("fiscal_year") or fiscal_year(timezone.localdate()),
               "inspected_on": timezone.localdate()}
    form = InspectionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        inspection = actions.do_record_inspection(request, contract, form)
        messages.success(request, "検査を記録しました。")
        return redirect(inspection)
    return render(request, "contractors/inspection_form.html", {"form": form, "contract": contract},
                  status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def inspection_edit(request, pk):
    inspection = get_inspection_for_user(request, pk, write=True)
    if request.method == "GET":
        log.record(request, AuditAction.VIEW, inspection, division=inspection.contract.division)
    form = InspectionForm(request.POST or None, request.FILES or None, instance=inspection)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            inspection = actions.do_update_inspection(request, inspection, form)
        except EditConflict as conflict:
            form = InspectionForm(conflict.resubmission(request.POST), instance=conflict.current)
            form.show_conflict()
            status = 409
        else:
            messages.success(request, "検査を更新しました。")
            return redirect(inspection)
    return render(request, "contractors/inspection_form.html",
                  {"form": form, "contract": inspection.contract, "inspection": inspection}, status=status)


def _inspection_detail(request, inspection, status=200, follow_up_form=None):
    return render(request, "contractors/inspection_detail.html", {
        "inspection": inspection, "contract": inspection.contract,
        "follow_up_form": follow_up_form or FollowUpForm(instance=inspection),
        "can_write": not request.user.is_read_only,
    }, status=status)


@require_GET
def inspection_detail(request, pk):
    return _inspection_detail(request, get_inspection_for_user(request, pk))


@require_POST
def inspection_follow_up(request, pk):
    inspection = get_inspection_for_user(request, pk, write=True)
    form = FollowUpForm(request.POST, instance=inspection)
    if not form.is_valid():
        return _inspection_detail(request, inspection, status=400, follow_up_form=form)
    try:
        inspection = actions.do_follow_up(request, inspection, form)
    except EditConflict as conflict:
        form = FollowUpForm(conflict.resubmission(request.POST), instance=conflict.current)
        form.show_conflict()
        return _inspection_detail(request, conflict.current, status=409, follow_up_form=form)
    messages.success(request, "通知・改善報告の状況を記録しました。" + ("検査は完了しました。" if inspection.is_closed else ""))
    return redirect(inspection)


@require_GET
def inspection_attachment(request, pk):
    inspection = get_inspection_for_user(request, pk, audit_view=False)
    if not inspection.attachment:
        raise Http404("添付ファイルはありません。")
    log.record(request, AuditAction.EXPORT, inspection, division=inspection.contract.division, note="検査書の添付")
    return FileResponse(inspection.attachment.open("rb"), as_attachment=True, filename=inspection.attachment_name)


@require_http_methods(["GET", "POST"])
def inspection_import(request, pk):
    contract = get_contract_for_user(request, pk, write=True)
    form = InspectionImportForm(request.POST or None, request.FILES or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = importing.parse_inspection_sheet(upload.name, upload.read())
        except importing.TableError as error:
            form.add_error("file", str(error))
        else:
            if not parsed.errors and not form.cleaned_data["dry_run"]:
                inspection = actions.do_import_inspection(request, contract, parsed, filename=upload.name)
                messages.success(request, "検査書を取り込みました。")
                return redirect(inspection)
    status = 400 if (request.method == "POST" and (form.errors or (parsed and parsed.errors))) else 200
    return render(request, "contractors/import.html", {"form": form, "contract": contract, "parsed": parsed},
                  status=status)


# ---------------------------------------------------------------- contractors and clauses

@require_GET
def contractor_list(request):
    _refuse_council(request)
    return render(request, "contractors/contractor_list.html", {"contractors": Contractor.objects.all()})


@require_http_methods(["GET", "POST"])
def contractor_create(request):
    check_can_write(request)
    form = ContractorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contractor = actions.do_save_contractor(request, form)
        messages.success(request, "委託先を登録しました。")
        return redirect(contractor)
    return render(request, "contractors/form.html", {"form": form, "title": "委託先の登録"})


def _get_contractor(request, pk, write=False):
    if write:
        check_can_write(request)
    _refuse_council(request)
    try:
        return Contractor.objects.get(pk=pk)
    except (Contractor.DoesNotExist, ValueError):
        raise Http404("指定された記録はありません。")


@require_http_methods(["GET", "POST"])
def contractor_edit(request, pk):
    contractor = _get_contractor(request, pk, write=True)
    form = ContractorForm(request.POST or None, instance=contractor)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            contractor = actions.do_save_contractor(request, form)
        except EditConflict as conflict:
            form = ContractorForm(conflict.resubmission(request.POST), instance=conflict.current)
            form.show_conflict()
            status = 409
        else:
            messages.success(request, "委託先を更新しました。")
            return redirect(contractor)
    return render(request, "contractors/form.html", {"form": form, "title": f"委託先の編集：{contractor.name}"},
                  status=status)


@require_GET
def contractor_detail(request, pk):
    contractor = _get_contractor(request, pk)
    log.record(request, AuditAction.VIEW, contractor)
    contracts = scope_for_user(_contracts().filter(contractor=contractor), request.user)
    inspections = scope_for_user(Inspection.objects.filter(contract__contractor=contractor), request.user,
                                 division_field="contract__division").select_related("contract")
    from hogo.contractors.models import ContractIncident

    links = scope_for_user(ContractIncident.objects.filter(contract__contractor=contractor), request.user,
                           division_field="contract__division").select_related("incident", "contract")
    subcontracted = scope_for_user(contractor.subcontracts.select_related("contract"), request.user,
                                   division_field="contract__division")
    return render(request, "contractors/contractor_detail.html", {
        "contractor": contractor, "contracts": contracts, "inspections": inspections, "links": links,
        "subcontracted": subcontracted, "can_write": not request.user.is_read_only,
    })


@require_http_methods(["GET", "POST"])
def clauses(request):
    _refuse_council(request)
    form = ClausesForm(request.POST or None)
    if request.method == "POST":
        _require_privacy_office(request, None, "特記仕様書の改正（個人情報保護担当のみ）")
        if form.is_valid():
            version = actions.do_adopt_clauses(request, form)
            messages.success(request, f"特記仕様書 第{version.number}版を登録しました。")
            return redirect("contractors:clauses")
    return render(request, "contractors/clauses.html", {
        "versions": SpecialClauses.objects.all(), "form": form, "is_privacy_office": request.user.is_privacy_office,
    })


# ---------------------------------------------------------------- documents

FORM_NAMES = {"checklist": "個人情報の取扱いの委託に係るチェックリスト",
              "report": "管理体制等報告書（第2号様式）",
              "on_site": "遵守状況検査書（実地検査）", "document": "遵守状況検査書（書面検査）"}


@require_GET
def blank_form(request, name, fmt):
    """The seed's forms, blank, for the division or the contractor to fill in."""
    _refuse_council(request)
    if name not in FORM_NAMES or fmt not in ("docx", "xlsx") or (fmt == "xlsx" and name not in schedule.KIND_LABELS):
        raise Http404("指定された様式はありません。")
    if fmt == "xlsx":
        return attachment(documents.inspection_xlsx(name), f"{FORM_NAMES[name]}.xlsx", XLSX)
    if name == "checklist":
        blocks = documents.checklist_blocks()
    elif name == "report":
        blocks = documents.management_report_blocks()
    else:
        blocks = documents.inspection_blocks(name)
    return attachment(documents.docx(blocks), f"{FORM_NAMES[name]}.docx", DOCX)


@require_GET
def contract_document(request, pk, name):
    contract = get_contract_for_user(request, pk, audit_view=False)
    if name == "checklist":
        blocks = documents.checklist_blocks(contract, getattr(contract, "checklist", None))
    elif name == "report":
        report = contract.management_reports.prefetch_related("staff").first()
        blocks = documents.management_report_blocks(contract, report)
    else:
        raise Http404("指定された様式はありません。")
    log.record(request, AuditAction.EXPORT, contract, note=FORM_NAMES[name])
    return attachment(documents.docx(blocks), f"{FORM_NAMES[name]}_{contract.title[:40]}.docx", DOCX)


@require_GET
def report_document(request, pk):
    report = get_report_for_user(request, pk)
    blocks = documents.management_report_blocks(report.contract, report)
    log.record(request, AuditAction.EXPORT, report, division=report.contract.division, note=FORM_NAMES["report"])
    return attachment(documents.docx(blocks), f"管理体制等報告書_第{report.number}版.docx", DOCX)


@require_GET
def inspection_document(request, pk, fmt):
    inspection = get_inspection_for_user(request, pk, audit_view=False)
    log.record(request, AuditAction.EXPORT, inspection, division=inspection.contract.division)
    name = f"{FORM_NAMES[inspection.kind]}_{inspection.fiscal_year}年度"
    if fmt == "xlsx":
        return attachment(documents.inspection_xlsx(inspection.kind, inspection.contract, inspection),
                          f"{name}.xlsx", XLSX)
    if fmt != "docx":
        raise Http404("指定された形式はありません。")
    return attachment(documents.docx(documents.inspection_blocks(inspection.kind, inspection.contract, inspection)),
                      f"{name}.docx", DOCX)


@require_GET
def contract_blank_inspection(request, pk, kind):
    """The inspection sheet with the contract's name, for the contractor to fill in and return."""
    contract = get_contract_for_user(request, pk, audit_view=False)
    if kind not in schedule.KIND_LABELS:
        raise Http404("指定された様式はありません。")
    log.record(request, AuditAction.EXPORT, contract, note=FORM_NAMES[kind])
    return attachment(documents.inspection_xlsx(kind, contract), f"{FORM_NAMES[kind]}_{contract.title[:40]}.xlsx", XLSX)


@require_GET
def yearly_list(request):
    """The inspections done and due in a fiscal year, per agency and division, for the council."""
    _refuse_council(request)
    year = fiscal_year_param(request) or fiscal_year(timezone.localdate())
    contracts = scope_for_user(_contracts(), request.user).filter(signed_on__isnull=False).order_by(
        "division__department__agency__order", "division__department__order", "division__order", "title")
    if request.GET.get("format") == "xlsx":
        log.record(request, AuditAction.EXPORT, note=f"委託先の検査一覧 {year}年度")
        return attachment(documents.yearly_list_xlsx(contracts, year),
                          f"委託先検査一覧_{wareki_fiscal_year(year)}.xlsx", XLSX)
    return render(request, "contractors/yearly.html", {
        "rows": documents.yearly_rows(contracts, year), "year": year, "year_label": wareki_fiscal_year(year),
        "columns": documents.LIST_COLUMNS,
    })
