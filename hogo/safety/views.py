from datetime import date
from io import BytesIO
from urllib.parse import urlencode

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from openpyxl import Workbook

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.access import check_can_write
from hogo.core.concurrency import EditConflict
from hogo.core.downloads import DOCX, XLSX, attachment
from hogo.core.models import Division, Municipality
from hogo.core.params import fiscal_year_param
from hogo.incidents.documents import render_docx
from hogo.incidents.choices import IncidentKind
from hogo.incidents.models import Incident
from hogo.lib.municipal_calendar import fiscal_year, fiscal_year_bounds, wareki_fiscal_year
from hogo.lib.spreadsheets import append_row
from hogo.lib.tables import TableError
from hogo.safety import actions, documents, importing, rules, structure, training
from hogo.safety.access import (
    check_auditor, check_privacy_office, get_for_user, get_scoped, scope, scope_audits, sees_all,
)
from hogo.safety.choices import Channel, SendMethod
from hogo.safety.forms import (
    AnswerFormSet, AttendanceImportForm, AuditForm, AuditPlanForm, CheckItemForm, CorrectiveActionForm,
    CouncilNumberForm, DestinationCheckForm, DestinationForm, FindingForm, LinkIncidentForm, MisdirectionForm,
    PostAssignmentForm, SelfCheckForm, SelfCheckStartForm, SendForm, TrainingSessionForm,
)
from hogo.safety.models import (
    Audit, AuditPlan, CheckItem, CorrectiveAction, Destination, DestinationCheck, Finding, PostAssignment, SelfCheck,
    SelfCheckAnswer, Send, TrainingSession,
)


def _edit(request, form_class, instance, save, *, title, back, **form_kwargs):
    """Show and save an edit form of a versioned record: 409 with both versions after a lost race."""
    if request.method == "GET" and instance is not None and instance.pk:
        log.record(request, AuditAction.VIEW, instance)
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(request, form)
        except EditConflict as conflict:
            form = form_class(conflict.resubmission(request.POST), instance=conflict.current, **form_kwargs)
            form.show_conflict()
            status = 409
        else:
            messages.success(request, "保存しました。")
            return redirect(obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else back)
    return render(request, "safety/form.html", {"form": form, "title": title, "back": back}, status=status)


@require_GET
def index(request):
    return render(request, "safety/index.html", {"is_privacy_office": request.user.is_privacy_office,
                                                 "sees_all": sees_all(request.user)})


# ------------------------------------------------------------------ structure

@require_GET
def structure_list(request):
    day = _day_param(request)
    assignments = PostAssignment.objects.select_related("user", "division", "agency")
    if not sees_all(request.user):
        division = request.user.division
        assignments = assignments.filter(division__isnull=True) | assignments.filter(division=division)
    divisions = scope(Division.objects.all(), request.user, "pk") if not request.user.is_read_only else []
    chains = [(division, structure.chain(division, day)) for division in divisions[:200]]
    return render(request, "safety/structure.html", {
        "assignments": assignments, "day": day, "chains": chains, "is_privacy_office": request.user.is_privacy_office,
    })


def _day_param(request):
    try:
        return date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return timezone.localdate()


@require_http_methods(["GET", "POST"])
def assignment_edit(request, pk=None):
    check_privacy_office(request, "管理体制の登録")
    instance = PostAssignment.objects.filter(pk=pk).first() if pk else None
    if pk and instance is None:
        raise Http404("指定された記録はありません。")
    return _edit(request, PostAssignmentForm, instance, actions.do_save_assignment,
                 title="管理体制（職の指定）", back=reverse("safety:structure"))


# ------------------------------------------------------------------ check items and self-checks

@require_GET
def item_list(request):
    return render(request, "safety/items.html", {"items": CheckItem.objects.all(),
                                                 "is_privacy_office": request.user.is_privacy_office})


@require_http_methods(["GET", "POST"])
def item_edit(request, pk=None):
    check_privacy_office(request, "点検項目の編集")
    instance = CheckItem.objects.filter(pk=pk).first() if pk else None
    if pk and instance is None:
        raise Http404("指定された記録はありません。")
    return _edit(request, CheckItemForm, instance, actions.do_save_check_item, title="点検項目",
                 back=reverse("safety:items"))


def _self_checks():
    return SelfCheck.objects.select_related("division")


@require_GET
def self_check_list(request):
    year = fiscal_year_param(request) or fiscal_year(timezone.localdate())
    checks = scope(_self_checks(), request.user).filter(fiscal_year=year)
    return render(request, "safety/self_checks.html", {
        "checks": checks, "year": year, "can_write": not request.user.is_read_only,
        "start_form": SelfCheckStartForm(user=request.user, initial={"fiscal_year": year}),
    })


@require_POST
def self_check_start(request):
    check_can_write(request)
    form = SelfCheckStartForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, "課と年度を確認してください。")
        return redirect("safety:self_checks")
    division = form.cleaned_data.get("division") or request.user.division
    try:
        self_check = actions.do_start_self_check(request, division=division,
                                                 fiscal_year=form.cleaned_data["fiscal_year"])
    except actions.SafetyError as error:
        messages.error(request, str(error))
        return redirect("safety:self_checks")
    return redirect(self_check)


@require_http_methods(["GET", "POST"])
def self_check_detail(request, pk):
    write = request.method == "POST"
    self_check = get_for_user(request, _self_checks(), pk, write=write)
    answers_qs = self_check.answers.select_related("item")
    form = SelfCheckForm(request.POST or None, instance=self_check)
    answers = AnswerFormSet(request.POST or None, request.FILES or None, queryset=answers_qs, prefix="answers")
    status = 200
    if write and self_check.status == "submitted":
        messages.error(request, "この点検は提出済みです。")
        return redirect(self_check)
    if write and form.is_valid() and answers.is_valid():
        submit = "submit" in request.POST
        try:
            findings = actions.do_save_self_check(request, self_check, form, answers, submit=submit)
        except EditConflict as conflict:
            form = SelfCheckForm(conflict.resubmission(request.POST), instance=conflict.current)
            form.show_conflict()
            status = 409
        except actions.SafetyError as error:
            form.add_error(None, str(error))
            status = 400
        else:
            if submit:
                messages.success(request, f"点検を提出しました。「いいえ」の項目 {len(findings)}件を指摘事項に登録しました。")
            else:
                messages.success(request, "回答を保存しました。")
            return redirect(self_check)
    elif write:
        status = 400
    return render(request, "safety/self_check.html", {
        "self_check": self_check, "form": form, "answers": answers,
        "can_write": not request.user.is_read_only and self_check.status != "submitted",
        "findings": Finding.objects.filter(answer__self_check=self_check).select_related("answer__item"),
    }, status=status)


@require_GET
def evidence(request, pk):
    answer = get_for_user(request, SelfCheckAnswer.objects.select_related("self_check__division"), pk,
                          division_field="self_check__division")
    if not answer.evidence:
        raise Http404("根拠資料はありません。")
    log.record(request, AuditAction.EXPORT, answer.self_check, note=f"根拠資料 {answer.evidence_name}")
    return FileResponse(answer.evidence.open("rb"), as_attachment=True, filename=answer.evidence_name or "evidence")


# ------------------------------------------------------------------ findings and corrective actions

def _findings():
    return Finding.objects.select_related("division", "audit__plan", "answer__item", "incident").prefetch_related(
        "actions")


@require_GET
def finding_list(request):
    findings = scope(_findings(), request.user)
    state = request.GET.get("state", "open")
    if state == "open":
        findings = findings.filter(closed_on__isnull=True)
    elif state == "closed":
        findings = findings.filter(closed_on__isnull=False)
    return render(request, "safety/findings.html", {"findings": findings, "state": state,
                                                    "today": timezone.localdate()})


def _finding_page(request, finding, action_form=None, status=200):
    return render(request, "safety/finding.html", {
        "finding": finding, "action_form": action_form or CorrectiveActionForm(),
        "can_write": not request.user.is_read_only and not finding.is_closed, "today": timezone.localdate(),
    }, status=status)


@require_GET
def finding_detail(request, pk):
    return _finding_page(request, get_for_user(request, _findings(), pk))


@require_POST
def action_add(request, pk):
    finding = get_for_user(request, _findings(), pk, write=True)
    form = CorrectiveActionForm(request.POST)
    if form.is_valid():
        try:
            actions.do_add_corrective_action(request, finding, form)
        except actions.SafetyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "改善措置を登録しました。")
            return redirect(finding)
    return _finding_page(request, finding, form, status=400)


@require_POST
def action_done(request, pk):
    action = get_for_user(request, CorrectiveAction.objects.select_related("finding__division"), pk, write=True,
                          division_field="finding__division")
    finding = actions.do_complete_action(request, action)
    messages.success(request, "改善措置を完了しました。" + ("指摘事項は完了しました。" if finding.is_closed else ""))
    return redirect(finding)


# ------------------------------------------------------------------ audit plans and audits

def _audits():
    return Audit.objects.select_related("plan", "division__department__agency", "auditing_division")


@require_GET
def plan_list(request):
    plans = AuditPlan.objects.all()
    if not sees_all(request.user):
        audits = scope_audits(_audits(), request.user)
        plans = plans.filter(pk__in=audits.values("plan"))
    return render(request, "safety/plans.html", {"plans": plans, "can_plan": sees_all(request.user)
                                                 and not request.user.is_read_only})


def _get_plan(request, pk, write=False):
    plans = AuditPlan.objects.select_related("council_report")
    visible = plans if sees_all(request.user) else plans.filter(
        pk__in=scope_audits(_audits(), request.user).values("plan"))
    return get_scoped(request, plans, visible, pk, write=write)


@require_http_methods(["GET", "POST"])
def plan_edit(request, pk=None):
    check_auditor(request)
    instance = _get_plan(request, pk, write=True) if pk else None
    return _edit(request, AuditPlanForm, instance, actions.do_save_plan, title="監査計画",
                 back=reverse("safety:plans"))


@require_GET
def plan_detail(request, pk):
    plan = _get_plan(request, pk)
    audits = scope_audits(_audits(), request.user).filter(plan=plan).prefetch_related("findings")
    return render(request, "safety/plan.html", {
        "plan": plan, "audits": audits, "can_plan": sees_all(request.user) and not request.user.is_read_only,
        "council_form": CouncilNumberForm(initial={"reported_on": timezone.localdate()}),
        "is_privacy_office": request.user.is_privacy_office,
    })


@require_http_methods(["GET", "POST"])
def audit_create(request, pk):
    check_auditor(request)
    plan = _get_plan(request, pk, write=True)
    return _edit(request, AuditForm, Audit(plan=plan), lambda request, form: actions.do_save_audit(request, form, plan),
                 title=f"監査の登録（{plan}）", back=plan.get_absolute_url())


def _get_audit(request, pk, write=False):
    return get_scoped(request, _audits(), scope_audits(_audits(), request.user), pk, write=write)


@require_http_methods(["GET", "POST"])
def audit_edit(request, pk):
    audit = _get_audit(request, pk, write=True)
    check_auditor(request, audit)
    return _edit(request, AuditForm, audit, actions.do_save_audit, title=f"監査の編集（{audit}）",
                 back=audit.get_absolute_url(), limited=not sees_all(request.user))


def _incident_division(request, audit):
    """Whose incidents a finding may be linked to: a mutual auditor sees no other division's incidents."""
    return audit.division if sees_all(request.user) else None


def _audit_page(request, audit, finding_form=None, status=200):
    return render(request, "safety/audit.html", {
        "audit": audit, "findings": audit.findings.select_related("incident").prefetch_related("actions"),
        "finding_form": finding_form or FindingForm(division=_incident_division(request, audit)),
        "can_audit": not request.user.is_read_only and (
            sees_all(request.user) or audit.auditing_division_id == request.user.division_id),
    }, status=status)


@require_GET
def audit_detail(request, pk):
    return _audit_page(request, _get_audit(request, pk))


@require_POST
def finding_add(request, pk):
    audit = _get_audit(request, pk, write=True)
    check_auditor(request, audit)
    form = FindingForm(request.POST, division=_incident_division(request, audit))
    if not form.is_valid():
        return _audit_page(request, audit, form, status=400)
    actions.do_add_finding(request, audit, form)
    messages.success(request, "指摘事項を登録しました。")
    return redirect(audit)


@require_POST
def plan_council_report(request, pk):
    check_privacy_office(request, "審議会報告の採番")
    plan = _get_plan(request, pk, write=True)
    form = CouncilNumberForm(request.POST)
    if form.is_valid():
        try:
            report = actions.do_allocate_plan_council_report(request, plan, **form.cleaned_data)
        except actions.SafetyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"報告第{report.number}号を採番しました。")
    else:
        messages.error(request, "報告日を確認してください。")
    return redirect(plan)


@require_GET
def plan_report(request, pk):
    as_docx = request.GET.get("format") == "docx"
    plan = _get_plan(request, pk)
    if not sees_all(request.user):
        log.record(request, AuditAction.DENIED, plan, note="監査報告書（監査責任者・個人情報保護担当のみ）")
        raise Http404("指定された記録はありません。")
    audits = list(_audits().filter(plan=plan).prefetch_related("findings__actions", "findings__division"))
    incidents = (Incident.objects.filter(division__in=[audit.division for audit in audits],
                                         council_report__isnull=False)
                 .select_related("council_report").order_by("council_report__number"))
    municipality = Municipality.current()
    blocks = documents.audit_report_blocks(plan, audits, list(incidents),
                                           office=municipality.privacy_office_name or "個人情報保護担当課")
    if as_docx:
        log.record(request, AuditAction.EXPORT, plan, note="監査の結果の報告（docx）")
        number = f"報告第{plan.council_report.number}号" if plan.council_report else "案"
        return attachment(render_docx(blocks), f"{wareki_fiscal_year(plan.fiscal_year)}監査報告（{number}）.docx", DOCX)
    return render(request, "safety/document.html", {"blocks": blocks, "title": documents.report_title(plan),
                                                    "back": plan.get_absolute_url(),
                                                    "docx_url": f"{request.path}?format=docx"})


# ------------------------------------------------------------------ training

@require_GET
def training_list(request):
    return render(request, "safety/trainings.html", {
        "sessions": TrainingSession.objects.prefetch_related("attendances"),
        "is_privacy_office": request.user.is_privacy_office,
    })


@require_http_methods(["GET", "POST"])
def training_edit(request, pk=None):
    check_privacy_office(request, "研修の登録")
    instance = TrainingSession.objects.filter(pk=pk).first() if pk else None
    if pk and instance is None:
        raise Http404("指定された記録はありません。")
    return _edit(request, TrainingSessionForm, instance, actions.do_save_training, title="研修",
                 back=reverse("safety:trainings"))


def _training_page(request, session, import_form=None, result=None, status=200):
    attendances = scope(session.attendances.select_related("division", "user"), request.user)
    return render(request, "safety/training.html", {
        "session": session, "attendances": attendances, "import_form": import_form or AttendanceImportForm(),
        "result": result, "is_privacy_office": request.user.is_privacy_office,
    }, status=status)


@require_http_methods(["GET", "POST"])
def training_detail(request, pk):
    session = TrainingSession.objects.filter(pk=pk).first()
    if session is None:
        raise Http404("指定された記録はありません。")
    if request.method == "GET":
        return _training_page(request, session)
    check_privacy_office(request, "出席者名簿の取込み")
    form = AttendanceImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _training_page(request, session, form, status=400)
    upload = form.cleaned_data["file"]
    try:
        result = importing.do_import_attendance(request, session, upload.name, upload.read(),
                                                dry_run=form.cleaned_data["dry_run"])
    except TableError as error:
        form.add_error("file", str(error))
        return _training_page(request, session, form, status=400)
    if result.problems:
        return _training_page(request, session, form, result, status=400)
    if form.cleaned_data["dry_run"]:
        return _training_page(request, session, form, result)
    messages.success(request, f"{len(result.rows)}人の出席を取り込みました。"
                     + (f"（記録済み {result.skipped}人は省略）" if result.skipped else ""))
    return redirect(session)


@require_GET
def training_status(request):
    today = timezone.localdate()
    divisions = list(scope(Division.objects.select_related("department__agency"), request.user, "pk"))
    return render(request, "safety/training_status.html", {
        "rows": training.division_rates(divisions, today), "today": today,
        "period": rules.TRAINING_PERIOD_MONTHS,
    })


# ------------------------------------------------------------------ outgoing checks

@require_GET
def destination_list(request):
    today = timezone.localdate()
    destinations = scope(Destination.objects.select_related("division"), request.user)
    checks = scope(DestinationCheck.objects.select_related("division", "checked_by"), request.user)
    divisions = scope(Division.objects.filter(pk__in=destinations.values("division")), request.user, "pk")
    status = []
    for division in divisions:
        last = checks.filter(division=division).first()
        first = destinations.filter(division=division).order_by("created_on").first()
        due = rules.verification_due_on(last.checked_on if last else None, first.created_on)
        status.append((division, last, due, due < today))
    return render(request, "safety/destinations.html", {
        "destinations": destinations, "checks": checks[:50], "status": status, "today": today,
        "can_write": not request.user.is_read_only and request.user.division_id is not None,
        "check_form": DestinationCheckForm(initial={"checked_on": today}),
    })


@require_http_methods(["GET", "POST"])
def destination_edit(request, pk=None):
    check_can_write(request)
    instance = get_for_user(request, Destination.objects.all(), pk, write=True) if pk else None
    return _edit(request, DestinationForm, instance, actions.do_save_destination, title="送付先",
                 back=reverse("safety:destinations"), user=request.user)


@require_POST
def destination_check(request):
    check_can_write(request)
    form = DestinationCheckForm(request.POST)
    if request.user.division_id is None:
        messages.error(request, "所属課のある職員が点検を記録します。")
    elif form.is_valid():
        actions.do_check_destinations(request, request.user.division, **form.cleaned_data)
        messages.success(request, "送付先の点検を記録しました。")
    else:
        messages.error(request, "点検日を確認してください。")
    return redirect("safety:destinations")


def _sends():
    return Send.objects.select_related("division", "sender", "checker", "destination", "incident")


@require_GET
def send_list(request):
    sends = scope(_sends(), request.user)
    return render(request, "safety/sends.html", {"sends": sends[:500], "can_write": not request.user.is_read_only})


@require_http_methods(["GET", "POST"])
def send_create(request):
    check_can_write(request)
    form = SendForm(request.POST or None, user=request.user, initial={"sent_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        send = actions.do_record_send(request, form)
        messages.success(request, "送付記録を登録しました。")
        return redirect(send)
    return render(request, "safety/form.html", {"form": form, "title": "送付記録（ファクシミリ・郵便・電子メール）",
                                                "back": reverse("safety:sends")},
                  status=400 if request.method == "POST" else 200)


def incident_prefill_url(send):
    """The new-incident page with the send's facts (hogo/incidents/views.py PREFILLED_FIELDS)."""
    summary = (f"{send.content}を{send.recipient}あてに{send.get_channel_display()}で送付した際"
               f"（{send.address}、{send.get_method_display()}、確認者 {send.checker}）、誤送付が発生した。")
    params = {
        "title": f"個人情報を含む文書の{'誤送信' if send.channel != Channel.MAIL else '誤送付'}による漏えいのおそれ",
        "division": send.division_id, "kind": IncidentKind.LEAK, "occurred_on": send.sent_on.isoformat(),
        "learned_on": (send.misdirected_on or send.sent_on).isoformat(), "document_name": send.content,
        "summary": summary, "discovered_how": send.misdirection,
    }
    return reverse("incidents:create") + "?" + urlencode(params)


def _send_page(request, send, misdirection_form=None, link_form=None, status=200):
    return render(request, "safety/send.html", {
        "send": send, "can_write": not request.user.is_read_only,
        "misdirection_form": misdirection_form or MisdirectionForm(initial={"misdirected_on": timezone.localdate()}),
        "link_form": link_form or LinkIncidentForm(division=send.division),
        "incident_url": incident_prefill_url(send) if send.misdirected_on else "",
    }, status=status)


@require_GET
def send_detail(request, pk):
    return _send_page(request, get_for_user(request, _sends(), pk))


@require_POST
def send_misdirection(request, pk):
    send = get_for_user(request, _sends(), pk, write=True)
    form = MisdirectionForm(request.POST)
    if form.is_valid():
        try:
            actions.do_record_misdirection(request, send, **form.cleaned_data)
        except actions.SafetyError as error:
            form.add_error(None, str(error))
        else:
            messages.warning(request, "誤送付を記録しました。漏えい等事案を登録してください。")
            return redirect(send)
    return _send_page(request, send, misdirection_form=form, status=400)


@require_POST
def send_link_incident(request, pk):
    send = get_for_user(request, _sends(), pk, write=True)
    form = LinkIncidentForm(request.POST, division=send.division)
    if form.is_valid():
        actions.do_link_incident(request, send, form.cleaned_data["incident"])
        messages.success(request, "漏えい等事案と関連付けました。")
        return redirect(send)
    return _send_page(request, send, link_form=form, status=400)


@require_GET
def send_summary(request):
    year = fiscal_year_param(request) or fiscal_year(timezone.localdate())
    sends = scope(Send.objects.filter(sent_on__range=fiscal_year_bounds(year)), request.user)
    summary = rules.monthly_summary(rules.SendFact(send.sent_on, send.channel, send.method,
                                                   send.misdirected_on is not None) for send in sends)
    channels, methods = list(Channel), list(SendMethod)
    rows = [(f"{y}年{m}月", row["total"], [row["by_channel"][c] for c in channels],
             [row["by_method"][k] for k in methods], row["misdirected"]) for (y, m), row in summary.items()]
    if request.GET.get("format") == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "月別集計"
        append_row(sheet, [f"{wareki_fiscal_year(year)} 個人情報を含む文書の送付（月別）"])
        append_row(sheet, ["月", "件数", *[c.label for c in channels], *[k.label for k in methods], "誤送付"])
        for label, total, by_channel, by_method, misdirected in rows:
            append_row(sheet, [label, total, *by_channel, *by_method, misdirected])
        buffer = BytesIO()
        workbook.save(buffer)
        log.record(request, AuditAction.EXPORT, note=f"送付記録の月別集計 {year}年度（xlsx）",
                   record_type=Send._meta.label)
        return attachment(buffer.getvalue(), f"{wareki_fiscal_year(year)}送付記録月別集計.xlsx", XLSX)
    return render(request, "safety/send_summary.html", {"rows": rows, "year": year, "channels": channels,
                                                        "methods": methods})
