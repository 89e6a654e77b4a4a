from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from hogo.core.access import check_can_write, get_for_user, scope_for_user
from hogo.core.downloads import attachment
from hogo.jobs.choices import JobStatus
from hogo.jobs.models import Job
from hogo.publication import actions
from hogo.publication.jobs import KIND
from hogo.publication.choices import FindingStatus
from hogo.publication.forms import DismissForm, UploadForm, file_problem
from hogo.publication.models import Finding, PublicationCheck

# A 100,000-line CSV has hundreds of thousands of findings and cells: the
# detail page shows them a page at a time, never all at once.
FINDINGS_PER_PAGE = 200
BLOCKS_PER_PAGE = 200


def get_check_for_user(request, pk, write=False):
    return get_for_user(request, PublicationCheck.objects.select_related("division"), pk, write=write)


def get_finding_for_user(request, pk):
    return get_for_user(request, Finding.objects.select_related("check_record"), pk,
                        write=True, division_field="check_record__division")


def _list_context(request, form):
    checks = scope_for_user(PublicationCheck.objects.select_related("division", "created_by"), request.user)
    unfinished = Job.objects.filter(kind=KIND).exclude(status=JobStatus.DONE).select_related("division")
    return {"checks": checks[:200], "form": form, "jobs": scope_for_user(unfinished, request.user)[:50]}


@require_GET
def check_list(request):
    form = UploadForm(user=request.user) if not request.user.is_read_only else None
    return render(request, "publication/list.html", _list_context(request, form))


@require_POST
def upload(request):
    check_can_write(request)
    form = UploadForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        return render(request, "publication/list.html", _list_context(request, form), status=400)
    division = form.chosen_division()
    queued = []
    for upload_file in form.cleaned_data["files"]:
        problem = file_problem(upload_file)
        if problem:
            messages.error(request, problem)
            continue
        queued.append(actions.do_queue_scan(request, division=division, filename=upload_file.name,
                                            data=upload_file.read()))
        messages.success(request, f"{upload_file.name}: チェックを受け付けました。")
    if len(queued) == 1:
        return redirect(queued[0])  # its progress page, which moves on to the result
    return redirect("publication:list")


def _highlighted_blocks(check, indexes):
    """The blocks at ``indexes`` (a range), each cut into plain and highlighted pieces, for the template."""
    by_block = {}
    for finding in check.findings.filter(block__gte=indexes.start, block__lt=indexes.stop):
        by_block.setdefault(finding.block, []).append(finding)
    blocks = []
    for index in indexes:
        block = check.blocks[index]
        text, pieces, position = block["text"], [], 0
        for finding in sorted(by_block.get(index, []), key=lambda f: f.start):
            if finding.start < position:
                continue  # overlapping spans are merged by the scanner; be safe anyway
            pieces.append({"text": text[position:finding.start]})
            pieces.append({"text": text[finding.start:finding.end], "finding": finding})
            position = finding.end
        pieces.append({"text": text[position:]})
        blocks.append({"location": block.get("location", ""), "pieces": pieces})
    return blocks


@require_GET
def check_detail(request, pk):
    check = get_check_for_user(request, pk)
    findings = Paginator(check.findings.all(), FINDINGS_PER_PAGE).get_page(request.GET.get("page"))
    text = Paginator(range(len(check.blocks)), BLOCKS_PER_PAGE).get_page(request.GET.get("text"))
    return render(request, "publication/detail.html", {
        "check": check, "findings": findings, "text": text, "blocks": _highlighted_blocks(check, text.object_list),
        "dismiss_form": DismissForm(),
    })


@require_POST
def decide(request, pk):
    finding = get_finding_for_user(request, pk)
    if finding.check_record.is_completed:
        raise PermissionDenied("確認完了済みのチェックは変更できません。")
    status = request.POST.get("status")
    reason = ""
    error = None
    if status == FindingStatus.DISMISSED:
        form = DismissForm(request.POST)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
        else:
            error = form.errors["reason"][0]
    elif status != FindingStatus.ACCEPTED:
        error = "判断の種類が正しくありません。"
    if error is None:
        actions.do_decide_finding(request, finding, status=status, reason=reason)
    if request.htmx:
        return render(request, "publication/_finding_row.html",
                      {"finding": finding, "error": error, "check": finding.check_record})
    if error:
        messages.error(request, error)
    return redirect(finding.check_record)


@require_POST
def complete(request, pk):
    check = get_check_for_user(request, pk, write=True)
    try:
        actions.do_complete_check(request, check)
        messages.success(request, "公開前チェックを完了しました。")
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect(check)


@require_GET
def download_masked(request, pk):
    check = get_check_for_user(request, pk, write=False)
    if check.error:
        raise PermissionDenied("読み込めなかった文書はマスクできません。")
    content, filename = actions.masked_document(request, check)
    return attachment(content, filename)
