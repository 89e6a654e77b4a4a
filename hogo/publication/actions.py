import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.uploads import display_name
from hogo.publication import scanning
from hogo.publication.choices import FindingStatus, Verdict
from hogo.publication.models import Finding, PublicationCheck


def allow_list():
    """The municipality's own offices' phone numbers are not personal information."""
    from hogo.core.models import Division

    return tuple(Division.objects.exclude(phone="").values_list("phone", flat=True))


def do_queue_scan(request, *, division, filename, data):
    """Store one uploaded document and queue its scan; the worker records the check (``do_record_scan``)."""
    from hogo.jobs.actions import do_enqueue
    from hogo.publication.jobs import KIND

    return do_enqueue(request, kind=KIND, division=division, filename=filename, data=data)


def do_record_scan(job, *, data, outcome, error=""):
    """Keep a finished scan as a pre-publication check, on behalf of the job's owner."""
    filename = display_name(job.filename, PublicationCheck._meta.get_field("filename").max_length)
    with transaction.atomic():
        check = PublicationCheck(
            division=job.division, filename=filename, size=len(data),
            sha256=hashlib.sha256(data).hexdigest(), created_by=job.owner,
        )
        if outcome is None:
            check.verdict, check.error, check.verdict_reasons = Verdict.ERROR, error[:300], [error]
            check.save()
        else:
            check.blocks, check.verdict, check.verdict_reasons = outcome.blocks, outcome.verdict, outcome.reasons
            check.document.save(filename, ContentFile(data), save=False)
            check.save()
            Finding.objects.bulk_create([
                Finding(check_record=check, block=block, start=hit.start, end=hit.end, label=hit.label,
                        text=hit.text[:500], score=hit.score, reason=hit.reason[:300], official=hit.official)
                for block, hit in outcome.findings
            ], batch_size=1000)
        log.record(None, AuditAction.CREATE, check, user=job.owner,
                   note=f"公開前チェック: {check.verdict} 検出 {check.findings.count()}件")
    return check


def do_decide_finding(request, finding, *, status, reason=""):
    """Record that a person accepted (mask) or dismissed (publish as is) one finding."""
    with transaction.atomic():
        before = {"status": finding.status, "dismiss_reason": finding.dismiss_reason}
        finding.status = status
        finding.dismiss_reason = reason if status == FindingStatus.DISMISSED else ""
        finding.decided_by = request.user
        finding.decided_at = timezone.now()
        finding.save(update_fields=["status", "dismiss_reason", "decided_by", "decided_at"])
        after = {"status": finding.status, "dismiss_reason": finding.dismiss_reason}
        log.record(request, AuditAction.UPDATE, finding, division=finding.check_record.division,
                   changes=log.changed_fields(before, after))
    return finding


def do_complete_check(request, check):
    """Close the check: every finding has been decided, and who cleared it is recorded."""
    pending = check.findings.filter(status=FindingStatus.PENDING).count()
    if pending:
        raise ValueError(f"未確認の検出結果が{pending}件あります。すべて判断してから完了してください。")
    with transaction.atomic():
        # Checked under the row lock: a second click or a second person must not
        # overwrite who cleared the document.
        locked = PublicationCheck.objects.select_for_update().get(pk=check.pk)
        if locked.completed_at is not None:
            raise ValueError("この公開前チェックはすでに完了しています（確認者は変更できません）。")
        check.completed_by = request.user
        check.completed_at = timezone.now()
        check.save(update_fields=["completed_by", "completed_at"])
        dismissed = list(check.findings.filter(status=FindingStatus.DISMISSED).values_list("text", "dismiss_reason"))
        log.record(request, AuditAction.UPDATE, check, changes={"completed_at": ["", str(check.completed_at)]},
                   note=("確認完了。マスクしない: " + "; ".join(f"{t}（{r}）" for t, r in dismissed))[:300])
    return check


def masked_document(request, check):
    """The document with every finding masked except the dismissed ones; the download is audited."""
    dismissed = set(check.findings.filter(status=FindingStatus.DISMISSED).values_list("text", "label"))
    with check.document.open("rb") as handle:
        data = handle.read()
    content, filename = scanning.mask(check.filename, data, dismissed, allow_list())
    log.record(request, AuditAction.EXPORT, check, note=f"マスク済み文書の出力: {filename}")
    return content, filename
