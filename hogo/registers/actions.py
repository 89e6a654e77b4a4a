"""Every write to the registers: one transaction with its audit row."""

from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.concurrency import claim_version
from hogo.core.actions import do_allocate_council_report, lock_council_numbering
from hogo.registers.models import IssuedReport


class AlreadyIssued(Exception):
    """The report was issued already; ``issued`` is the first one, with its number."""

    def __init__(self, issued):
        super().__init__(f"この報告はすでに{issued.council_report}として発行済みです。")
        self.issued = issued


def do_create_record(request, obj, *, m2m=None):
    """Save a new register entry, review or Art.69 record (``m2m``: {field: objects})."""
    with transaction.atomic():
        obj.save()
        for name, values in (m2m or {}).items():
            getattr(obj, name).set(values)
        log.record(request, AuditAction.CREATE, obj)
    return obj


def do_update_record(request, obj, before, *, version, m2m=None):
    """Save changes to ``obj``; ``before`` is ``log.snapshot(obj)`` taken before the form changed it.

    ``version`` is the one the user loaded: EditConflict if someone saved since.
    """
    changes = log.changed_fields(before, log.snapshot(obj))
    with transaction.atomic():
        claim_version(obj, version)
        obj.save()
        for name, values in (m2m or {}).items():
            old = sorted(str(item) for item in getattr(obj, name).all())
            getattr(obj, name).set(values)
            new = sorted(str(item) for item in values)
            if old != new:
                changes[name] = ["、".join(old), "、".join(new)]
        log.record(request, AuditAction.UPDATE, obj, changes=changes)
    return obj


def do_issue_report(request, *, kind, title, reported_on, date_from=None, date_to=None, fiscal_year=None,
                    author=""):
    """Issue a council report: it takes the next 報告第N号 of the council-wide sequence.

    The same report issued again (a double click) raises ``AlreadyIssued`` with
    the first one instead of using up a second number; checked under the lock.
    """
    with transaction.atomic():
        lock_council_numbering()
        same = IssuedReport.objects.filter(kind=kind, date_from=date_from, date_to=date_to, fiscal_year=fiscal_year,
                                           council_report__title=title, council_report__reported_on=reported_on)
        if same.exists():
            raise AlreadyIssued(same.select_related("council_report").first())
        issued = IssuedReport.objects.create(kind=kind, date_from=date_from, date_to=date_to,
                                             fiscal_year=fiscal_year, author=author)
        issued.council_report = do_allocate_council_report(request, title=title, reported_on=reported_on,
                                                           record=issued)
        issued.save(update_fields=["council_report"])
        log.record(request, AuditAction.CREATE, issued, note=str(issued.council_report))
    return issued
