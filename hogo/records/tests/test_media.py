"""Removable media: take-out and return with an approver, overdue on the dashboard, a loss opens an incident."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.core.deadlines import deadlines_for
from hogo.records.choices import MediaKind
from hogo.records.models import Carryout, Medium
from hogo.records.tests.helpers import colleague


@pytest.fixture
def medium(organisation):
    # Nerima's case (seed 003): one SD card per class, photos of the children.
    return Medium.objects.create(division=organisation["own"], identifier="SD-2歳児", kind=MediaKind.SD,
                                 owner="園長", encrypted=False, contents="2歳児の写真データ約41枚")


def test_it_logs_a_take_out_with_purpose_and_approver_and_the_return(client, staff, medium):
    approver = colleague(medium.division)
    client.force_login(staff)
    due = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("records:medium_take_out", args=[medium.pk]),
                           {"purpose": "誕生児の写真撮影", "approver": approver.pk, "due_at": due})
    assert response.status_code == 302
    carryout = Carryout.objects.get()
    assert (carryout.taken_by, carryout.approver, carryout.purpose) == (staff, approver, "誕生児の写真撮影")
    assert client.post(reverse("records:carryout_return", args=[carryout.pk])).status_code == 302
    carryout.refresh_from_db()
    assert carryout.returned_at is not None and carryout.returned_to == staff
    assert AuditEntry.objects.filter(record_type="records.Carryout").count() == 2


def test_it_refuses_the_taker_as_own_approver(client, staff, medium):
    client.force_login(staff)
    due = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("records:medium_take_out", args=[medium.pk]),
                           {"purpose": "撮影", "approver": staff.pk, "due_at": due})
    assert response.status_code == 400
    assert not Carryout.objects.exists()


def test_it_shows_a_medium_not_back_in_time_on_the_dashboard_as_overdue(client, staff, other_staff, medium):
    approver = colleague(medium.division)
    Carryout.objects.create(medium=medium, taken_by=staff, approver=approver, purpose="園だより作成",
                            taken_at=timezone.now() - timedelta(days=3), due_at=timezone.now() - timedelta(days=2))
    today = timezone.localdate()
    items = [item for item in deadlines_for(staff, today) if item.kind == "可搬媒体の返却"]
    assert len(items) == 1 and items[0].is_overdue(today) and items[0].title == str(medium)
    assert not [item for item in deadlines_for(other_staff, today) if item.kind == "可搬媒体の返却"]
    client.force_login(staff)
    page = client.get(reverse("dashboard")).content.decode()
    assert str(medium) in page


def test_it_opens_an_incident_prefilled_with_the_medium_and_keeps_the_link(client, staff, medium):
    from hogo.incidents.models import Incident

    client.force_login(staff)
    client.post(reverse("records:medium_lost", args=[medium.pk]), {"lost_on": "2025-12-25"})
    medium.refresh_from_db()
    assert medium.lost_on == date(2025, 12, 25)
    page = client.get(reverse("records:medium_detail", args=[medium.pk])).content.decode()
    start = page.index(reverse("incidents:create") + "?")
    link = page[start:page.index('"', start)].replace("&amp;", "&")
    params = parse_qs(urlparse(link).query)
    assert params["division"] == [str(medium.division_id)]
    assert params["learned_on"] == ["2025-12-25"]
    assert "SD-2歳児" in params["title"][0] and "2歳児の写真データ約41枚" in params["summary"][0]
    form = client.get(link).content.decode()
    assert "SD-2歳児" in form
    incident = Incident.objects.create(title="SDカードの紛失", division=medium.division, learned_on=date(2025, 12, 25),
                                       summary="紛失", created_by=staff)
    response = client.post(reverse("records:medium_link_incident", args=[medium.pk]), {"incident": incident.pk})
    assert response.status_code == 302
    medium.refresh_from_db()
    assert medium.incident == incident


def test_it_answers_404_for_another_divisions_medium(client, other_staff, medium):
    client.force_login(other_staff)
    assert client.get(reverse("records:medium_detail", args=[medium.pk])).status_code == 404
    assert AuditEntry.objects.filter(action="denied", record_type="records.Medium").exists()


def test_it_answers_409_when_two_people_edit_a_medium(client, staff, medium):
    client.force_login(staff)
    data = {"division": medium.division_id, "identifier": "SD-2歳児", "kind": "sd", "owner": "副園長",
            "version": 1}
    assert client.post(reverse("records:medium_edit", args=[medium.pk]), data).status_code == 302
    data["owner"] = "保育士A"
    response = client.post(reverse("records:medium_edit", args=[medium.pk]), data)
    assert response.status_code == 409
    medium.refresh_from_db()
    assert medium.owner == "副園長" and medium.version == 2
