from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.access import check_can_write, get_for_user, scope_for_user
from hogo.core.concurrency import EditConflict
from hogo.core.downloads import DOCX, XLSX, attachment
from hogo.core.models import Municipality
from hogo.lib.municipal_calendar import fiscal_year, wareki_fiscal_year
from hogo.lib.tables import TableError
from hogo.records import actions, importing, reports
from hogo.records.choices import DisposalStatus
from hogo.records.forms import (
    CarryoutForm, DisposalListForm, DisposalRecordForm, FileForm, FiscalYearForm, HoldForm, HoldingDestroyForm,
    HoldingForm, ImportForm, LinkIncidentForm, LostForm, MediumForm, SeriesForm,
)
from hogo.records.models import Carryout, DisposalList, HoldingPaper, Medium, RecordFile, RecordSeries


# ------------------------------------------------------------------ access, one helper per type

def get_series_for_user(request, pk, write=False):
    return get_for_user(request, RecordSeries.objects.select_related("division", "personal_info_file"), pk,
                        write=write)


def get_file_for_user(request, pk, write=False):
    return get_for_user(request, RecordFile.objects.select_related("series__division", "disposal_list"), pk,
                        write=write, division_field="series__division")


def get_disposal_list_for_user(request, pk, write=False):
    return get_for_user(request, DisposalList.objects.select_related("division"), pk, write=write)


def get_holding_for_user(request, pk, write=False):
    return get_for_user(request, HoldingPaper.objects.select_related("division"), pk, write=write)


def get_medium_for_user(request, pk, write=False):
    return get_for_user(request, Medium.objects.select_related("division", "incident"), pk, write=write)


def get_carryout_for_user(request, pk):
    return get_for_user(request, Carryout.objects.select_related("medium__division"), pk, write=True,
                        division_field="medium__division")


def _edit(request, form_class, instance, save, template, context, message, **form_kwargs):
    """Show and save a record's form; a save that came too late answers 409 with both versions."""
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(request, form)
        except EditConflict as conflict:
            form = form_class(conflict.resubmission(request.POST), instance=conflict.current, **form_kwargs)
            form.is_valid()
            form.show_conflict()
            status = 409
        except actions.RecordsError as error:
            form.add_error(None, str(error))
            status = 400
        else:
            messages.success(request, message)
            return redirect(obj)
    elif request.method == "POST":
        status = 400
    return render(request, template, {"form": form, **context}, status=status)


# ------------------------------------------------------------------ overview

@require_GET
def index(request):
    user = request.user
    series = (scope_for_user(RecordSeries.objects.select_related("division", "personal_info_file"), user)
              .annotate(file_count=Count("files"), open_count=Count("files", filter=Q(files__disposed_on__isnull=True))))
    files = (scope_for_user(RecordFile.objects.select_related("series__division", "disposal_list"), user,
                            division_field="series__division").filter(disposed_on__isnull=True))
    today = timezone.localdate()
    return render(request, "records/index.html", {
        "series": series,
        "files": files,
        "disposal_lists": scope_for_user(DisposalList.objects.select_related("division"), user)[:50],
        "holding": scope_for_user(HoldingPaper.objects.select_related("division"), user)
        .filter(destroyed_on__isnull=True),
        "media": scope_for_user(Medium.objects.select_related("division"), user),
        "today": today,
        "this_year": fiscal_year(today),
        "can_write": not user.is_read_only,
        "list_form": DisposalListForm(user=user, initial={"fiscal_year": fiscal_year(today)}),
    })


# ------------------------------------------------------------------ series and files

@require_http_methods(["GET", "POST"])
def series_create(request):
    check_can_write(request)
    return _edit(request, SeriesForm, None, actions.do_save_series, "records/form.html",
                 {"title": "文書の分類の登録"}, "文書の分類を登録しました。", user=request.user)


@require_http_methods(["GET", "POST"])
def series_edit(request, pk):
    series = get_series_for_user(request, pk, write=True)
    return _edit(request, SeriesForm, series, actions.do_save_series, "records/form.html",
                 {"title": f"文書の分類の編集：{series.name}"}, "文書の分類を更新しました。", user=request.user)


@require_GET
def series_detail(request, pk):
    series = get_series_for_user(request, pk)
    return render(request, "records/series_detail.html", {
        "series": series, "files": series.files.all(), "can_write": not request.user.is_read_only})


@require_http_methods(["GET", "POST"])
def file_create(request):
    check_can_write(request)
    initial = {"series": request.GET.get("series")} if request.GET.get("series") else None
    form_kwargs = {"user": request.user}
    if initial and request.method == "GET":
        form_kwargs["initial"] = initial
    return _edit(request, FileForm, None, actions.do_save_file, "records/form.html",
                 {"title": "簿冊の登録"}, "簿冊を登録しました。", **form_kwargs)


@require_http_methods(["GET", "POST"])
def file_edit(request, pk):
    record_file = get_file_for_user(request, pk, write=True)
    return _edit(request, FileForm, record_file, actions.do_save_file, "records/form.html",
                 {"title": f"簿冊の編集：{record_file.title}"}, "簿冊を更新しました。", user=request.user)


def _file_detail(request, record_file, hold_form=None, status=200):
    holds = record_file.holds.select_related("request", "created_by").prefetch_related("request__appeals")
    return render(request, "records/file_detail.html", {
        "file": record_file, "holds": holds,
        "hold_form": hold_form or HoldForm(record_file=record_file),
        "can_write": not request.user.is_read_only, "today": timezone.localdate(),
    }, status=status)


@require_GET
def file_detail(request, pk):
    return _file_detail(request, get_file_for_user(request, pk))


@require_POST
def hold_add(request, pk):
    record_file = get_file_for_user(request, pk, write=True)
    form = HoldForm(request.POST, record_file=record_file)
    if form.is_valid():
        try:
            actions.do_add_hold(request, record_file, request_obj=form.cleaned_data["request"],
                                note=form.cleaned_data["note"])
        except actions.RecordsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "請求による廃棄の保留を登録しました。")
            return redirect(record_file)
    return _file_detail(request, record_file, form, status=400)


@require_http_methods(["GET", "POST"])
def file_import(request):
    check_can_write(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = importing.import_files(request, upload.name, upload.read(),
                                            dry_run=form.cleaned_data["dry_run"])
        except TableError as error:
            form.add_error("file", str(error))
            status = 400
        else:
            if result.applied:
                messages.success(request, f"簿冊を{result.created}件取り込みました。")
                return redirect("records:index")
            status = 400 if result.errors else 200
    elif request.method == "POST":
        status = 400
    return render(request, "records/import.html", {"form": form, "result": result}, status=status)


# ------------------------------------------------------------------ disposal lists

@require_POST
def disposal_create(request):
    check_can_write(request)
    form = DisposalListForm(request.POST, user=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("records:index")
    disposal_list = actions.do_create_disposal_list(request, **form.cleaned_data)
    messages.success(request, "廃棄リストを作成しました。廃棄する簿冊を選んでください。")
    return redirect(disposal_list)


def _disposal_detail(request, disposal_list, record_form=None, status=200, problems=()):
    files = list(disposal_list.files.select_related("series__personal_info_file")
                 .prefetch_related("holds__request__appeals"))
    candidates = []
    if disposal_list.status == DisposalStatus.DRAFT:
        candidates = list(RecordFile.objects.filter(
            series__division=disposal_list.division, disposed_on__isnull=True,
            disposal_allowed_from__isnull=False).filter(Q(disposal_list__isnull=True) | Q(disposal_list=disposal_list))
            .select_related("series").prefetch_related("holds__request__appeals"))
    today = timezone.localdate()
    user = request.user
    return render(request, "records/disposal_detail.html", {
        "list": disposal_list, "files": files, "candidates": candidates, "today": today,
        "selected": {record_file.pk for record_file in files},
        "privacy_check_needed": any(record_file.series.holds_sensitive for record_file in files),
        "can_write": not user.is_read_only,
        "can_approve": actions.is_protection_manager(user, disposal_list.division),
        "is_privacy_office": user.is_privacy_office,
        "record_form": record_form or DisposalRecordForm(division=disposal_list.division,
                                                         initial={"disposed_on": today, "disposed_by": user.pk}),
        "problems": problems,
    }, status=status)


@require_GET
def disposal_detail(request, pk):
    return _disposal_detail(request, get_disposal_list_for_user(request, pk))


@require_POST
def disposal_files(request, pk):
    disposal_list = get_disposal_list_for_user(request, pk, write=True)
    ids = [value for value in request.POST.getlist("files") if value.isdigit()]
    files = list(RecordFile.objects.filter(pk__in=ids).select_related("series"))
    try:
        actions.do_set_list_files(request, disposal_list, files)
    except actions.RecordsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"廃棄リストの簿冊を{len(files)}件にしました。")
    return redirect(disposal_list)


def _step(request, pk, action, message):
    disposal_list = get_disposal_list_for_user(request, pk, write=True)
    try:
        action(request, disposal_list)
    except actions.RecordsError as error:
        for problem in error.problems:
            messages.error(request, problem)
    else:
        messages.success(request, message)
    return redirect(disposal_list)


@require_POST
def disposal_propose(request, pk):
    return _step(request, pk, actions.do_propose, "廃棄リストを起案しました。保護管理者の承認を待っています。")


@require_POST
def disposal_approve(request, pk):
    return _step(request, pk, actions.do_approve, "廃棄リストを承認しました。")


@require_POST
def disposal_return(request, pk):
    return _step(request, pk, actions.do_return_to_draft, "廃棄リストを作成中に戻しました。")


@require_POST
def disposal_privacy_check(request, pk):
    return _step(request, pk, actions.do_privacy_check, "個人情報保護担当の確認を記録しました。")


@require_POST
def disposal_record(request, pk):
    disposal_list = get_disposal_list_for_user(request, pk, write=True)
    form = DisposalRecordForm(request.POST, request.FILES, division=disposal_list.division)
    if form.is_valid():
        try:
            actions.do_record_disposal(
                request, disposal_list, method=form.cleaned_data["method"],
                disposed_on=form.cleaned_data["disposed_on"], disposed_by=form.cleaned_data["disposed_by"],
                witness=form.cleaned_data["witness"], contractor=form.cleaned_data["contractor"],
                certificate=form.cleaned_data["certificate"], note=form.cleaned_data["note"])
        except actions.RecordsError as error:
            return _disposal_detail(request, disposal_list, form, status=400, problems=error.problems)
        messages.success(request, "廃棄を記録しました。")
        return redirect(disposal_list)
    return _disposal_detail(request, disposal_list, form, status=400)


@require_GET
def disposal_certificate(request, pk):
    disposal_list = get_disposal_list_for_user(request, pk, write=False)
    if not disposal_list.certificate:
        raise Http404("証明書は添付されていません。")
    log.record(request, AuditAction.EXPORT, disposal_list, note="廃棄（溶解）証明書")
    return FileResponse(disposal_list.certificate.open("rb"), as_attachment=True,
                        filename=disposal_list.certificate_name or "証明書")


# ------------------------------------------------------------------ holding papers

@require_http_methods(["GET", "POST"])
def holding_create(request):
    check_can_write(request)
    return _edit(request, HoldingForm, None, actions.do_save_holding, "records/form.html",
                 {"title": "一時保管書類の登録"}, "一時保管書類を登録しました。", user=request.user)


@require_http_methods(["GET", "POST"])
def holding_edit(request, pk):
    paper = get_holding_for_user(request, pk, write=True)
    return _edit(request, HoldingForm, paper, actions.do_save_holding, "records/form.html",
                 {"title": f"一時保管書類の編集：{paper.description}"}, "一時保管書類を更新しました。",
                 user=request.user)


def _holding_detail(request, paper, form=None, status=200):
    return render(request, "records/holding_detail.html", {
        "paper": paper, "can_write": not request.user.is_read_only,
        "form": form or HoldingDestroyForm(division=paper.division, initial={"destroyed_on": timezone.localdate()}),
    }, status=status)


@require_GET
def holding_detail(request, pk):
    return _holding_detail(request, get_holding_for_user(request, pk))


@require_POST
def holding_destroy(request, pk):
    paper = get_holding_for_user(request, pk, write=True)
    form = HoldingDestroyForm(request.POST, division=paper.division)
    if form.is_valid():
        try:
            actions.do_destroy_holding(request, paper, **form.cleaned_data)
        except actions.RecordsError as error:
            for problem in error.problems:
                form.add_error(None, problem)
        else:
            messages.success(request, "一時保管書類の廃棄を記録しました。")
            return redirect(paper)
    return _holding_detail(request, paper, form, status=400)


# ------------------------------------------------------------------ media

@require_http_methods(["GET", "POST"])
def medium_create(request):
    check_can_write(request)
    return _edit(request, MediumForm, None, actions.do_save_medium, "records/form.html",
                 {"title": "可搬媒体の登録"}, "可搬媒体を登録しました。", user=request.user)


@require_http_methods(["GET", "POST"])
def medium_edit(request, pk):
    medium = get_medium_for_user(request, pk, write=True)
    return _edit(request, MediumForm, medium, actions.do_save_medium, "records/form.html",
                 {"title": f"可搬媒体の編集：{medium}"}, "可搬媒体を更新しました。", user=request.user)


def incident_link(medium):
    """The new-incident page, prefilled with what the register knows of the lost medium."""
    contents = medium.contents or "（記録していた情報を記入してください）"
    params = {
        "title": f"{medium.get_kind_display()}（{medium.identifier}）の紛失",
        "division": medium.division_id,
        "kind": "loss",
        "learned_on": medium.lost_on.isoformat() if medium.lost_on else "",
        "document_name": f"{medium.get_kind_display()} {medium.identifier}",
        "summary": (f"{medium.division.full_name}が管理する{medium.get_kind_display()}（管理番号 {medium.identifier}、"
                    f"管理者 {medium.owner}、暗号化{'あり' if medium.encrypted else 'なし'}）の紛失が判明した。"
                    f"記録していた情報：{contents}"),
        "discovered_how": "可搬媒体の持出し記録・所在確認による。",
    }
    last = medium.carryouts.select_related("taken_by").first()
    if last:
        params["cause"] = (f"最後の持出し：{timezone.localtime(last.taken_at):%Y-%m-%d %H:%M} {last.taken_by}"
                           f"（目的：{last.purpose}）"
                           + (f"、返却 {timezone.localtime(last.returned_at):%Y-%m-%d %H:%M}" if last.returned_at
                              else "、未返却"))
    return reverse("incidents:create") + "?" + urlencode({key: value for key, value in params.items() if value})


def _medium_detail(request, medium, status=200, **forms):
    user = request.user
    return render(request, "records/medium_detail.html", {
        "medium": medium,
        "carryouts": medium.carryouts.select_related("taken_by", "approver", "returned_to"),
        "open_carryout": medium.open_carryout(),
        "now": timezone.now(),
        "can_write": not user.is_read_only,
        "carryout_form": forms.get("carryout_form") or CarryoutForm(division=medium.division, user=user),
        "lost_form": forms.get("lost_form") or LostForm(initial={"lost_on": timezone.localdate()}),
        "link_form": forms.get("link_form") or LinkIncidentForm(medium=medium),
        "incident_url": incident_link(medium) if medium.lost_on and not medium.incident_id else "",
    }, status=status)


@require_GET
def medium_detail(request, pk):
    return _medium_detail(request, get_medium_for_user(request, pk))


@require_POST
def medium_take_out(request, pk):
    medium = get_medium_for_user(request, pk, write=True)
    form = CarryoutForm(request.POST, division=medium.division, user=request.user)
    if form.is_valid():
        try:
            actions.do_take_out(request, medium, **form.cleaned_data)
        except actions.RecordsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "持出しを記録しました。")
            return redirect(medium)
    return _medium_detail(request, medium, status=400, carryout_form=form)


@require_POST
def carryout_return(request, pk):
    carryout = get_carryout_for_user(request, pk)
    try:
        actions.do_return(request, carryout)
    except actions.RecordsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "返却を記録しました。")
    return redirect(carryout.medium)


@require_POST
def medium_lost(request, pk):
    medium = get_medium_for_user(request, pk, write=True)
    form = LostForm(request.POST)
    if form.is_valid():
        try:
            actions.do_mark_lost(request, medium, **form.cleaned_data)
        except actions.RecordsError as error:
            form.add_error(None, str(error))
        else:
            messages.warning(request, "紛失を記録しました。漏えい等事案として登録してください。")
            return redirect(medium)
    return _medium_detail(request, medium, status=400, lost_form=form)


@require_POST
def medium_link_incident(request, pk):
    medium = get_medium_for_user(request, pk, write=True)
    form = LinkIncidentForm(request.POST, medium=medium)
    if form.is_valid():
        actions.do_link_incident(request, medium, form.cleaned_data["incident"])
        messages.success(request, "漏えい等事案と関連付けました。")
        return redirect(medium)
    return _medium_detail(request, medium, status=400, link_form=form)


# ------------------------------------------------------------------ yearly report

@require_GET
def report(request):
    form = FiscalYearForm(request.GET or {"year": fiscal_year(timezone.localdate())})
    if not form.is_valid():
        return render(request, "records/report.html", {"form": form}, status=400)
    year = form.cleaned_data["year"]
    if request.user.is_read_only:
        # Council viewers read published reports, not the divisions' records.
        log.record(request, AuditAction.DENIED, note=f"文書・媒体の年度報告: {request.path}")
        raise PermissionDenied("この報告は個人情報保護担当と所管課が閲覧します。")
    data = reports.year_report(request.user, year)
    output = request.GET.get("format")
    if output in ("xlsx", "docx"):
        log.record(request, AuditAction.EXPORT, record_type=RecordFile._meta.label,
                   note=f"{data.title}（{output}）")
        filename = f"{wareki_fiscal_year(year)}_文書廃棄・可搬媒体の状況.{output}"
        if output == "xlsx":
            return attachment(reports.render_xlsx(data), filename, XLSX)
        return attachment(reports.render_report_docx(data, Municipality.current().name), filename, DOCX)
    return render(request, "records/report.html", {
        "form": form, "report": data, "year": year, "details": reports.detail_tables(data),
        "totals": data.totals(), "columns": reports.COLUMNS,
    })
