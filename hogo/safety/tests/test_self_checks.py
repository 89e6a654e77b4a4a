from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.safety.choices import FindingSource, SelfCheckStatus
from hogo.safety.models import Finding, SelfCheck


def _start(client, year=2025):
    client.post(reverse("safety:self_check_start"), {"fiscal_year": year})
    return SelfCheck.objects.get(fiscal_year=year)


def _answers(self_check, values, **extra):
    data = {"answers-TOTAL_FORMS": len(values), "answers-INITIAL_FORMS": len(values), "version": self_check.version,
            "remarks": ""}
    for index, (answer, value) in enumerate(zip(self_check.answers.order_by("item__order"), values)):
        data[f"answers-{index}-id"] = answer.pk
        data[f"answers-{index}-answer"] = value
        data[f"answers-{index}-note"] = ""
    data.update(extra)
    return data


def test_it_turns_a_no_answer_into_a_finding_of_the_division(client, staff, items):
    client.force_login(staff)
    self_check = _start(client)
    assert self_check.division == staff.division and self_check.answers.count() == 2
    response = client.post(self_check.get_absolute_url(), _answers(self_check, ["yes", "no"], submit="1"))
    assert response.status_code == 302
    self_check.refresh_from_db()
    assert self_check.status == SelfCheckStatus.SUBMITTED and self_check.submitted_by == staff
    finding = Finding.objects.get()
    assert finding.source == FindingSource.SELF_CHECK and finding.division == staff.division
    assert finding.category == items[1].category and "短縮ダイヤル" in finding.text
    assert AuditEntry.objects.filter(record_type="safety.SelfCheck", note__contains="指摘事項 1件").exists()


def test_it_refuses_to_submit_with_an_item_unanswered(client, staff, items):
    client.force_login(staff)
    self_check = _start(client)
    response = client.post(self_check.get_absolute_url(), _answers(self_check, ["yes", ""], submit="1"))
    assert response.status_code == 400
    assert "未回答の項目があります" in response.content.decode()
    assert not Finding.objects.exists()


def test_it_answers_409_to_a_stale_save(client, staff, items):
    client.force_login(staff)
    self_check = _start(client)
    stale = _answers(self_check, ["yes", "yes"])
    assert client.post(self_check.get_absolute_url(), stale).status_code == 302
    response = client.post(self_check.get_absolute_url(), stale)
    assert response.status_code == 409


def test_it_keeps_evidence_and_refuses_a_bad_type(client, staff, items, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    self_check = _start(client)
    bad = _answers(self_check, ["yes", "yes"], **{"answers-0-evidence": SimpleUploadedFile("a.exe", b"MZ")})
    assert client.post(self_check.get_absolute_url(), bad).status_code == 400
    good = _answers(self_check, ["yes", "yes"], **{"answers-0-evidence": SimpleUploadedFile("点検記録.pdf", b"%PDF")})
    assert client.post(self_check.get_absolute_url(), good).status_code == 302
    answer = self_check.answers.get(item=items[0])
    assert answer.evidence_name == "点検記録.pdf"
    assert client.get(reverse("safety:evidence", args=[answer.pk])).status_code == 200


def test_it_hides_another_divisions_self_check_and_audits_the_attempt(client, staff, other_staff, items):
    client.force_login(staff)
    self_check = _start(client)
    client.force_login(other_staff)
    assert client.get(self_check.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action="denied", record_type="safety.SelfCheck").exists()
    listing = client.get(reverse("safety:self_checks") + "?year=2025").content.decode()
    assert self_check.division.full_name not in listing


def test_it_lets_the_audit_officer_see_every_division(client, staff, auditor, items):
    client.force_login(staff)
    self_check = _start(client)
    client.force_login(auditor)
    assert client.get(self_check.get_absolute_url()).status_code == 200


def test_it_refuses_council_viewers(client, council, staff, items):
    client.force_login(staff)
    self_check = _start(client)
    client.force_login(council)
    assert client.get(self_check.get_absolute_url()).status_code == 404
    assert client.post(reverse("safety:self_check_start"), {"fiscal_year": 2025}).status_code == 403


def test_it_lets_only_the_privacy_office_edit_the_items(client, staff, privacy):
    data = {"category": "media", "text": "USBメモリは登録したものだけを使っている", "rule": "", "order": 3, "active": "on"}
    client.force_login(staff)
    assert client.post(reverse("safety:item_create"), data).status_code == 403
    client.force_login(privacy)
    assert client.post(reverse("safety:item_create"), data).status_code == 302
    assert client.get(reverse("safety:self_check_start")).status_code == 405
