"""Contracts through the views: scoping, the checklist before signing, the dashboard, conflicts, links."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.contractors.models import Checklist, Contract, ContractIncident, Inspection, ManagementReport
from hogo.core.deadlines import deadlines_for


def contract_data(organisation, contractor, **overrides):
    data = {"title": "特定健診受診勧奨業務委託", "division": str(organisation["own"].pk), "contractor": str(contractor.pk),
            "starts_on": "2025-04-01", "ends_on": "2026-03-31", "handles_personal_info": "on"}
    data.update(overrides)
    return data


def test_it_creates_a_contract_and_audits_it(client, staff, organisation, contractor, clauses):
    client.force_login(staff)
    response = client.post(reverse("contractors:contract_create"), contract_data(organisation, contractor))
    contract = Contract.objects.get()
    assert response.status_code == 302 and response.url == contract.get_absolute_url()
    assert contract.clauses == clauses  # binds the current special clauses
    assert AuditEntry.objects.filter(action="create", record_type="contractors.Contract", user=staff).exists()


def test_it_keeps_division_staff_to_their_own_contracts(client, other_staff, contract):
    client.force_login(other_staff)
    assert client.get(contract.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action="denied", user=other_staff).exists()
    assert contract.title not in client.get(reverse("contractors:list")).content.decode()
    assert client.post(reverse("contractors:contract_sign", args=[contract.pk]), {"signed_on": "2025-04-01"}).status_code == 404


def test_it_shows_council_viewers_no_contracts(client, council, contract):
    client.force_login(council)
    assert contract.title not in client.get(reverse("contractors:list")).content.decode()
    assert client.get(contract.get_absolute_url()).status_code == 404
    assert client.get(reverse("contractors:contractor_detail", args=[contract.contractor.pk])).status_code == 403
    assert client.post(reverse("contractors:contract_create"), {}).status_code == 403


def test_it_audits_reading_a_contract(client, staff, contract):
    client.force_login(staff)
    assert client.get(contract.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(action="view", record_id=str(contract.pk), user=staff).exists()


@pytest.mark.parametrize("name", ["checklist_approve", "contract_sign", "subcontract_add", "incident_link",
                                  "inspection_follow_up"])
def test_it_refuses_get_on_write_views(client, staff, contract, name):
    client.force_login(staff)
    pk = contract.pk
    if name == "inspection_follow_up":
        pk = Inspection.objects.create(contract=contract, kind="document", fiscal_year=2025,
                                       inspected_on=date(2025, 11, 1)).pk
    assert client.get(reverse(f"contractors:{name}", args=[pk])).status_code == 405


def test_it_refuses_to_sign_without_an_approved_checklist(client, staff, privacy, contract):
    client.force_login(staff)
    response = client.post(reverse("contractors:contract_sign", args=[contract.pk]), {"signed_on": "2025-04-01"})
    assert response.status_code == 400
    assert "チェックリストの確認（確認印）を受けてから" in response.content.decode()
    client.post(reverse("contractors:checklist_answer", args=[contract.pk]),
                {**{f"q{n}": "yes" for n in range(1, 8)}, "q3": "not_applicable"})
    checklist = Checklist.objects.get(contract=contract)
    assert not checklist.is_approved
    # Division staff cannot stamp their own checklist.
    assert client.post(reverse("contractors:checklist_approve", args=[contract.pk])).status_code == 403
    client.force_login(privacy)
    client.post(reverse("contractors:checklist_approve", args=[contract.pk]))
    checklist.refresh_from_db()
    assert checklist.approved_by == privacy and checklist.is_approved
    client.force_login(staff)
    client.post(reverse("contractors:contract_sign", args=[contract.pk]), {"signed_on": "2025-04-01"})
    contract.refresh_from_db()
    assert contract.signed_on == date(2025, 4, 1)
    assert AuditEntry.objects.filter(record_type="contractors.Contract", action="update",
                                     changes__契約締結日__1="2025-04-01").exists()


def test_it_signs_a_contract_without_personal_information_without_a_checklist(client, staff, contract):
    contract.handles_personal_info = False
    contract.save()
    client.force_login(staff)
    client.post(reverse("contractors:contract_sign", args=[contract.pk]), {"signed_on": "2025-04-01"})
    contract.refresh_from_db()
    assert contract.signed_on == date(2025, 4, 1)


def test_it_refuses_an_incomplete_checklist(client, staff, contract):
    client.force_login(staff)
    response = client.post(reverse("contractors:checklist_answer", args=[contract.pk]), {"q1": "yes", "q2": "yes"})
    assert response.status_code == 400
    assert "№3 が未確認です" in response.content.decode()
    assert not Checklist.objects.exists()
    client.post(reverse("contractors:checklist_answer", args=[contract.pk]), {"q1": "no"})
    assert Checklist.objects.get().answers == {"1": "no"}


def test_it_puts_due_inspections_on_the_dashboard_and_overdue_ones_in_red(client, staff, other_staff, contract, approved):
    contract.signed_on = date(2025, 3, 1)
    contract.save()
    items = deadlines_for(staff, date(2026, 5, 1))
    assert [(item.due, item.kind) for item in items] == [
        (date(2026, 3, 31), "委託先の書面検査（2025年度）"), (date(2027, 3, 31), "委託先の書面検査（2026年度）")]
    assert deadlines_for(other_staff, date(2026, 5, 1)) == []
    client.force_login(staff)
    html = client.get("/").content.decode()
    assert "委託先の書面検査（" in html
    Inspection.objects.create(contract=contract, kind="document", fiscal_year=2025, inspected_on=date(2026, 2, 1),
                              results={str(n): "ok" for n in range(1, 11)}, notified_on=date(2026, 2, 10))
    assert [item.kind for item in deadlines_for(staff, date(2026, 5, 1))] == ["委託先の書面検査（2026年度）"]


def test_it_answers_a_stale_save_with_409_and_both_versions(client, staff, contract):
    client.force_login(staff)
    data = contract_data({"own": contract.division}, contract.contractor, title="保守業務委託（変更A）",
                         version=str(contract.version))
    assert client.post(reverse("contractors:contract_edit", args=[contract.pk]), data).status_code == 302
    data["title"] = "保守業務委託（変更B）"
    response = client.post(reverse("contractors:contract_edit", args=[contract.pk]), data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "保守業務委託（変更A）" in html and "保守業務委託（変更B）" in html
    contract.refresh_from_db()
    assert contract.title == "保守業務委託（変更A）"


def test_it_versions_the_management_report_on_a_change_of_staff(client, staff, contract):
    client.force_login(staff)

    def post(name):
        data = {"reported_on": "2025-04-05", "received_on": "2025-04-07", "work_address": "八千代市大和田新田1-1",
                "storage_place": "本社3階 施錠できるサーバ室", "has_handling_rules": "on",
                "staff-TOTAL_FORMS": "2", "staff-INITIAL_FORMS": "0", "staff-MIN_NUM_FORMS": "1",
                "staff-MAX_NUM_FORMS": "1000",
                "staff-0-role": "responsible", "staff-0-department": "システム部", "staff-0-title": "部長",
                "staff-0-name": "佐藤一郎", "staff-1-role": "staff", "staff-1-department": "システム部",
                "staff-1-title": "主任", "staff-1-name": name}
        return client.post(reverse("contractors:report_create", args=[contract.pk]), data)

    assert post("鈴木花子").status_code == 302
    assert post("高橋次郎").status_code == 302
    first, second = ManagementReport.objects.order_by("number")
    assert (first.number, first.kind, second.number, second.kind) == (1, "new", 2, "changed")
    assert [row.name for row in second.staff.all()] == ["佐藤一郎", "高橋次郎"]


def test_it_links_an_incident_and_shows_it_on_both_pages(client, staff, contract, organisation):
    from hogo.incidents.models import Incident

    incident = Incident.objects.create(title="委託先における名簿の紛失", division=organisation["own"], kind="loss",
                                       learned_on=date(2025, 6, 2), summary="委託先が名簿を紛失した。")
    client.force_login(staff)
    page = client.get(contract.get_absolute_url()).content.decode()
    assert "contractor=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE" in page  # the new-incident link names the contractor
    client.post(reverse("contractors:incident_link", args=[contract.pk]), {"incident": str(incident.pk)})
    assert ContractIncident.objects.filter(contract=contract, incident=incident).exists()
    assert contract.title in client.get(incident.get_absolute_url()).content.decode()
    contractor_page = client.get(reverse("contractors:contractor_detail", args=[contract.contractor.pk])).content.decode()
    assert incident.title in contractor_page


def test_it_shows_the_contracts_of_an_outsourcing_review(client, staff, contract, organisation):
    from hogo.registers.models import Review

    review = Review.objects.create(criterion="outsourcing", division=organisation["own"], content="健診システムの保守")
    contract.review = review
    contract.save()
    client.force_login(staff)
    assert contract.title in client.get(review.get_absolute_url()).content.decode()


def test_it_records_a_subcontract_with_its_approval(client, staff, contract):
    from hogo.contractors.models import Contractor

    sub = Contractor.objects.create(name="有限会社データ入力")
    client.force_login(staff)
    client.post(reverse("contractors:subcontract_add", args=[contract.pk]),
                {"subcontractor": str(sub.pk), "work": "データ入力", "reason": "繁忙期の入力", "approved_on": "2025-05-01"})
    item = contract.subcontracts.get()
    assert item.subcontractor == sub and item.approved_by == staff
    assert contract.title in client.get(reverse("contractors:contractor_detail", args=[sub.pk])).content.decode()
