"""The demo: the 378 audit year linked to the 371 fax incident, overdue items on the dashboard, every page renders."""

from io import StringIO

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.core import demo as core_demo
from hogo.core.models import User
from hogo.incidents import demo as incidents_demo
from hogo.safety import demo
from hogo.safety.deadlines import safety_deadlines
from hogo.safety.models import Audit, AuditPlan, Finding, PostAssignment, Send


@pytest.fixture
def setagaya(db):
    profile = core_demo.PROFILES["setagaya"]
    core_demo.load(profile, StringIO())
    incidents_demo.load(profile, StringIO())
    demo.load(profile, StringIO())
    return profile


def test_it_links_the_audit_finding_to_the_371_fax_incident_and_runs_twice(setagaya):
    demo.load(setagaya, StringIO())
    plan = AuditPlan.objects.get(fiscal_year=2024)
    assert plan.council_report.number == 378
    assert Audit.objects.filter(plan=plan).values("division").distinct().count() == 2
    linked = Finding.objects.get(incident__isnull=False)
    assert linked.incident.council_report.number == 371
    assert linked.division.full_name == demo.KITAZAWA
    assert Send.objects.get(misdirected_on__isnull=False).incident == linked.incident
    assert PostAssignment.objects.filter(post="audit_officer").count() == 1


def test_it_puts_the_overdue_items_on_the_dashboards(setagaya):
    today = timezone.localdate()
    staff1, staff2 = User.objects.get(username="staff1"), User.objects.get(username="staff2")
    kinds1 = {item.kind for item in safety_deadlines(staff1, today) if item.is_overdue(today)}
    kinds2 = {item.kind for item in safety_deadlines(staff2, today) if item.is_overdue(today)}
    assert {"個人情報保護研修の受講", "改善措置"} <= kinds1
    assert "送付先の定期点検" in kinds2


def test_it_renders_every_page_for_the_privacy_office_and_a_division(client, setagaya):
    plan = AuditPlan.objects.get(fiscal_year=2024)
    audit, finding, send = Audit.objects.first(), Finding.objects.first(), Send.objects.first()
    pages = [reverse(name) for name in ("safety:index", "safety:structure", "safety:items", "safety:self_checks",
                                        "safety:findings", "safety:plans", "safety:trainings", "safety:training_status",
                                        "safety:destinations", "safety:sends", "safety:send_summary")]
    pages += [plan.get_absolute_url(), audit.get_absolute_url(), finding.get_absolute_url(), send.get_absolute_url(),
              reverse("safety:plan_report", args=[plan.pk])]
    client.force_login(User.objects.get(username="privacy"))
    for url in pages:
        assert client.get(url).status_code == 200, url
    client.force_login(User.objects.get(username="staff2"))
    kitazawa_finding = Finding.objects.filter(division__full_name=demo.KITAZAWA).first()
    other_finding = Finding.objects.exclude(division__full_name=demo.KITAZAWA).first()
    assert client.get(kitazawa_finding.get_absolute_url()).status_code == 200
    assert client.get(other_finding.get_absolute_url()).status_code == 404
    assert "所管課長 北沢 課長" in client.get(reverse("safety:structure")).content.decode()
