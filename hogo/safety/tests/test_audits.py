from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.safety.deadlines import safety_deadlines as deadlines_for
from hogo.safety.models import Audit, AuditPlan, CorrectiveAction, Finding, PostAssignment


def _plan(client, year=2024):
    response = client.post(reverse("safety:plan_create"), {
        "fiscal_year": year, "title": "世田谷区個人情報保護条例に基づく監査", "annex_label": "",
        "introduction": "", "viewpoint": "改善状況の確認", "closing": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    return AuditPlan.objects.get(fiscal_year=year)


def _audit(client, plan, division, **extra):
    data = {"division": division.pk, "kind": "on_site", "auditor": "個人情報保護監査責任者", "planned_on": "2025-02-26",
            "conducted_on": "2025-02-26", "time_text": "", "place": "執務室", "selection_reason": "", "items": "",
            "method": "聴き取り調査", "result": "概ね適正", **extra}
    response = client.post(reverse("safety:audit_create", args=[plan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Audit.objects.latest("pk")


def _finding(client, audit, **extra):
    data = {"category": "fax_mail", "severity": "advice", "rule": "管理基準", "text": "外線ファクシミリを使わないこと",
            "incident": "", **extra}
    response = client.post(reverse("safety:finding_add", args=[audit.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Finding.objects.latest("pk")


def test_it_follows_a_finding_until_it_closes(client, auditor, staff, organisation):
    client.force_login(auditor)
    plan = _plan(client)
    audit = _audit(client, plan, organisation["own"])
    finding = _finding(client, audit)
    assert finding.division == organisation["own"] and not finding.is_closed

    client.force_login(staff)
    due = timezone.localdate() + timedelta(days=10)
    response = client.post(reverse("safety:action_add", args=[finding.pk]),
                           {"text": "庁内あては内線ファクシミリに改める", "owner": "係長", "due_on": due.isoformat()})
    assert response.status_code == 302
    action = CorrectiveAction.objects.get()
    assert any(item.kind == "改善措置" for item in deadlines_for(staff, timezone.localdate()))
    client.post(reverse("safety:action_done", args=[action.pk]))
    finding.refresh_from_db()
    assert finding.is_closed and finding.closed_on == timezone.localdate()
    assert AuditEntry.objects.filter(record_type="safety.Finding", changes__has_key="closed_on").exists()


def test_it_refuses_findings_from_the_audited_division(client, auditor, staff, organisation):
    client.force_login(auditor)
    audit = _audit(client, _plan(client), organisation["own"])
    client.force_login(staff)
    assert client.get(audit.get_absolute_url()).status_code == 200
    response = client.post(reverse("safety:finding_add", args=[audit.pk]),
                           {"category": "storage", "severity": "finding", "text": "x"})
    assert response.status_code == 403
    assert client.post(reverse("safety:plan_create"), {"fiscal_year": 2030}).status_code == 403


def test_it_lets_the_auditing_division_record_a_mutual_audit(client, privacy, staff, other_staff, organisation):
    client.force_login(privacy)
    audit = _audit(client, _plan(client), organisation["other"], auditing_division=organisation["own"].pk,
                   kind="documentary")
    assert audit.is_mutual
    client.force_login(staff)   # the auditing division
    finding = _finding(client, audit, category="training", text="異動者への研修の記録がない")
    assert finding.division == organisation["other"]
    client.force_login(other_staff)  # the audited division sees its finding
    assert client.get(finding.get_absolute_url()).status_code == 200
    client.force_login(staff)   # the auditor does not follow the other division's findings
    assert client.get(finding.get_absolute_url()).status_code == 404


def test_it_hides_another_divisions_finding(client, auditor, staff, other_staff, organisation):
    client.force_login(auditor)
    finding = _finding(client, _audit(client, _plan(client), organisation["own"]))
    client.force_login(other_staff)
    assert client.get(finding.get_absolute_url()).status_code == 404
    assert client.get(reverse("safety:plan", args=[finding.audit.plan_id])).status_code == 404
    assert AuditEntry.objects.filter(action="denied", record_type="safety.Finding").exists()


def test_it_answers_409_to_a_stale_audit_edit(client, privacy, organisation):
    client.force_login(privacy)
    audit = _audit(client, _plan(client), organisation["own"])
    data = {"division": audit.division_id, "kind": "on_site", "auditor": "監査責任者", "place": "", "items": "",
            "method": "", "result": "", "selection_reason": "", "time_text": "", "version": audit.version}
    assert client.post(reverse("safety:audit_edit", args=[audit.pk]), data).status_code == 302
    response = client.post(reverse("safety:audit_edit", args=[audit.pk]), {**data, "result": "別の結果"})
    assert response.status_code == 409
    assert "他の利用者が先に更新しました" in response.content.decode()


def test_it_shows_a_new_finding_on_the_dashboard(client, auditor, staff, organisation):
    client.force_login(auditor)
    _finding(client, _audit(client, _plan(client), organisation["own"]))
    items = deadlines_for(staff, timezone.localdate())
    assert [item.kind for item in items if item.kind == "指摘事項への改善措置の登録"]


def test_it_refuses_an_overlapping_term_and_a_stale_assignment(client, privacy, staff, organisation):
    client.force_login(privacy)
    data = {"post": "manager", "user": "", "person_name": "北沢 課長", "job_title": "所管課長", "agency": "",
            "division": organisation["other"].pk, "starts_on": "2024-04-01", "ends_on": ""}
    assert client.post(reverse("safety:assignment_create"), data).status_code == 302
    response = client.post(reverse("safety:assignment_create"), {**data, "starts_on": "2025-04-01"})
    assert "重なっています" in response.content.decode()
    assignment = PostAssignment.objects.get(post="manager")
    edit = {**data, "ends_on": "2025-03-31", "version": assignment.version}
    assert client.post(reverse("safety:assignment_edit", args=[assignment.pk]), edit).status_code == 302
    assert client.post(reverse("safety:assignment_edit", args=[assignment.pk]),
                       {**edit, "job_title": "課長"}).status_code == 409
    client.force_login(staff)
    assert client.post(reverse("safety:assignment_create"), data).status_code == 403
    from hogo.safety import structure
    assert structure.holder("manager", organisation["other"], date(2024, 8, 5)).person_name == "北沢 課長"
    assert structure.holder("manager", organisation["other"], date(2025, 4, 1)) is None


def test_it_registers_its_deadlines_with_the_dashboard():
    from hogo.core import deadlines

    assert deadlines_for in deadlines._providers


def test_it_keeps_a_mutual_auditor_from_moving_the_audit(client, privacy, staff, organisation):
    client.force_login(privacy)
    audit = _audit(client, _plan(client), organisation["other"], auditing_division=organisation["own"].pk)
    client.force_login(staff)
    data = {"division": organisation["school"].pk, "kind": "documentary", "auditor": "相互監査", "place": "",
            "items": "", "method": "", "result": "概ね適正", "selection_reason": "", "time_text": "",
            "version": audit.version}
    assert client.post(reverse("safety:audit_edit", args=[audit.pk]), data).status_code == 302
    audit.refresh_from_db()
    assert audit.division == organisation["other"] and audit.result == "概ね適正"
