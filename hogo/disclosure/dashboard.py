"""The dashboard's request deadlines (registered in ``DisclosureConfig.ready``)."""

from hogo.core.access import scope_for_user
from hogo.core.deadlines import Deadline
from hogo.core.models import Municipality
from hogo.disclosure.models import Request, RequestSettings
from hogo.lib.municipal_calendar import wareki


def open_requests_for(user):
    queryset = Request.objects.filter(closed_on__isnull=True)
    return (scope_for_user(queryset, user, division_field="divisions").distinct()
            .select_related("division").prefetch_related("correction_pauses", "decisions"))


def request_deadlines(user, today):
    """One item per open request: the date its (next) decision is due, with the rule's warnings as a note.

    The title names the request by kind, number and date of receipt, never by
    the requester: the dashboard is not an audited view of personal data.
    """
    calendar = Municipality.current().calendar()
    settings = RequestSettings.current().deadline_settings()
    items = []
    for obj in open_requests_for(user):
        due = obj.current_deadline(today=today, calendar=calendar, settings=settings)
        notes = []
        if obj.open_pause():
            notes.append("補正待ち（期限の進行停止中）")
        notes.extend(due.warnings)
        items.append(Deadline(
            due=due.date, title=f"{obj.get_kind_display()} 第{obj.pk}号（{wareki(obj.received_on)}受付）",
            kind=due.label, url=obj.get_absolute_url(), division=obj.division.full_name, note=" ".join(notes)))
    return items
