"""Completing a pre-publication check again must not change who cleared it (issue #19)."""

from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.core.choices import Role
from hogo.core.models import User
from hogo.publication.models import PublicationCheck


def test_it_refuses_to_complete_a_check_twice_and_keeps_who_cleared_it(client, staff):
    colleague = User.objects.create(username="colleague", role=Role.DIVISION_STAFF, division=staff.division)
    check = PublicationCheck.objects.create(division=staff.division, filename="お知らせ.txt", size=1,
                                            sha256="0" * 64, verdict="公開可", created_by=staff)
    client.force_login(staff)
    client.post(reverse("publication:complete", args=[check.pk]))
    check.refresh_from_db()
    first_completed_at = check.completed_at
    assert check.completed_by == staff

    client.force_login(colleague)
    response = client.post(reverse("publication:complete", args=[check.pk]), follow=True)
    check.refresh_from_db()
    assert check.completed_by == staff and check.completed_at == first_completed_at
    assert "すでに完了しています" in response.content.decode()
    assert AuditEntry.objects.filter(record_id=str(check.pk), note__startswith="確認完了").count() == 1
