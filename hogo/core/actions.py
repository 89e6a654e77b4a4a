from django.db import IntegrityError, transaction
from django.db.models import Max

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.models import CouncilReport


def do_allocate_council_report(request, *, title, reported_on, record=None, number=None, user=None):
    """Give the next 報告第N号 (or ``number``, for reports already made) to a report.

    The number is max + 1 of the one council-wide sequence; a concurrent
    allocation that takes the same number is retried.
    """
    for _ in range(5):
        try:
            with transaction.atomic():
                if number is None:
                    chosen = (CouncilReport.objects.aggregate(m=Max("number"))["m"] or 0) + 1
                else:
                    chosen = number
                report = CouncilReport.objects.create(
                    number=chosen, title=title, reported_on=reported_on,
                    record_type=record._meta.label if record is not None else "",
                    record_id=str(record.pk) if record is not None else "",
                )
                log.record(request, AuditAction.CREATE, report, user=user)
                return report
        except IntegrityError:
            if number is not None:
                raise
    raise IntegrityError("報告番号を採番できませんでした。もう一度お試しください。")
