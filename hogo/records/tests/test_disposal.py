"""The disposal workflow: proposed by staff, approved by the head, checked by the privacy office, witnessed."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hogo.audit.models import AuditEntry
from hogo.disclosure.choices import AppealKind, AppealOutcome
from hogo.disclosure.models import Appeal
from hogo.records.choices import DisposalMethod, DisposalStatus
from hogo.records.models import Hold
from hogo.records.tests.helpers import colleague, disposal_list, head_of, open_request, record_file, series


@pytest.fixture
def setup(organisation, staff):
    own = organisation["own"]
    head = head_of(own)
    witness = colleague(own)
    item = record_file(series(own))  # completed 2020-03-31, 5 years: may go from 2025-04-01
    return {"own": own, "head": head, "witness": witness, "file": item}


def _record(client, listing, **data):
    post = {"method": DisposalMethod.SHREDDING, "disposed_on": "2025-04-10", **data}
    return client.post(reverse("records:disposal_record", args=[listing.pk]), post)


def _approved_list(setup, staff, **fields):
    return disposal_list(setup["own"], staff, [setup["file"]], status=DisposalStatus.APPROVED,
                         proposed_by=staff, approved_by=setup["head"], approved_on=date(2026, 4, 1), **fields)


def test_it_records_a_disposal_with_a_witness(client, staff, setup):
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk)
    assert response.status_code == 302
    listing.refresh_from_db()
    setup["file"].refresh_from_db()
    assert listing.status == DisposalStatus.DISPOSED and listing.witness == setup["witness"]
    assert setup["file"].disposed_on == date(2025, 4, 10)
    entry = AuditEntry.objects.filter(record_type="records.DisposalList", note="廃棄の実施").get()
    assert entry.changes["立会者"][1] == str(setup["witness"])


def test_it_refuses_a_disposal_without_a_witness(client, staff, setup):
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk)
    assert response.status_code == 400
    assert "立会者を指定してください。" in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == DisposalStatus.APPROVED and listing.disposed_on is None


def test_it_refuses_the_disposer_as_own_witness(client, staff, setup):
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk, witness=staff.pk)
    assert "立会者には廃棄を行う職員以外の者を指定してください。" in response.content.decode()


def test_it_refuses_a_disposal_under_a_pending_request_naming_it(client, organisation, staff, setup):
    request = open_request(organisation, setup["own"])
    Hold.objects.create(record_file=setup["file"], request=request, created_by=staff)
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk)
    assert response.status_code == 400
    assert f"請求（{request}）が処理中のため廃棄できません。" in response.content.decode()
    setup["file"].refresh_from_db()
    assert setup["file"].disposed_on is None


def test_it_keeps_the_hold_while_an_appeal_is_pending(client, organisation, staff, setup):
    request = open_request(organisation, setup["own"], closed_on=date(2025, 6, 1))
    Appeal.objects.create(request=request, kind=AppealKind.INACTION, received_on=date(2025, 7, 1),
                          outcome=AppealOutcome.PENDING)
    Hold.objects.create(record_file=setup["file"], request=request, created_by=staff)
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk)
    assert "審査請求が係属中のため廃棄できません。" in response.content.decode()


def test_it_lets_a_closed_request_go(client, organisation, staff, setup):
    request = open_request(organisation, setup["own"], closed_on=date(2025, 6, 1))
    Hold.objects.create(record_file=setup["file"], request=request, created_by=staff)
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    assert _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk).status_code == 302


def test_it_refuses_a_disposal_before_the_end_of_retention_with_the_date(client, staff, setup):
    setup["file"].completed_on = date(2025, 4, 1)  # FY2025, 5 years: kept to 2031-03-31
    setup["file"].compute_retention()
    setup["file"].save()
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk)
    assert "保存期間中です。廃棄できるのは2031年4月1日以降です。" in response.content.decode()


def test_it_refuses_a_disposal_without_approval(client, staff, setup):
    listing = disposal_list(setup["own"], staff, [setup["file"]], status=DisposalStatus.PROPOSED, proposed_by=staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk)
    assert "保護管理者（課長）の承認がないため廃棄できません。" in response.content.decode()


def test_it_needs_the_privacy_office_for_sensitive_series(client, staff, privacy, setup):
    setup["file"].series.sensitive = True
    setup["file"].series.save()
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    response = _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk)
    assert "個人情報保護担当の確認が済むまで廃棄できません。" in response.content.decode()
    client.force_login(privacy)
    assert client.post(reverse("records:disposal_privacy_check", args=[listing.pk])).status_code == 302
    client.force_login(staff)
    assert _record(client, listing, disposed_by=staff.pk, witness=setup["witness"].pk).status_code == 302


def test_it_lets_only_the_head_approve_and_not_the_proposer(client, staff, setup):
    listing = disposal_list(setup["own"], staff, [setup["file"]])
    client.force_login(staff)
    client.post(reverse("records:disposal_propose", args=[listing.pk]))
    listing.refresh_from_db()
    assert listing.status == DisposalStatus.PROPOSED
    client.post(reverse("records:disposal_approve", args=[listing.pk]))
    listing.refresh_from_db()
    assert listing.status == DisposalStatus.PROPOSED  # staff are not the head
    client.force_login(setup["head"])
    client.post(reverse("records:disposal_approve", args=[listing.pk]))
    listing.refresh_from_db()
    assert listing.status == DisposalStatus.APPROVED and listing.approved_by == setup["head"]


def test_it_refuses_to_propose_a_file_still_within_retention(client, staff, setup):
    early = record_file(setup["file"].series, title="令和7年度分", completed=date(2025, 6, 1))
    listing = disposal_list(setup["own"], staff, [early])
    client.force_login(staff)
    response = client.post(reverse("records:disposal_propose", args=[listing.pk]), follow=True)
    assert "廃棄できるのは2031年4月1日以降です。" in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == DisposalStatus.DRAFT


def test_it_answers_404_for_another_divisions_list_and_audits_it(client, staff, other_staff, setup):
    listing = _approved_list(setup, staff)
    client.force_login(other_staff)
    assert client.get(reverse("records:disposal_detail", args=[listing.pk])).status_code == 404
    assert client.post(reverse("records:disposal_record", args=[listing.pk]), {}).status_code == 404
    assert AuditEntry.objects.filter(action="denied", record_type="records.DisposalList").count() == 2


def test_it_refuses_writes_by_council_viewers_and_gets_on_post_views(client, staff, council, setup):
    listing = _approved_list(setup, staff)
    client.force_login(council)
    assert client.post(reverse("records:disposal_approve", args=[listing.pk])).status_code == 403
    assert client.get(reverse("records:index")).status_code == 200
    client.force_login(staff)
    assert client.get(reverse("records:disposal_record", args=[listing.pk])).status_code == 405


def test_it_refuses_a_disposal_dated_in_the_future(client, staff, setup):
    listing = _approved_list(setup, staff)
    client.force_login(staff)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = _record(client, listing, disposed_on=tomorrow.isoformat(), disposed_by=staff.pk,
                       witness=setup["witness"].pk)
    assert response.status_code == 400
    assert "廃棄日に今日より後の日付は指定できません。" in response.content.decode()
