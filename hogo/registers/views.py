from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.access import check_can_write, get_for_user, scope_for_user
from hogo.core.concurrency import EditConflict
from hogo.core.downloads import DOCX, XLSX, attachment
from hogo.core.models import Municipality
from hogo.lib.municipal_calendar import fiscal_year, wareki, wareki_fiscal_year
from hogo.registers import documents, reports
from hogo.registers.actions import AlreadyIssued, do_create_record, do_issue_report, do_update_record
from hogo.registers.checklists import checklist_for
from hogo.registers.choices import CheckAnswer, Criterion, ReportKind
from hogo.registers.forms import (ActivityForm, FileForm, ImportForm, IssueForm, RegisterReportForm, ReviewForm,
                                  ReviewReportForm, UseRecordForm)
from hogo.jobs.actions import do_enqueue
from hogo.jobs.views import get_job_for_user
from hogo.registers import jobs as import_jobs
from hogo.registers.importing import SPECS, ImportResult, export_rows
from hogo.registers.models import IssuedReport, PersonalInfoFile, ProcessingActivity, Review, UseProvisionRecord

_RELATED = ("division__department__agency",)


# ---------------------------------------------------------------- access, one helper per type

def get_review_for_user(request, pk, write=False):
    return get_for_user(request, Review.objects.select_related(*_RELATED, "using_division", "activity"), pk,
                        write=write)


def get_file_for_user(request, pk, write=False):
    return get_for_user(request, PersonalInfoFile.objects.select_related(*_RELATED), pk, write=write)


def get_activity_for_user(request, pk, write=False):
    return get_for_user(request, ProcessingActivity.objects.select_related(*_RELATED), pk, write=write)


def get_use_for_user(request, pk, write=False):
    return get_for_user(request, UseProvisionRecord.objects.select_related(*_RELATED, "review"), pk, write=write)


def _check_privacy_office(request, what):
    if not request.user.is_privacy_office:
        log.record(request, AuditAction.DENIED, note=f"{what}: {request.path}")
        raise PermissionDenied(f"{what}は個人情報保護担当のみ行えます。")


def _check_can_read_reports(request):
    """Council reports: the privacy office makes them, council members read them."""
    if not (request.user.is_privacy_office or request.user.is_read_only):
        log.record(request, AuditAction.DENIED, note=f"審議会報告へのアクセス: {request.path}")
        raise PermissionDenied("審議会への報告は個人情報保護担当と審議会委員が閲覧できます。")


def _download(data, content_type, filename):
    return attachment(data, filename, content_type)


def _page(request, queryset):
    return Paginator(queryset, 50).get_page(request.GET.get("page"))


# ---------------------------------------------------------------- index

@require_GET
def index(request):
    today = timezone.localdate()
    context = {
        "reviews": scope_for_user(Review.objects.all(), request.user).count(),
        "undecided": scope_for_user(Review.objects.filter(decision=""), request.user).count(),
        "files": scope_for_user(PersonalInfoFile.objects.in_force(today), request.user).count(),
        "activities": scope_for_user(ProcessingActivity.objects.in_force(today), request.user).count(),
        "uses": scope_for_user(UseProvisionRecord.objects.all(), request.user).count(),
        "criteria": Criterion.choices,
        "issued": IssuedReport.objects.select_related("council_report")[:10],
    }
    return render(request, "registers/index.html", context)


# ---------------------------------------------------------------- reviews

@require_GET
def review_list(request):
    reviews = scope_for_user(Review.objects.select_related(*_RELATED, "using_division"), request.user)
    criterion = request.GET.get("criterion", "")
    if criterion in Criterion.values:
        reviews = reviews.filter(criterion=criterion)
    if request.GET.get("sensitive") == "1":
        reviews = reviews.filter(Q(sensitive=True) | Q(ordinance_sensitive=True))
    if request.GET.get("undecided") == "1":
        reviews = reviews.filter(decision="")
    query = request.GET.get("q", "").strip()
    if query:
        reviews = reviews.filter(Q(content__icontains=query) | Q(recipient__icontains=query)
                                 | Q(contractor__icontains=query) | Q(division__full_name__icontains=query))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "registers/review_list.html", {
        "page": _page(request, reviews), "criteria": Criterion.choices, "criterion": criterion, "q": query,
        "sensitive": request.GET.get("sensitive") == "1", "undecided": request.GET.get("undecided") == "1",
        "query": params.urlencode(),
    })


@require_http_methods(["GET", "POST"])
def review_create(request, criterion):
    check_can_write(request)
    if criterion not in Criterion.values:
        raise Http404("審査基準が正しくありません。")
    form = ReviewForm(request.POST or None, user=request.user, criterion=criterion)
    if request.method == "POST" and form.is_valid():
        review = do_create_record(request, form.save(commit=False))
        messages.success(request, "審査を登録しました。")
        return redirect(review)
    return render(request, "registers/review_form.html",
                  {"form": form, "criterion_label": Criterion(criterion).label, "review": None})


@require_GET
def review_detail(request, pk):
    review = get_review_for_user(request, pk)
    labels = dict(CheckAnswer.choices)
    checklist = [(question, labels.get(review.checklist.get(key), "未確認"))
                 for key, question in checklist_for(review.criterion)]
    return render(request, "registers/review_detail.html", {"review": review, "checklist": checklist})


@require_http_methods(["GET", "POST"])
def review_edit(request, pk):
    review = get_review_for_user(request, pk, write=True)
    before = log.snapshot(review)
    form = ReviewForm(request.POST or None, instance=review, user=request.user, criterion=review.criterion)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            do_update_record(request, form.save(commit=False), before, version=form.cleaned_data["version"])
            messages.success(request, "審査を更新しました。")
            return redirect(review)
        except EditConflict as conflict:
            form = ReviewForm(conflict.resubmission(request.POST), instance=conflict.current, user=request.user,
                              criterion=review.criterion)
            form.show_conflict()
            status = 409
    return render(request, "registers/review_form.html",
                  {"form": form, "criterion_label": review.get_criterion_display(), "review": review},
                  status=status)


# ---------------------------------------------------------------- files, activities, Art.69 records

_REGISTERS = {
    "files": (PersonalInfoFile, FileForm, get_file_for_user, "個人情報ファイル簿", "個人情報ファイル"),
    "activities": (ProcessingActivity, ActivityForm, get_activity_for_user, "個人情報取扱事務登録簿", "事務"),
    "uses": (UseProvisionRecord, UseRecordForm, get_use_for_user, "目的外利用・外部提供の記録", "記録"),
}


def _register(kind):
    if kind not in _REGISTERS:
        raise Http404("登録簿がありません。")
    return _REGISTERS[kind]


@require_GET
def register_list(request, kind):
    model, _, _, title, _ = _register(kind)
    records = scope_for_user(model.objects.select_related(*_RELATED), request.user)
    query = request.GET.get("q", "").strip()
    if query:
        text_field = "counterpart" if kind == "uses" else "name"
        records = records.filter(Q(**{f"{text_field}__icontains": query}) | Q(purpose__icontains=query))
    show_abolished = request.GET.get("abolished") == "1"
    if kind != "uses" and not show_abolished:
        records = records.filter(abolished_on__isnull=True)
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, f"registers/{kind}_list.html", {
        "page": _page(request, records), "title": title, "kind": kind, "q": query,
        "show_abolished": show_abolished, "query": params.urlencode(),
    })


@require_http_methods(["GET", "POST"])
def register_create(request, kind):
    check_can_write(request)
    _, form_class, _, title, noun = _register(kind)
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        m2m = {"files": form.cleaned_data["files"]} if kind == "activities" else None
        record = do_create_record(request, form.save(commit=False), m2m=m2m)
        messages.success(request, f"{noun}を登録しました。")
        return redirect(record)
    return render(request, "registers/form.html", {"form": form, "title": f"{title}：新規登録", "kind": kind})


@require_GET
def register_detail(request, kind, pk):
    _, _, get_record, title, _ = _register(kind)
    record = get_record(request, pk)
    return render(request, f"registers/{kind}_detail.html", {"record": record, "title": title, "kind": kind})


@require_http_methods(["GET", "POST"])
def register_edit(request, kind, pk):
    _, form_class, get_record, title, noun = _register(kind)
    record = get_record(request, pk, write=True)
    before = log.snapshot(record)
    form = form_class(request.POST or None, instance=record, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        m2m = {"files": form.cleaned_data["files"]} if kind == "activities" else None
        try:
            do_update_record(request, form.save(commit=False), before, version=form.cleaned_data["version"], m2m=m2m)
            messages.success(request, f"{noun}を更新しました。")
            return redirect(record)
        except EditConflict as conflict:
            form = form_class(conflict.resubmission(request.POST), instance=conflict.current, user=request.user)
            form.show_conflict()
            status = 409
    return render(request, "registers/form.html",
                  {"form": form, "title": f"{title}：{record} の変更", "kind": kind, "record": record},
                  status=status)


# ---------------------------------------------------------------- import / export

@require_GET
def export(request, kind):
    if kind not in SPECS:
        raise Http404("登録簿がありません。")
    spec = SPECS[kind]
    if request.user.is_read_only:
        log.record(request, AuditAction.DENIED, note=f"登録簿の出力: {request.path}")
        raise PermissionDenied("閲覧のみの利用者は登録簿を出力できません。")
    records = scope_for_user(spec.model.objects.select_related(*_RELATED), request.user)
    if kind == "reviews":
        records = records.select_related("using_division")
    log.record(request, AuditAction.EXPORT, record_type=spec.model._meta.label,
               note=f"{spec.label}のExcel出力（{records.count()}件）")
    headings, rows = export_rows(spec, records)
    data = documents.write_xlsx(headings, rows, spec.label)
    return _download(data, XLSX, f"{spec.label}_{timezone.localdate():%Y%m%d}.xlsx")


@require_http_methods(["GET", "POST"])
def import_view(request):
    _check_privacy_office(request, "登録簿の取込み")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        spec = SPECS[form.cleaned_data["register"]]
        defaults = {"criterion": form.cleaned_data["criterion"]} if spec.key == "reviews" and \
            form.cleaned_data["criterion"] else {}
        upload = form.cleaned_data["file"]
        # Checked and applied by the worker: a large sheet must not hold the web server.
        job = do_enqueue(request, kind=import_jobs.KIND, division=request.user.division, filename=upload.name,
                         data=upload.read(), payload={"register": spec.key, "apply": form.cleaned_data["apply"],
                                                      "defaults": defaults})
        return redirect(job)
    return render(request, "registers/import.html", {"form": form, "result": None})


@require_GET
def import_result(request, job):
    """What the import job found (and created), under the form to send the file again."""
    _check_privacy_office(request, "登録簿の取込み")
    job = get_job_for_user(request, job)
    if job.kind != import_jobs.KIND:
        raise Http404
    outcome = job.result
    result = ImportResult(rows=outcome.get("rows", 0), errors=outcome.get("errors", []),
                          created=outcome.get("created", 0), applied=outcome.get("applied", False))
    spec = SPECS[job.payload["register"]]
    form = ImportForm(initial={"register": spec.key, "criterion": job.payload.get("defaults", {}).get("criterion", "")})
    return render(request, "registers/import.html", {
        "form": form, "result": result, "error_count": outcome.get("error_count", len(result.errors)),
        "job": job, "spec": spec,
    })


# ---------------------------------------------------------------- council reports

def _review_report_from(form):
    data = form.cleaned_data
    if data["kind"] == ReportKind.REVIEWS_AS_OF:
        return reports.review_report(as_of=data["date_to"])
    return reports.review_report(date_from=data["date_from"], date_to=data["date_to"])


@require_GET
def review_report_view(request):
    _check_can_read_reports(request)
    form = ReviewReportForm(request.GET or None, initial={"kind": ReportKind.REVIEWS_AS_OF})
    report = _review_report_from(form) if form.is_bound and form.is_valid() else None
    return render(request, "registers/review_report.html", {
        "form": form, "report": report, "query": request.GET.urlencode(),
        "count_headings": report.count_headings if report else (), "listings": reports.review_listings(report) if report else [],
        "issue_form": IssueForm(initial={"reported_on": timezone.localdate()}),
    })


@require_GET
def review_report_download(request, fmt):
    _check_can_read_reports(request)
    form = ReviewReportForm(request.GET)
    if not form.is_valid():
        raise Http404("報告の条件が正しくありません。")
    return _report_file(request, _review_report_from(form), fmt)


def _report_file(request, report, fmt):
    if isinstance(report, reports.ReviewReport):
        writers = {"xlsx": documents.review_report_xlsx, "docx": documents.review_report_docx}
        name = f"審査の状況（{report.scope}）"
    else:
        writers = {"xlsx": documents.register_report_xlsx, "docx": documents.register_report_docx}
        name = f"登録簿等の状況（{wareki_fiscal_year(report.fiscal_years[1])}）"
    if fmt not in writers:
        raise Http404("形式が正しくありません。")
    if report.number:
        name = f"報告第{report.number}号_{name}"
    log.record(request, AuditAction.EXPORT, note=f"審議会報告の出力：{name}.{fmt}")
    return _download(writers[fmt](report), XLSX if fmt == "xlsx" else DOCX, f"{name}.{fmt}")


def _register_report_year(request):
    form = RegisterReportForm(request.GET or None,
                              initial={"fiscal_year": fiscal_year(timezone.localdate()) - 1})
    return form, (form.cleaned_data["fiscal_year"] if form.is_bound and form.is_valid() else None)


@require_GET
def register_report_view(request):
    _check_can_read_reports(request)
    form, year = _register_report_year(request)
    report = reports.register_report(year - 1, year, year) if year else None
    return render(request, "registers/register_report.html", {
        "form": form, "report": report, "query": request.GET.urlencode(),
        "sections": reports.register_sections(report) if report else [],
        "issue_form": IssueForm(initial={"reported_on": timezone.localdate()}),
    })


@require_GET
def register_report_download(request, fmt):
    _check_can_read_reports(request)
    _, year = _register_report_year(request)
    if not year:
        raise Http404("年度が正しくありません。")
    return _report_file(request, reports.register_report(year - 1, year, year), fmt)


@require_POST
def issue_report(request, kind):
    """The privacy office issues the report shown: it takes the next 報告第N号."""
    check_can_write(request)
    _check_privacy_office(request, "審議会報告の発行")
    issue_form = IssueForm(request.POST)
    if kind == "reviews":
        form = ReviewReportForm(request.POST)
        valid = form.is_valid() and issue_form.is_valid()
        if valid:
            data = form.cleaned_data
            scope = reports.review_report(**({"as_of": data["date_to"]} if data["kind"] == ReportKind.REVIEWS_AS_OF
                                             else {"date_from": data["date_from"], "date_to": data["date_to"]}))
            params = {"kind": data["kind"], "date_from": data.get("date_from"), "date_to": data["date_to"],
                      "title": f"{scope.title}（{scope.scope}）"}
    elif kind == "registers":
        form = RegisterReportForm(request.POST)
        valid = form.is_valid() and issue_form.is_valid()
        if valid:
            year = form.cleaned_data["fiscal_year"]
            params = {"kind": ReportKind.REGISTERS, "fiscal_year": year,
                      "title": f"個人情報保護制度の運用状況について（{wareki_fiscal_year(year)}）"}
    else:
        raise Http404("報告の種類が正しくありません。")
    if not valid:
        messages.error(request, "報告の条件または報告日が正しくありません。")
        return redirect("registers:index")
    try:
        issued = do_issue_report(request, reported_on=issue_form.cleaned_data["reported_on"],
                                 author=Municipality.current().privacy_office_name, **params)
    except AlreadyIssued as repeated:
        messages.warning(request, str(repeated))
        return redirect("registers:issued_list")
    messages.success(request, f"{issued.council_report}として発行しました。")
    return redirect("registers:issued_list")


@require_GET
def issued_list(request):
    _check_can_read_reports(request)
    return render(request, "registers/issued_list.html",
                  {"issued": IssuedReport.objects.select_related("council_report")})


@require_GET
def issued_download(request, pk, fmt):
    _check_can_read_reports(request)
    issued = get_object_or_404(IssuedReport.objects.select_related("council_report"), pk=pk)
    return _report_file(request, reports.report_for(issued), fmt)


# ---------------------------------------------------------------- public register (APPI Art.75)

@login_not_required
@require_GET
def public_files(request):
    """The published 個人情報ファイル簿: files in force and not excluded from publication."""
    today = timezone.localdate()
    files = (PersonalInfoFile.objects.in_force(today).filter(excluded_from_publication=False)
             .select_related(*_RELATED))
    return render(request, "registers/public_files.html", {
        "files": files, "municipality": Municipality.current(), "today": wareki(today),
    })

