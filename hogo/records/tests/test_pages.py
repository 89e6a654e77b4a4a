"""Every page of the app renders for the owner division and the privacy office, and is audited as a read."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.records.choices import MediaKind
from hogo.records.models import Carryout, HoldingPaper, Medium
from hogo.records.tests.helpers import colleague, disposal_list, head_of, record_file, series


@pytest.fixture
def records(organisation, staff):
    own = organisation["own"]
    item = record_file(series(own))
    listing = disposal_list(own, staff, [item])
    paper = HoldingPaper.objects.create(division=own, description="診断書（写し）", received_on=date(2025, 3, 28),
                                        place="一時保管棚", destroy_from=date(2025, 5, 13), registered_by=staff)
    medium = Medium.objects.create(division=own, identifier="USB-01", kind=MediaKind.USB, owner="課長")
    Carryout.objects.create(medium=medium, taken_by=staff, approver=colleague(own), purpose="会議資料",
                            due_at=timezone.now() + timedelta(hours=1))
    return {"file": item, "series": item.series, "list": listing, "paper": paper, "medium": medium}


def _urls(records):
    return [
        reverse("records:index"), reverse("records:report"), reverse("records:file_import"),
        reverse("records:series_create"), reverse("records:file_create"), reverse("records:holding_create"),
        reverse("records:medium_create"),
        reverse("records:series_detail", args=[records["series"].pk]),
        reverse("records:series_edit", args=[records["series"].pk]),
        reverse("records:file_detail", args=[records["file"].pk]),
        reverse("records:file_edit", args=[records["file"].pk]),
        reverse("records:disposal_detail", args=[records["list"].pk]),
        reverse("records:holding_detail", args=[records["paper"].pk]),
        reverse("records:holding_edit", args=[records["paper"].pk]),
        reverse("records:medium_detail", args=[records["medium"].pk]),
        reverse("records:medium_edit", args=[records["medium"].pk]),
    ]


@pytest.mark.parametrize("who", ["staff", "privacy"])
def test_it_renders_every_page(client, records, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in _urls(records):
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'style="' not in response.content.decode(), url


def test_it_audits_reading_a_file(client, staff, records):
    client.force_login(staff)
    client.get(reverse("records:file_detail", args=[records["file"].pk]))
    assert AuditEntry.objects.filter(action="view", record_type="records.RecordFile").exists()


def test_it_shows_the_approve_button_to_the_head_only(client, organisation, staff, records):
    records["list"].status = "proposed"
    records["list"].save()
    head = head_of(organisation["own"])
    url = reverse("records:disposal_detail", args=[records["list"].pk])
    client.force_login(staff)
    assert "承認する" not in client.get(url).content.decode()
    client.force_login(head)
    assert "承認する" in client.get(url).content.decode()
