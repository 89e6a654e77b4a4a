"""The incidents' deadlines on the dashboard: PPC reports still to send, measures still open."""

from django.db.models import Q

from hogo.core.access import scope_for_user
from hogo.core.deadlines import Deadline
from hogo.core.models import Municipality
from hogo.incidents import rules
from hogo.incidents.models import Incident, PreventionMeasure


def incident_deadlines(user, today):
    calendar = Municipality.current().calendar()
    items = []
    incidents = (scope_for_user(Incident.objects.filter(Q(ppc_required=True) | Q(my_number=True)), user)
                 .select_related("division").prefetch_related("reports"))
    for incident in incidents:
        if incident.final_sent():
            continue
        url = incident.get_absolute_url()
        division = incident.division.full_name
        if incident.ppc_required:
            preliminary, final = incident.deadlines(calendar)
            if not incident.preliminary_sent():
                items.append(Deadline(preliminary.date, incident.title, "個人情報保護委員会 速報（目安）", url,
                                      division, preliminary.rule))
            items.append(Deadline(final.date, incident.title, "個人情報保護委員会 確報", url, division, final.rule))
        facts = incident.my_number_facts()
        if facts and rules.decide_my_number_report(facts).required:
            # 番号法第29条の4: its own decision; the recorded 確報 closes both (one report to the PPC).
            final = incident.my_number_deadlines(calendar)[1]
            items.append(Deadline(final.date, incident.title, "個人情報保護委員会 番号法の確報", url, division,
                                  final.rule))
    measures = (scope_for_user(PreventionMeasure.objects.filter(done=False, due_on__isnull=False), user,
                               division_field="incident__division")
                .select_related("incident__division"))
    for measure in measures:
        items.append(Deadline(measure.due_on, measure.incident.title, "再発防止策",
                              measure.incident.get_absolute_url(), measure.incident.division.full_name,
                              f"{measure.text[:60]}（担当：{measure.owner or '未定'}）"))
    return items
