import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from hogo.audit.models import AuditEntry
from hogo.core.access import get_for_user, scope_for_user
from hogo.core.models import User


def _request(user, path="/records/1/"):
    request = RequestFactory().get(path, REMOTE_ADDR="192.0.2.10")
    request.user = user
    return request


def test_it_scopes_division_staff_to_their_division(staff, other_staff, privacy, council):
    # Users carry a division, so the user table itself serves as a division-owned record type.
    visible = scope_for_user(User.objects.all(), staff)
    assert list(visible) == [staff]
    assert set(scope_for_user(User.objects.all(), privacy)) == {staff, other_staff, privacy, council}
    assert list(scope_for_user(User.objects.all(), council)) == []


def test_it_answers_404_for_another_divisions_record_and_audits_it(staff, other_staff):
    request = _request(staff, f"/records/{other_staff.pk}/")
    with pytest.raises(Http404):
        get_for_user(request, User.objects.all(), other_staff.pk)
    entry = AuditEntry.objects.get(action="denied")
    assert entry.username == "staff1"
    assert entry.record_id == str(other_staff.pk)
    assert entry.ip_address == "192.0.2.10"
    assert f"/records/{other_staff.pk}/" in entry.note


def test_it_logs_a_view_of_an_own_record(staff):
    assert get_for_user(_request(staff), User.objects.all(), staff.pk) == staff
    assert AuditEntry.objects.filter(action="view", record_id=str(staff.pk), username="staff1").exists()


def test_it_refuses_writes_by_council_viewers(council, staff):
    with pytest.raises(PermissionDenied):
        get_for_user(_request(council), User.objects.all(), staff.pk, write=True)
    assert AuditEntry.objects.filter(action="denied", username="council").exists()


def test_it_answers_404_for_missing_or_malformed_ids(privacy):
    for pk in (999999, "abc"):
        with pytest.raises(Http404):
            get_for_user(_request(privacy), User.objects.all(), pk)
