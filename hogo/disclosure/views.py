from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.access import check_can_write, get_for_user, scope_for_user
from hogo.core.concurrency import EditConflict
from hogo.core.downloads import attachment, DOCX, XLSX
from hogo.core.models import Municipality
from hogo.disclosure import actions, notices, reports, statistics
from hogo.disclosure import deadlines
from hogo.disclosure.choices import APPI_KINDS, RequestKind
from hogo.disclosure.forms import (
    AppealForm, DecisionForm, EndPauseForm, ExecutionForm, ExtensionForm, PauseForm, RequestForm,
    SpecialExtensionForm, StatisticsForm, ThirdPartyForm,
)
from hogo.disclosure.models import (
    Appeal, CorrectionPause, Decision, NoticeTemplate, Request, RequestSettings, ThirdParty,
)
from hogo.lib.municipal_calendar import fiscal_year, wareki_fiscal_year


# ------------------------------------------------------------------ access, one helper per type

def get_request_for_user(request, pk, write=False, audit_view=True):
    queryset = Request.objects.select_related("agency", "division").distinct()
    return get_for_user(request, queryset, pk, write=write, division_field="divisions", audit_view=audit_view)


def get_pause_for_user(request, pk):
    queryset = CorrectionPause.objects.select_related("request__division").distinct()
    return get_for_user(request, queryset, pk, write=True, division_field="request__divisions")


def get_decision_for_user(request, pk, write=False, audit_view=True):
    queryset = Decision.objects.select_related("request__agency", "request__division", "division").distinct()
    return get_for_user(request, queryset, pk, write=write, division_field="request__divisions",
                        audit_view=audit_view)


def get_appeal_for_user(request, pk, write=True, audit_view=True):
    queryset = Appeal.objects.select_related("request__agency", "decision__division").distinct()
    return get_for_user(request, queryset, pk, write=write, division_field="request__divisions",
                        audit_view=audit_view)


def get_third_party_for_user(request, pk, write=True, audit_view=True):
    queryset = ThirdParty.objects.select_related("request__agency").distinct()
    return get_for_user(request, queryset, pk, write=write, division_field="request__divisions",
                        audit_view=audit_view)


def _first_error(form_or_error):
    if isinstance(form_or_error, ValidationError):
        return " ".join(form_or_error.messages)
    return " ".join(str(message) for errors in form_or_error.errors.values() for message in errors)


# ------------------------------------------------------------------ requests

@require_GET
def request_list(request):
    """Open and closed requests of the user's divisions. No requester names here: the list is not audited."""
    status = request.GET.get("status", "open")
    kind = request.GET.get("kind", "")
    queryset = scope_for_user(Request.objects.all(), request.user, division_field="divisions").distinct()
    if status == "open":
        queryset = queryset.filter(closed_on__isnull=True)
    elif status == "closed":
        queryset = queryset.filter(closed_on__isnull=False)
    if kind in RequestKind.values:
        queryset = queryset.filter(kind=kind)
    queryset = queryset.select_related("division", "agency").prefetch_related("correction_pauses", "decisions")
    calendar = Municipality.current().calendar()
    settings = RequestSettings.current().deadline_settings()
    today = timezone.localdate()
    rows = [(obj, obj.current_deadline(today, calendar, settings) if obj.is_open else None) for obj in queryset[:300]]
    return render(request, "disclosure/list.html", {
        "rows": rows, "status": status, "kind": kind, "kinds": RequestKind.choices, "today": today,
        "can_write": not request.user.is_read_only,
    })


@require_http_methods(["GET", "POST"])
def request_create(request):
    check_can_write(request)
    form = RequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = actions.do_create_request(request, data=form.cleaned_data,
                                        other_divisions=form.cleaned_data["other_divisions"])
        messages.success(request, f"請求を登録しました（第{obj.pk}号）。")
        return redirect(obj)
    return render(request, "disclosure/form.html", {"form": form, "title": "請求の登録"})


@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    obj = get_request_for_user(request, pk, write=True)
    if request.method == "GET":
        # The form shows the requester's name and address: a read of personal data like the detail page.
        log.record(request, AuditAction.VIEW, obj, note="修正画面")
    form = RequestForm(request.POST or None, instance=obj, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_request(request, obj, data=form.cleaned_data, version=form.cleaned_data["version"],
                                      other_divisions=form.cleaned_data["other_divisions"])
            messages.success(request, "請求を更新しました。")
            return redirect(obj)
        except EditConflict as conflict:
            form = RequestForm(conflict.resubmission(request.POST), instance=conflict.current, user=request.user)
            form.show_conflict()
            status = 409
    return render(request, "disclosure/form.html", {"form": form, "title": f"請求の修正（第{obj.pk}号）",
                                                     "back": obj.get_absolute_url()}, status=status)


@require_GET
def request_detail(request, pk):
    obj = get_request_for_user(request, pk)
    today = timezone.localdate()
    settings = RequestSettings.current()
    calendar = Municipality.current().calendar()
    deadline_items = obj.deadlines(today=today, calendar=calendar, settings=settings.deadline_settings())
    decisions = list(obj.decisions.select_related("division").prefetch_related("appeals"))
    return render(request, "disclosure/detail.html", {
        "obj": obj, "deadlines": deadline_items, "today": today,
        "current": obj.current_deadline(today, calendar, settings.deadline_settings()) if obj.is_open else None,
        "pauses": obj.correction_pauses.all(), "open_pause": obj.open_pause(), "decisions": decisions,
        "divisions": obj.divisions.all(), "can_write": not request.user.is_read_only,
        "pause_form": PauseForm(initial={"requested_on": today}), "end_pause_form": EndPauseForm(initial={"answered_on": today}),
        "extension_form": ExtensionForm(initial={"days": 30, "notified_on": today}),
        "special_form": SpecialExtensionForm(initial={"notified_on": today}),
        "extension_limit": settings.extension_max_days if obj.kind in APPI_KINDS else settings.info_extension_days,
        "third_parties": obj.third_parties.all(), "inaction_appeals": obj.appeals.filter(decision__isnull=True),
        "objection": obj.third_parties.filter(objects_to_disclosure=True).exists(),
        "is_appi": obj.kind in APPI_KINDS,
    })


@require_POST
def pause_start(request, pk):
    obj = get_request_for_user(request, pk, write=True)
    form = PauseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_first_error(form))
        actions.do_start_pause(request, obj, requested_on=form.cleaned_data["requested_on"],
                               note=form.cleaned_data["note"])
        messages.success(request, "補正を求めた日を記録しました。補正がされるまで期限は進みません。")
    except ValidationError as error:
        messages.error(request, _first_error(error))
    return redirect(obj)


@require_POST
def pause_end(request, pk):
    pause = get_pause_for_user(request, pk)
    form = EndPauseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_first_error(form))
        actions.do_end_pause(request, pause, answered_on=form.cleaned_data["answered_on"])
        messages.success(request, "補正がされた日を記録しました。決定期限を計算し直しました。")
    except ValidationError as error:
        messages.error(request, _first_error(error))
    return redirect(pause.request)


@require_POST
def extend(request, pk):
    obj = get_request_for_user(request, pk, write=True)
    form = ExtensionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_first_error(form))
        actions.do_extend_deadline(request, obj, **form.cleaned_data)
        messages.success(request, f"決定期間を{form.cleaned_data['days']}日延長しました。")
    except ValidationError as error:
        messages.error(request, _first_error(error))
    return redirect(obj)


@require_POST
def special_extend(request, pk):
    obj = get_request_for_user(request, pk, write=True)
    form = SpecialExtensionForm(request.POST)
    try:
        if obj.kind not in APPI_KINDS:
            raise ValidationError("特例延長は個人情報保護法の請求についてのみ記録できます。")
        if not form.is_valid():
            raise ValidationError(_first_error(form))
        actions.do_special_extension(request, obj, **form.cleaned_data)
        messages.success(request, "特例延長を記録しました。")
    except ValidationError as error:
        messages.error(request, _first_error(error))
    return redirect(obj)


@require_POST
def reopen(request, pk):
    obj = get_request_for_user(request, pk, write=True)
    actions.do_reopen_request(request, obj)
    messages.success(request, "請求を処理中に戻しました。")
    return redirect(obj)


# ------------------------------------------------------------------ decisions and appeals

@require_http_methods(["GET", "POST"])
def decision_create(request, pk):
    obj = get_request_for_user(request, pk, write=True)
    grounds = RequestSettings.current().grounds_for(obj.kind, offered=True)
    form = DecisionForm(request.POST or None, request_obj=obj, user=request.user, grounds=grounds,
                        initial={"decided_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        actions.do_record_decision(request, obj, **form.cleaned_data)
        messages.success(request, "決定を記録しました。")
        return redirect(obj)
    return render(request, "disclosure/form.html", {"form": form, "title": f"決定の記録（第{obj.pk}号）",
                                                     "back": obj.get_absolute_url()})


def _method_deadline(decision):
    if not decision.notified_on:
        return ""
    due = deadlines.method_choice_deadline(decision.notified_on, calendar=Municipality.current().calendar())
    return f"{due.date.year}年{due.date.month}月{due.date.day}日"


@require_GET
def decision_notice(request, pk):
    """The decision notice as .docx: it carries the requester's name, so the export is audited."""
    decision = get_decision_for_user(request, pk, audit_view=False)
    template = NoticeTemplate.objects.filter(outcome=decision.outcome).first()
    title, body = (template.title, template.body) if template else notices.DEFAULTS[decision.outcome]
    content = notices.render_notice(decision, title, body, "、".join(decision.grounds_display()),
                                    Municipality.current().name, RequestSettings.current(),
                                    _method_deadline(decision))
    log.record(request, AuditAction.EXPORT, decision, note="決定通知書（.docx）")
    return attachment(content, f"decision-{decision.pk}.docx", DOCX)


def _appeal_form_view(request, request_obj, decision, back):
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_appeal(request, request_obj, decision=decision, data=form.cleaned_data)
            messages.success(request, "審査請求を記録しました。")
            return redirect(request_obj)
        except ValidationError as error:
            form.add_error(None, error)
    against = f"{decision}" if decision else "不作為"
    return render(request, "disclosure/form.html", {"form": form, "title": f"審査請求の記録（{against}）",
                                                     "back": back})


@require_http_methods(["GET", "POST"])
def appeal_create(request, pk):
    decision = get_decision_for_user(request, pk, write=True)
    return _appeal_form_view(request, decision.request, decision, decision.get_absolute_url())


@require_http_methods(["GET", "POST"])
def inaction_appeal_create(request, pk):
    """法第105条第1項: an appeal against inaction, recorded while the request has no decision."""
    obj = get_request_for_user(request, pk, write=True)
    return _appeal_form_view(request, obj, None, obj.get_absolute_url())


@require_http_methods(["GET", "POST"])
def appeal_edit(request, pk):
    appeal = get_appeal_for_user(request, pk)
    form = AppealForm(request.POST or None, instance=appeal)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_appeal(request, appeal, data=form.cleaned_data, version=form.cleaned_data["version"])
            messages.success(request, "審査請求を更新しました。")
            return redirect(appeal)
        except ValidationError as error:
            form.add_error(None, error)
        except EditConflict as conflict:
            form = AppealForm(conflict.resubmission(request.POST), instance=conflict.current)
            form.show_conflict()
            status = 409
    return render(request, "disclosure/form.html", {"form": form, "title": "審査請求の更新",
                                                     "back": appeal.get_absolute_url()}, status=status)


@require_GET
def consultation_notice(request, pk):
    """法第105条第2項: the notice that the 審査会 has been consulted, to the requester or a third party."""
    appeal = get_appeal_for_user(request, pk, write=False, audit_view=False)
    if not appeal.referred_on:
        messages.error(request, "審査会への諮問日を記録してから通知書を作成してください。")
        return redirect(appeal)
    party_pk = request.GET.get("third_party")
    addressee = appeal.request.requester_name
    if party_pk:
        party = appeal.request.third_parties.filter(pk=party_pk).first()
        if party is None:
            raise Http404
        addressee = party.name
    content = notices.render_consultation_notice(appeal, addressee, RequestSettings.current(),
                                                 Municipality.current().name, timezone.localdate())
    log.record(request, AuditAction.EXPORT, appeal, note=f"諮問をした旨の通知書（.docx）：{addressee}")
    return attachment(content, f"consultation-{appeal.pk}{'-' + party_pk if party_pk else ''}.docx", DOCX)


# ------------------------------------------------------------------ third parties and 開示の実施

@require_http_methods(["GET", "POST"])
def third_party_create(request, pk):
    obj = get_request_for_user(request, pk, write=True)
    form = ThirdPartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_third_party(request, obj, data=form.cleaned_data)
            messages.success(request, "第三者を記録しました。")
            return redirect(obj)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "disclosure/form.html", {"form": form, "title": f"第三者の記録（第{obj.pk}号）",
                                                     "back": obj.get_absolute_url()})


@require_http_methods(["GET", "POST"])
def third_party_edit(request, pk):
    party = get_third_party_for_user(request, pk)
    form = ThirdPartyForm(request.POST or None, instance=party)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_third_party(request, party, data=form.cleaned_data)
            messages.success(request, "第三者の意見を記録しました。")
            return redirect(party)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "disclosure/form.html", {"form": form, "title": f"{party}",
                                                     "back": party.get_absolute_url()})


@require_GET
def third_party_letter(request, pk):
    """法第86条: the opinion letter, or with ``?decision=`` the notice of 第3項 after a decision over an objection."""
    party = get_third_party_for_user(request, pk, write=False, audit_view=False)
    settings, name, today = RequestSettings.current(), Municipality.current().name, timezone.localdate()
    decision_pk = request.GET.get("decision")
    if decision_pk:
        decision = party.request.decisions.filter(pk=decision_pk).first()
        if decision is None:
            raise Http404
        execution = getattr(decision, "execution", None)
        disclosure_on = (execution.scheduled_on if execution and execution.scheduled_on
                         else deadlines.third_party_wait(decision.decided_on).date)
        content = notices.render_third_party_notice(party, decision, disclosure_on, settings, name, today)
        note, filename = "開示決定をした旨の通知書（.docx）", f"third-party-notice-{party.pk}.docx"
    else:
        content = notices.render_opinion_request(party, settings, name, today)
        note, filename = "意見照会書（.docx）", f"third-party-opinion-{party.pk}.docx"
    log.record(request, AuditAction.EXPORT, party, note=note)
    return attachment(content, filename, DOCX)


@require_http_methods(["GET", "POST"])
def execution_edit(request, pk):
    decision = get_decision_for_user(request, pk, write=True)
    settings = RequestSettings.current()
    instance = getattr(decision, "execution", None) if hasattr(decision, "execution") else None
    form = ExecutionForm(request.POST or None, instance=instance, fees=settings.copy_fees(),
                         initial={"place": settings.disclosure_place})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_execution(request, decision, data=form.cleaned_data)
            messages.success(request, "開示の実施を記録しました。")
            return redirect(decision)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "disclosure/form.html", {"form": form, "title": f"開示の実施（{decision}）",
                                                     "back": decision.get_absolute_url()})


# ------------------------------------------------------------------ statistics

@require_GET
def statistics_view(request):
    """Aggregates only (no personal data), so every signed-in role, council viewers included, may read them."""
    settings = RequestSettings.current()
    form = StatisticsForm(request.GET or {"year": fiscal_year(timezone.localdate()) - 1,
                                          "report": settings.statistics_layout})
    form.fields["report"].choices = [(key, report.title) for key, report in statistics.REPORTS.items()]
    if not form.is_valid():
        return render(request, "disclosure/statistics.html", {"form": form, "tables": []}, status=400)
    year, report_key = form.cleaned_data["year"], form.cleaned_data["report"]
    report, tables = reports.build_report(report_key, year)
    output = request.GET.get("format")
    if output in ("xlsx", "docx"):
        build = reports.xlsx_bytes if output == "xlsx" else reports.docx_bytes
        log.record(request, AuditAction.EXPORT, record_type="disclosure.statistics",
                   note=f"{wareki_fiscal_year(year)} {report.title}（.{output}）")
        return attachment(build(report, tables, year), f"requests-{report_key}-{year}.{output}",
                          XLSX if output == "xlsx" else DOCX)
    rendered = [(table, statistics.header_rows(table.definition), table.display_rows()) for table in tables]
    return render(request, "disclosure/statistics.html", {
        "form": form, "report": report, "tables": rendered, "year": year, "year_name": wareki_fiscal_year(year),
        "query": f"year={year}&report={report_key}",
    })
