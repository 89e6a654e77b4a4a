"""The dashboard's request deadlines (registered in ``DisclosureConfig.ready``)."""

from hogo.core.access import scope_for_user
from hogo.core.deadlines import Deadline
from hogo.core.models import Municipality
from hogo.disclosure import deadlines
from hogo.disclosure.models import DisclosureExecution, Request, RequestSettings, ThirdParty
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


def third_party_deadlines(user, today):
    """法第86条: opinions still awaited, and disclosures that must wait two weeks after a decision over an objection."""
    items = []
    parties = ThirdParty.objects.filter(request__closed_on__isnull=True, replied_on__isnull=True,
                                        reply_by__isnull=False)
    for party in scope_for_user(parties, user, division_field="request__divisions").distinct() \
            .select_related("request__division"):
        request = party.request
        items.append(Deadline(
            due=party.reply_by, title=f"{request.get_kind_display()} 第{request.pk}号：第三者の意見書",
            kind="意見書の提出期限（法第86条）", url=request.get_absolute_url(), division=request.division.full_name))
    objected = Request.objects.filter(third_parties__objects_to_disclosure=True)
    for request in scope_for_user(objected, user, division_field="divisions").distinct() \
            .select_related("division").prefetch_related("decisions"):
        for decision in request.decisions.all():
            if decision.outcome not in ("full", "partial"):
                continue
            if DisclosureExecution.objects.filter(decision=decision, carried_out_on__isnull=False).exists():
                continue
            earliest = deadlines.third_party_wait(decision.decided_on)
            items.append(Deadline(
                due=earliest.date, title=f"{request.get_kind_display()} 第{request.pk}号：開示の実施",
                kind="反対意見書後の開示の実施の最初の日（法第86条第3項）", url=request.get_absolute_url(),
                division=request.division.full_name, note="この日より前には開示を実施できません。"))
    return items
