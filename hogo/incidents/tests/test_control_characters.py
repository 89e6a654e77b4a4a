"""Control characters: refused by the forms, dropped by the .docx writers (issue #19, finding 8)."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.incidents.models import Incident, PersonalInfoItem
from hogo.incidents.tests.test_incidents import form_data


def test_it_refuses_a_control_character_in_the_incident_form(client, staff, organisation):
    client.force_login(staff)
    response = client.post(reverse("incidents:create"),
                           form_data(division=organisation["own"].pk, title="申請書の\x0b誤送付"))
    assert response.status_code == 200
    assert "使用できない制御文字（U+000B）が含まれています" in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.parametrize("name", ["incidents:ppc_report", "incidents:council_report", "incidents:summary"])
def test_it_writes_the_docx_of_a_record_stored_with_control_characters(client, privacy, organisation, name):
    incident = Incident.objects.create(title="名簿の\x0b紛失\x01", division=organisation["own"],
                                       learned_on=date(2025, 2, 17), summary="名簿を\x0b紛失した。", individuals=120,
                                       ppc_required=True)
    PersonalInfoItem.objects.create(incident=incident, name="氏\x01名", order=1)
    client.force_login(privacy)
    response = client.get(reverse(name, args=[incident.pk]), {"format": "docx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_it_writes_the_fiscal_year_docx_with_control_characters(client, privacy, organisation):
    Incident.objects.create(title="名簿の\x0b紛失", division=organisation["own"], learned_on=date(2025, 2, 17),
                            summary="紛失", individuals=120, ppc_required=True, ppc_items="4")
    client.force_login(privacy)
    response = client.get(reverse("incidents:fiscal_year"), {"first": "2024", "format": "docx"})
    assert response.status_code == 200
