"""Opening an incident's edit form is a read of the whole record, audited like the detail page."""

from datetime import date

from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.incidents.models import Incident


def test_it_audits_opening_the_edit_form(client, staff, organisation):
    incident = Incident.objects.create(title="名簿の紛失", division=organisation["own"], learned_on=date(2025, 2, 17),
                                       summary="名簿を紛失した。", individuals=90)
    client.force_login(staff)
    assert client.get(reverse("incidents:edit", args=[incident.pk])).status_code == 200
    entry = AuditEntry.objects.get(action="view", record_type="incidents.Incident")
    assert (entry.record_id, entry.username, entry.division) == (str(incident.pk), "staff1", organisation["own"])
