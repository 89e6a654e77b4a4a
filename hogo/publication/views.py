from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from hogo.core.access import check_can_write, get_for_user, scope_for_user
from hogo.core.downloads import attachment
from hogo.publication import actions
from hogo.publication.choices import FindingStatus
from hogo.publication.forms import DismissForm, UploadForm, file_problem
from hogo.publication.models import Finding, PublicationCheck


def get_check_for_user(request, pk, write=False):
    return get_for_user(request, PublicationCheck.objects.select_related("division"), pk, write=write)


def get_finding_for_user(request, pk):
    return get_for_user(request, Finding.objects.select_related("check_record"), pk,
                        write=True, division_field="check_record__division")


@require_GET
def check_list(request):
    checks = scope_for_user(PublicationCheck.objects.select_related("division", "created_by"), request.user)
    form = UploadForm(user=request.user) if not request.user.is_read_only else None
    return render(request, "publication/list.html", {"checks": checks[:200], "form": form})


@require_POST
def upload(request):
    check_can_write(request)
    form = UploadForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        checks = scope_for_user(PublicationCheck.objects.all(), request.user)
        return render(request, "publication/list.html", {"checks": checks[:200], "form": form}, status=400)
    division = form.chosen_division()
    created = []
    for upload_file in form.cleaned_data["files"]:
        problem = file_problem(upload_file)
        if problem:
            messages.error(request, problem)
            continue
        check = actions.do_scan_upload(request, division=division, filename=upload_file.name,
                                       data=upload_file.read())
        if check.error:
            messages.error(request, f"{check.filename}: {check.error}")
        else:
            created.append(check)
            messages.success(request, f"{check.filename}: {check.verdict}（検出 {check.findings.count()}件）")
    if len(created) == 1:
        return redirect(created[0])
    return redirect("publication:list")


def _highlighted_blocks(check):
    """Each block's text cut into plain and highlighted pieces, for the template."""
    by_block = {}
    for finding in check.findings.all():
        by_block.setdefault(finding.block, []).append(finding)
    blocks = []
    for index, block in enumerate(check.blocks):
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
    return render(request, "publication/detail.html", {
        "check": check, "blocks": _highlighted_blocks(check), "findings": check.findings.all(),
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
