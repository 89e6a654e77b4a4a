import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.audit.forms import AuditFilterForm
from hogo.audit.models import AuditEntry
from hogo.lib.safe_text import inert_csv_cell

CSV_HEADER = ["日時", "利用者", "接続元", "操作", "記録の種類", "記録ID", "記録", "課", "変更内容", "備考"]


def _filtered_entries(request):
    if not request.user.is_privacy_office:
        log.record(request, AuditAction.DENIED, note=f"監査ログへのアクセス: {request.path}")
        raise PermissionDenied("監査ログは個人情報保護担当のみ閲覧できます。")
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.select_related("division")
    if form.is_bound and form.is_valid():
        entries = form.filter(entries)
    return form, entries


@require_GET
def entry_list(request):
    form, entries = _filtered_entries(request)
    # Who looked at the log, and for what, is itself part of the log.
    log.record(request, AuditAction.VIEW, record_type=AuditEntry._meta.label,
               note=f"監査ログ閲覧 {request.GET.urlencode()}")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/list.html", {"form": form, "page": page, "query": query.urlencode()})


class _Echo:
    def write(self, value):
        return value


@require_GET
def export_csv(request):
    form, entries = _filtered_entries(request)
    log.record(request, AuditAction.EXPORT, record_type=AuditEntry._meta.label,
               note=f"監査ログCSV出力 {request.GET.urlencode()}")
    writer = csv.writer(_Echo())

    def rows():
        # A BOM so that Excel opens the UTF-8 file with the right encoding.
        yield "\ufeff" + writer.writerow(CSV_HEADER)
        for entry in entries.iterator(chunk_size=2000):
            yield writer.writerow(inert_csv_cell(value) for value in [
                timezone.localtime(entry.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
                entry.username, entry.ip_address or "", entry.get_action_display(),
                entry.record_type, entry.record_id, entry.record_label,
                entry.division.full_name if entry.division else "",
                _format_changes(entry.changes), entry.note,
            ])

    filename = f"audit-{timezone.localdate():%Y%m%d}.csv"
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _format_changes(changes):
    return "; ".join(f"{name}: {old} → {new}" for name, (old, new) in changes.items()) if changes else ""
