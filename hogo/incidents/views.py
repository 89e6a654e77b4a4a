from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.access import check_can_write, get_for_user, scope_for_user
from hogo.core.concurrency import EditConflict
from hogo.core.downloads import attachment, DOCX
from hogo.core.models import Municipality
from hogo.core.params import fiscal_year_param
from hogo.incidents import actions, documents, rules
from hogo.incidents.forms import (
    CouncilReportForm, FiscalYearForm, IncidentForm, ItemFormSet, MeasureForm, ReportForm, TimelineForm,
)
from hogo.incidents.models import Incident, PpcReport, PreventionMeasure
from hogo.lib.municipal_calendar import fiscal_year, fiscal_year_bounds


def _incidents():
    return Incident.objects.select_related("division__department__agency", "council_report").prefetch_related(
        "items", "related_divisions", "reports", "measures", "timeline")


def get_incident_for_user(request, pk, write=False, audit_view=True):
    """The incident ``pk`` if the user may see it (404 and an audit row otherwise)."""
    return get_for_user(request, _incidents(), pk, write=write, audit_view=audit_view)


def _get_child_for_user(request, model, pk):
    """A report or measure of an incident the user may change."""
    return get_for_user(request, model.objects.select_related("incident__division"), pk, write=True,
                        division_field="incident__division")


@require_GET
def incident_list(request):
    incidents = scope_for_user(_incidents(), request.user)
    year = fiscal_year_param(request)
    if year is not None:
        incidents = incidents.filter(learned_on__range=fiscal_year_bounds(year))
    if request.GET.get("ppc") == "1":
        incidents = incidents.filter(ppc_required=True)
    return render(request, "incidents/list.html", {
        "incidents": incidents, "year": year or "", "ppc": request.GET.get("ppc", ""),
        "this_year": fiscal_year(timezone.localdate()),
        "can_write": not request.user.is_read_only,
    })


# Facts another register may hand over when it opens an incident (a lost medium, a
# misdirected fax, a contractor's accident): GET parameters of the new-incident page.
PREFILLED_FIELDS = ("title", "division", "kind", "occurred_on", "learned_on", "document_name", "summary",
                    "discovered_how", "cause", "contractor")


@require_http_methods(["GET", "POST"])
def incident_create(request):
    check_can_write(request)
    prefilled = {name: request.GET[name] for name in PREFILLED_FIELDS if request.GET.get(name)}
    form = IncidentForm(request.POST or None, initial=prefilled, user=request.user)
    items = ItemFormSet(request.POST or None, prefix="items")
    if request.method == "POST" and form.is_valid() and items.is_valid():
        incident = actions.do_create_incident(request, form, items)
        messages.success(request, "事案を登録しました。報告の要否と期限を確認してください。")
        return redirect(incident)
    return render(request, "incidents/form.html", {"form": form, "items": items, "incident": None})


@require_http_methods(["GET", "POST"])
def incident_edit(request, pk):
    incident = get_incident_for_user(request, pk, write=True)
    if request.method == "GET":
        # The form shows the whole record: a read like the detail page (a POST logs its change).
        log.record(request, AuditAction.VIEW, incident)
    form = IncidentForm(request.POST or None, instance=incident, user=request.user)
    items = ItemFormSet(request.POST or None, instance=incident, prefix="items")
    status = 200
    if request.method == "POST" and form.is_valid() and items.is_valid():
        was_required = incident.ppc_required
        try:
            incident = actions.do_update_incident(request, incident, form, items)
        except EditConflict as conflict:
            form = IncidentForm(conflict.resubmission(request.POST), instance=conflict.current, user=request.user)
            form.show_conflict()
            items = ItemFormSet(request.POST, instance=conflict.current, prefix="items")
            status = 409
        else:
            if incident.ppc_required != was_required:
                messages.warning(request, "事実の変更により、個人情報保護委員会への報告の要否が変わりました。")
            else:
                messages.success(request, "事案を更新しました。")
            return redirect(incident)
    return render(request, "incidents/form.html", {"form": form, "items": items, "incident": incident},
                  status=status)


def _detail(request, incident, status=200, **forms):
    municipality = Municipality.current()
    calendar = municipality.calendar()
    decision = rules.decide_ppc_report(incident.facts(municipality))
    preliminary, final = incident.deadlines(calendar)
    my_number_facts = incident.my_number_facts()
    today = timezone.localdate()
    context = {
        "incident": incident,
        "decision": decision,
        "my_number_decision": rules.decide_my_number_report(my_number_facts) if my_number_facts else None,
        "my_number_deadlines": incident.my_number_deadlines(calendar) if my_number_facts else [],
        "preliminary": preliminary,
        "final": final,
        "preliminary_sent": incident.preliminary_sent(),
        "final_sent": incident.final_sent(),
        "preliminary_overdue": not incident.preliminary_sent() and preliminary.date < today,
        "final_overdue": not incident.final_sent() and final.date < today,
        "today": today,
        "can_write": not request.user.is_read_only,
        "is_privacy_office": request.user.is_privacy_office,
        "timeline_form": forms.get("timeline_form") or TimelineForm(),
        "report_form": forms.get("report_form") or ReportForm(),
        "measure_form": forms.get("measure_form") or MeasureForm(),
        "council_form": forms.get("council_form") or CouncilReportForm(initial={"reported_on": today}),
    }
    return render(request, "incidents/detail.html", context, status=status)


@require_GET
def incident_detail(request, pk):
    return _detail(request, get_incident_for_user(request, pk))


@require_POST
def timeline_add(request, pk):
    incident = get_incident_for_user(request, pk, write=True)
    form = TimelineForm(request.POST)
    if not form.is_valid():
        return _detail(request, incident, status=400, timeline_form=form)
    actions.do_add_timeline_entry(request, incident, **form.cleaned_data)
    messages.success(request, "事案の経過を追加しました。")
    return redirect(incident)


@require_POST
def report_add(request, pk):
    incident = get_incident_for_user(request, pk, write=True)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            report = actions.do_record_report(request, incident, **form.cleaned_data)
        except actions.IncidentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{report.get_kind_display()}の報告を記録しました。")
            return redirect(incident)
    return _detail(request, incident, status=400, report_form=form)


@require_POST
def report_delete(request, pk):
    report = _get_child_for_user(request, PpcReport, pk)
    try:
        actions.do_delete_report(request, report)
    except actions.IncidentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "報告の記録を取り消しました。")
    return redirect(report.incident)


@require_POST
def measure_add(request, pk):
    incident = get_incident_for_user(request, pk, write=True)
    form = MeasureForm(request.POST)
    if not form.is_valid():
        return _detail(request, incident, status=400, measure_form=form)
    actions.do_add_measure(request, incident, **form.cleaned_data)
    messages.success(request, "再発防止策を追加しました。")
    return redirect(incident)


@require_POST
def measure_done(request, pk):
    measure = _get_child_for_user(request, PreventionMeasure, pk)
    actions.do_set_measure_done(request, measure, done=request.POST.get("done") == "1")
    return redirect(measure.incident)


@require_POST
def council_allocate(request, pk):
    incident = get_incident_for_user(request, pk, write=True)
    if not request.user.is_privacy_office:
        log.record(request, AuditAction.DENIED, incident, note="審議会報告の採番（個人情報保護担当のみ）")
        raise PermissionDenied("報告番号の採番は個人情報保護担当が行います。")
    form = CouncilReportForm(request.POST)
    if form.is_valid():
        try:
            report = actions.do_allocate_incident_council_report(
                request, incident, reported_on=form.cleaned_data["reported_on"], basis=form.cleaned_data["basis"])
        except actions.IncidentError as error:
            # The form is no longer shown once a number exists, so say it above the page.
            messages.error(request, str(error))
        else:
            messages.success(request, f"報告第{report.number}号を採番しました。")
        return redirect(incident)
    return _detail(request, incident, status=400, council_form=form)


# ------------------------------------------------------------------ documents

def _document(request, *, blocks, title, filename, as_docx, back, record=None, landscape=False):
    """Show the document, or hand it out as .docx (audited as an export)."""
    if as_docx:
        log.record(request, AuditAction.EXPORT, record, note=f"{title}（docx）",
                   record_type="" if record else Incident._meta.label)
        return attachment(documents.render_docx(blocks, landscape=landscape), filename, DOCX)
    return render(request, "incidents/document.html", {
        "blocks": blocks, "title": title, "back": back, "docx_url": f"{request.path}?format=docx"
        + "".join(f"&{key}={value}" for key, value in request.GET.items() if key != "format"),
    })


def _ppc_stage_is_final(request, incident):
    stage = request.GET.get("stage")
    if stage in ("final", "preliminary"):
        return stage == "final"
    return incident.preliminary_sent() is not None


@require_GET
def ppc_report(request, pk):
    incident = get_incident_for_user(request, pk, audit_view=request.GET.get("format") != "docx")
    municipality = Municipality.current()
    final = _ppc_stage_is_final(request, incident)
    calendar = municipality.calendar()
    my_number_facts = incident.my_number_facts()
    blocks = documents.ppc_report_blocks(
        incident, municipality=municipality, decision=rules.decide_ppc_report(incident.facts(municipality)),
        deadlines=incident.deadlines(calendar), final=final,
        my_number_decision=rules.decide_my_number_report(my_number_facts) if my_number_facts else None,
        my_number_deadlines=incident.my_number_deadlines(calendar) if my_number_facts else ())
    stage = "final" if final else "preliminary"
    return _document(request, blocks=blocks, title=f"個人情報保護委員会への報告（{'確報' if final else '速報'}）案",
                     filename=f"incident-{incident.pk}-ppc-{stage}.docx", as_docx=request.GET.get("format") == "docx",
                     back=incident.get_absolute_url(), record=incident)


@require_GET
def council_report(request, pk):
    incident = get_incident_for_user(request, pk, audit_view=request.GET.get("format") != "docx")
    blocks = documents.council_report_blocks(incident, municipality=Municipality.current())
    number = incident.council_report.number if incident.council_report else "draft"
    return _document(request, blocks=blocks, title="審議会への報告", filename=f"council-report-{number}.docx",
                     as_docx=request.GET.get("format") == "docx", back=incident.get_absolute_url(), record=incident)


@require_GET
def case_summary(request, pk):
    incident = get_incident_for_user(request, pk, audit_view=request.GET.get("format") != "docx")
    return _document(request, blocks=documents.case_summary_blocks(incident), title="事案の概要（一覧表形式）",
                     filename=f"incident-{incident.pk}-summary.docx", as_docx=request.GET.get("format") == "docx",
                     back=incident.get_absolute_url(), record=incident)


@require_GET
def fiscal_year_list(request):
    form = FiscalYearForm(request.GET or {"first": fiscal_year(timezone.localdate())})
    if not form.is_valid():
        return render(request, "incidents/fiscal_year.html", {"form": form}, status=400)
    first, last = form.cleaned_data["first"], form.cleaned_data["last"] or form.cleaned_data["first"]
    incidents = (scope_for_user(_incidents(), request.user)
                 .filter(ppc_required=True,
                         learned_on__range=(fiscal_year_bounds(first)[0], fiscal_year_bounds(last)[1]))
                 .order_by("learned_on", "pk"))
    blocks = documents.fiscal_year_blocks(list(incidents), first, last)
    if request.GET.get("format") == "docx":
        return _document(request, blocks=blocks, title=blocks[0].text, filename=f"ppc-incidents-{first}-{last}.docx",
                         as_docx=True, back="", landscape=True)
    return render(request, "incidents/fiscal_year.html", {
        "form": form, "blocks": blocks, "docx_url": f"{request.path}?first={first}&last={last}&format=docx",
    })
