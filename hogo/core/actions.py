from django.db import transaction
from django.db.models import Max

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.models import CouncilReport, Municipality


def lock_council_numbering():
    """Hold the council-wide numbering until the current transaction ends.

    The municipality's row is the lock (there is one), so every caller that
    takes a 報告第N号 checks "is there a number already?" and picks max + 1
    while no one else can. SQLite has no row locks; there a write
    transaction already excludes the others.
    """
    Municipality.objects.select_for_update().get(pk=Municipality.current().pk)


def do_allocate_council_report(request, *, title, reported_on, record=None, number=None, user=None):
    """Give the next 報告第N号 (or ``number``, for reports already made) to a report.

    The number is max + 1 of the one council-wide sequence, chosen under
    ``lock_council_numbering`` so two allocations never pick the same one.
    """
    with transaction.atomic():
        lock_council_numbering()
        if number is None:
            number = (CouncilReport.objects.aggregate(m=Max("number"))["m"] or 0) + 1
        report = CouncilReport.objects.create(
            number=number, title=title, reported_on=reported_on,
            record_type=record._meta.label if record is not None else "",
            record_id=str(record.pk) if record is not None else "",
        )
        log.record(request, AuditAction.CREATE, report, user=user)
    return report
