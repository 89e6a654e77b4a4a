"""Demo contracts modelled on seed 004 (議題3): a 指定管理 facility, a three-year system maintenance
contract, a six-month survey contract and a contract whose contractor caused one of the seeds'
incidents, with inspections done, due and overdue relative to today. Get-or-create by title."""

from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from hogo.contractors.models import (
    Checklist, Contract, ContractIncident, Contractor, Inspection, ManagementReport, ManagementStaff, SpecialClauses,
)
from hogo.core.models import Division, User
from hogo.lib.municipal_calendar import fiscal_year

CLAUSES = Path(__file__).parent / "data" / "special_clauses.txt"
ALL_OK = {str(number): "ok" for number in range(1, 11)}


def _contractor(name, address="", representative=""):
    return Contractor.objects.get_or_create(name=name[:200], defaults={"address": address,
                                                                       "representative": representative})[0]


def _contract(title, division, contractor, starts_on, ends_on, clauses, staff, privacy, **flags):
    contract, created = Contract.objects.get_or_create(title=title, division=division, defaults={
        "contractor": contractor, "starts_on": starts_on, "ends_on": ends_on, "clauses": clauses,
        "signed_on": starts_on, "created_by": staff, **flags})
    if created:
        Checklist.objects.create(contract=contract, answers={**{str(n): "yes" for n in range(1, 8)}, "3": "not_applicable"},
                                 answered_by=staff, answered_at=timezone.now(), approved_by=privacy,
                                 approved_at=timezone.now(), head_name="課長")
        report = ManagementReport.objects.create(
            contract=contract, number=1, kind="new", reported_on=starts_on, received_on=starts_on,
            work_address=contractor.address or "受託者の本社", storage_place="施錠できる書庫及び入退室管理のあるサーバ室",
            has_handling_rules=True, created_by=staff)
        ManagementStaff.objects.bulk_create([
            ManagementStaff(report=report, role="responsible", department="業務推進部", title="部長", name="責任 太郎"),
            ManagementStaff(report=report, role="staff", department="業務推進部", title="主任", name="従事 花子")])
    return contract, created


def _inspection(contract, kind, year, inspected_on, results=None, **follow_up):
    Inspection.objects.get_or_create(contract=contract, kind=kind, fiscal_year=year, defaults={
        "inspected_on": inspected_on, "results": results or ALL_OK, "respondent": "業務推進部 主任 従事 花子",
        **follow_up})


def load(profile, stdout):
    staff = User.objects.filter(username="staff1").first()
    privacy = User.objects.filter(username="privacy").first()
    if staff is None or privacy is None:
        return
    with transaction.atomic():
        clauses = SpecialClauses.objects.filter(number=1).first() or SpecialClauses.objects.create(
            number=1, adopted_on=date(2025, 1, 16), text=CLAUSES.read_text(encoding="utf-8"))
        division = Division.objects.get(full_name=profile.staff_divisions[0])
        year = fiscal_year(timezone.localdate())
        city = profile.name
        created = 0

        facility = _contractor("公益財団法人まちづくり文化振興財団", f"{city}内", "理事長 指定 管理")
        contract, new = _contract(f"{city}民会館の指定管理", division, facility, date(year - 1, 4, 1),
                                  date(year + 4, 3, 31), clauses, staff, privacy, designated_manager=True)
        created += new
        _inspection(contract, "on_site", year - 1, date(year - 1, 10, 15), notified_on=date(year - 1, 10, 31))

        vendor = _contractor("株式会社システム保守サービス", "東京都千代田区", "代表取締役 保守 一郎")
        contract, new = _contract("健康管理システム保守業務委託（３年契約）", division, vendor, date(year - 2, 4, 1),
                                  date(year + 1, 3, 31), clauses, staff, privacy)
        created += new
        # FY year-2 done; FY year-1 never inspected (overdue); FY year on-site due.
        _inspection(contract, "document", year - 2, date(year - 1, 2, 10), notified_on=date(year - 1, 2, 20))

        survey = _contractor("株式会社市民意識調査研究所", "東京都新宿区", "代表取締役 調査 三郎")
        _, new = _contract("健康意識アンケート調査業務委託（６か月）", division, survey, date(year, 4, 1),
                           date(year, 9, 30), clauses, staff, privacy)
        created += new

        from hogo.incidents.models import Incident

        # The first of the seed's incidents that happened at a contractor (Yachiyo's; Setagaya's seeds name none).
        incident = Incident.objects.exclude(contractor="").select_related("division").order_by("learned_on").first()
        if incident is not None:
            culprit = _contractor(incident.contractor)
            contract, new = _contract(f"{incident.title[:60]}に係る委託業務", incident.division, culprit,
                                      date(year - 1, 4, 1), date(year + 1, 3, 31), clauses, staff, privacy)
            created += new
            ContractIncident.objects.get_or_create(contract=contract, incident=incident)
            _inspection(contract, "document", year - 1, date(year - 1, 12, 1), results={**ALL_OK, "6": "ng"},
                        remarks={"6": "漏えい等の防止措置（送付前の複数人確認）が徹底されていない"},
                        notified_on=date(year - 1, 12, 10), improvement_requested_on=date(year - 1, 12, 10))
    stdout.write(f"委託先の監督：契約 {Contract.objects.count()}件（うち新規 {created}件）を用意しました。")
