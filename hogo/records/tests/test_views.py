"""Series, files, holding papers and the yearly report through their pages."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from hogo.audit.models import AuditEntry
from hogo.records.choices import DisposalMethod, DisposalStatus
from hogo.records.models import HoldingPaper, RecordFile, RecordSeries
from hogo.records.tests.helpers import colleague, disposal_list, record_file, series


def test_it_creates_a_series_and_a_file_with_its_disposal_date(client, organisation, staff):
    client.force_login(staff)
    response = client.post(reverse("records:series_create"), {
        "division": organisation["own"].pk, "name": "自立支援医療（精神通院）申請書類", "retention_years": 5,
        "start_rule": "next_fiscal_year", "storage_place": "office", "medium": "paper", "sensitive": "on"})
    assert response.status_code == 302
    created = RecordSeries.objects.get()
    response = client.post(reverse("records:file_create"), {
        "series": created.pk, "title": "令和6年度申請分", "completed_on": "2025-03-31", "storage_place": "office"})
    assert response.status_code == 302
    item = RecordFile.objects.get()
    assert (item.retention_ends, item.disposal_allowed_from) == (date(2030, 3, 31), date(2030, 4, 1))
    assert AuditEntry.objects.filter(action="create", record_type="records.RecordFile").exists()


def test_it_recomputes_files_when_the_series_period_changes(client, organisation, staff):
    own_series = series(organisation["own"])
    item = record_file(own_series, completed=date(2025, 3, 31))
    client.force_login(staff)
    response = client.post(reverse("records:series_edit", args=[own_series.pk]), {
        "division": organisation["own"].pk, "name": own_series.name, "retention_years": 10,
        "start_rule": "next_fiscal_year", "storage_place": "office", "medium": "paper", "version": 1})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.disposal_allowed_from == date(2035, 4, 1)


def test_it_keeps_staff_to_their_own_division(client, organisation, staff, other_staff):
    item = record_file(series(organisation["own"]))
    client.force_login(other_staff)
    assert client.get(reverse("records:file_detail", args=[item.pk])).status_code == 404
    assert client.get(reverse("records:series_detail", args=[item.series_id])).status_code == 404
    assert item.title not in client.get(reverse("records:index")).content.decode()
    response = client.post(reverse("records:series_create"), {
        "division": organisation["own"].pk, "name": "他課の分類", "retention_years": 5,
        "start_rule": "next_fiscal_year", "storage_place": "office", "medium": "paper"})
    assert response.status_code == 400 and not RecordSeries.objects.filter(name="他課の分類").exists()


def test_it_destroys_held_papers_only_after_the_check_and_with_a_second_person(client, organisation, staff):
    paper = HoldingPaper.objects.create(
        division=organisation["own"], description="自立支援医療診断書（写し）", application="自立支援医療費支給認定申請",
        received_on=date(2025, 3, 28), place="課内一時保管棚", destroy_from=date(2025, 5, 13), registered_by=staff)
    checker = colleague(organisation["own"])
    client.force_login(staff)
    url = reverse("records:holding_destroy", args=[paper.pk])
    response = client.post(url, {"destroyed_on": "2025-05-20", "second_checker": checker.pk})
    assert "「東京都の審査」が済んでいないため廃棄できません。" in response.content.decode()
    paper.check_done_on = date(2025, 5, 13)
    paper.save()
    response = client.post(url, {"destroyed_on": "2025-05-20"})
    assert "廃棄前の確認者（2人目）を指定してください。" in response.content.decode()
    assert client.post(url, {"destroyed_on": "2025-05-20", "second_checker": checker.pk}).status_code == 302
    paper.refresh_from_db()
    assert paper.destroyed_on == date(2025, 5, 20) and paper.second_checker == checker


@pytest.fixture
def disposed(organisation, staff):
    own = organisation["own"]
    item = record_file(series(own, name="精神保健相談記録"), title="平成30年度終結分", completed=date(2019, 3, 29))
    listing = disposal_list(own, staff, [item], year=2025, status=DisposalStatus.DISPOSED,
                            method=DisposalMethod.DISSOLUTION, disposed_on=date(2025, 7, 3), disposed_by=staff,
                            witness=colleague(own), contractor="溶解処理株式会社")
    RecordFile.objects.filter(pk=item.pk).update(disposed_on=date(2025, 7, 3))
    return item


def test_it_reports_the_year_as_xlsx_and_docx_for_the_privacy_office(client, privacy, disposed):
    client.force_login(privacy)
    page = client.get(reverse("records:report"), {"year": 2025}).content.decode()
    assert "令和7年度 文書の廃棄及び可搬媒体の管理状況" in page and "平成30年度終結分" in page
    response = client.get(reverse("records:report"), {"year": 2025, "format": "xlsx"})
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["集計"].iter_rows(values_only=True))
    assert rows[2][:4] == ("区長", "世田谷総合支所保健福祉センター健康づくり課", 0, 1)
    assert workbook["廃棄した簿冊"]["C2"].value == "平成30年度終結分"
    response = client.get(reverse("records:report"), {"year": 2025, "format": "docx"})
    document = Document(io.BytesIO(response.content))
    assert round(document.sections[0].page_width.mm) == 297  # A4 landscape
    assert any("平成30年度終結分" in cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert AuditEntry.objects.filter(action="export", record_type="records.RecordFile").count() == 2


def test_it_keeps_the_report_from_council_viewers_and_other_divisions(client, council, other_staff, disposed):
    client.force_login(council)
    assert client.get(reverse("records:report"), {"year": 2025}).status_code == 403
    client.force_login(other_staff)
    assert "平成30年度終結分" not in client.get(reverse("records:report"), {"year": 2025}).content.decode()
