"""A double click on 採番 must not use up a second 報告第N号 (issue #19)."""

from datetime import date

import pytest
from django.db.models import Max

from hogo.core.models import CouncilReport
from hogo.incidents.actions import IncidentError, do_allocate_incident_council_report
from hogo.incidents.models import Incident


def test_it_gives_an_incident_one_number_when_two_requests_allocate_at_once(rf, privacy, organisation):
    incident = Incident.objects.create(title="名簿の紛失", division=organisation["own"],
                                       learned_on=date(2025, 2, 17), summary="名簿を紛失した。", individuals=90)
    # Both requests loaded the incident before either saved: the check must not trust that copy.
    first_click, second_click = Incident.objects.get(pk=incident.pk), Incident.objects.get(pk=incident.pk)
    request = rf.post("/")
    request.user = privacy
    report = do_allocate_incident_council_report(request, first_click, reported_on=date(2025, 7, 11), basis="x")
    with pytest.raises(IncidentError, match=f"すでに報告第{report.number}号が付いています"):
        do_allocate_incident_council_report(request, second_click, reported_on=date(2025, 7, 11), basis="x")
    incident.refresh_from_db()
    assert incident.council_report == report
    assert CouncilReport.objects.count() == 1
    assert CouncilReport.objects.aggregate(m=Max("number"))["m"] == report.number
