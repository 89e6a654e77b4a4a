"""Inspections: the web form with its ten items, the follow-up, attachments, and importing the contractor's sheet."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from hogo.audit.models import AuditEntry
from hogo.contractors import documents
from hogo.contractors.models import Inspection


def items(**results):
    data = {f"item{n}": "ok" for n in range(1, 11)}
    data.update({f"item{key[1:]}": value for key, value in results.items()})
    return data


def test_it_records_an_inspection_with_one_failed_item_and_follows_it_up(client, staff, contract):
    client.force_login(staff)
    response = client.post(reverse("contractors:inspection_create", args=[contract.pk]), {
        "kind": "document", "fiscal_year": "2025", "inspected_on": "2025-11-20", "respondent": "システム部 部長 佐藤一郎",
        **items(n6="ng"), "remark6": "サーバ室の施錠記録がない"})
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert inspection.failed_items == [6] and inspection.remarks == {"6": "サーバ室の施錠記録がない"}
    assert inspection.open_steps() == ["検査結果の委託先への通知", "改善報告書の提出依頼", "改善報告書の受領"]
    url = reverse("contractors:inspection_follow_up", args=[inspection.pk])
    client.post(url, {"notified_on": "2025-11-25", "improvement_requested_on": "2025-11-25", "version": "1"})
    inspection.refresh_from_db()
    assert inspection.open_steps() == ["改善報告書の受領"]
    response = client.post(url, {"notified_on": "2025-11-25", "improvement_requested_on": "2025-11-25",
                                 "improvement_received_on": "2025-12-10", "improvement_summary": "施錠記録簿を備えた",
                                 "version": "1"})
    assert response.status_code == 409  # version 1 was already used
    client.post(url, {"notified_on": "2025-11-25", "improvement_requested_on": "2025-11-25",
                      "improvement_received_on": "2025-12-10", "improvement_summary": "施錠記録簿を備えた",
                      "version": str(inspection.version)})
    inspection.refresh_from_db()
    assert inspection.is_closed
    assert AuditEntry.objects.filter(record_type="contractors.Inspection", action="update").count() == 2


def test_it_refuses_a_receipt_before_a_request(client, staff, contract):
    inspection = Inspection.objects.create(contract=contract, kind="document", fiscal_year=2025,
                                           inspected_on=date(2025, 11, 20), results={"1": "ng"})
    client.force_login(staff)
    response = client.post(reverse("contractors:inspection_follow_up", args=[inspection.pk]),
                           {"improvement_received_on": "2025-12-10", "version": "1"})
    assert response.status_code == 400
    assert "提出依頼日を記録してください" in response.content.decode()


def test_it_keeps_another_division_out_of_inspections(client, other_staff, contract):
    inspection = Inspection.objects.create(contract=contract, kind="document", fiscal_year=2025,
                                           inspected_on=date(2025, 11, 20))
    client.force_login(other_staff)
    assert client.get(inspection.get_absolute_url()).status_code == 404
    assert client.get(reverse("contractors:inspection_document", args=[inspection.pk, "docx"])).status_code == 404


def test_it_accepts_the_contractors_own_form_as_an_attachment(client, staff, contract, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    base = {"kind": "document", "fiscal_year": "2025", "inspected_on": "2025-11-20"}
    refused = client.post(reverse("contractors:inspection_create", args=[contract.pk]),
                          {**base, "upload": SimpleUploadedFile("自己点検.exe", b"MZ")})
    assert refused.status_code == 400 and "受け付けられないファイル形式" in refused.content.decode()
    settings.HOGO_MAX_UPLOAD_BYTES = 10
    too_big = client.post(reverse("contractors:inspection_create", args=[contract.pk]),
                          {**base, "upload": SimpleUploadedFile("自己点検.pdf", b"%PDF-" + b"x" * 20)})
    assert too_big.status_code == 400 and "ファイルが大きすぎます" in too_big.content.decode()
    settings.HOGO_MAX_UPLOAD_BYTES = 1000
    client.post(reverse("contractors:inspection_create", args=[contract.pk]),
                {**base, "upload": SimpleUploadedFile("自己点検（令和7年度）.pdf", b"%PDF-1.4")})
    inspection = Inspection.objects.get()
    assert inspection.attachment_name == "自己点検（令和7年度）.pdf" and inspection.attachment.name.endswith(".pdf")
    response = client.get(reverse("contractors:inspection_attachment", args=[inspection.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4"


def filled_sheet(contract, results, reported_on="2025-11-20"):
    """The blank sheet Hogo hands out, filled in as a contractor would."""
    workbook = load_workbook(io.BytesIO(documents.inspection_xlsx("document", contract)))
    sheet = workbook.active
    for row in sheet.iter_rows(min_row=2):
        if isinstance(row[0].value, int) and row[0].value in results:
            row[3].value = results[row[0].value]
        if row[0].value == "報告日":
            row[1].value = reported_on
        if row[0].value == "受託者検査対応者":
            row[1].value = "システム部 主任 鈴木花子"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("検査書.xlsx", buffer.getvalue())


ALL_OK = {n: "適" for n in range(1, 11)}


def test_it_imports_the_contractors_filled_in_sheet(client, staff, contract):
    client.force_login(staff)
    url = reverse("contractors:inspection_import", args=[contract.pk])
    dry = client.post(url, {"file": filled_sheet(contract, {**ALL_OK, 4: "否"}), "dry_run": "on"})
    assert dry.status_code == 200 and "誤りはありません" in dry.content.decode()
    assert not Inspection.objects.exists()
    client.post(url, {"file": filled_sheet(contract, {**ALL_OK, 4: "否"})})
    inspection = Inspection.objects.get()
    assert (inspection.kind, inspection.fiscal_year, inspection.inspected_on) == ("document", 2025, date(2025, 11, 20))
    assert inspection.failed_items == [4] and inspection.respondent == "システム部 主任 鈴木花子"
    assert AuditEntry.objects.filter(action="import", record_type="contractors.Inspection").exists()


@pytest.mark.parametrize("results, reported_on, message", [
    ({**ALL_OK, 3: "たぶん"}, "2025-11-20", "4行目: №3 の実施状況は「適」か「否」を記入してください"),
    ({n: "適" for n in range(1, 10)}, "2025-11-20", "№10 の実施状況は「適」か「否」を記入してください"),
    (ALL_OK, "11月20日", "報告日「11月20日」を日付として読めません"),
])
def test_it_imports_nothing_from_a_sheet_with_a_bad_row(client, staff, contract, results, reported_on, message):
    client.force_login(staff)
    response = client.post(reverse("contractors:inspection_import", args=[contract.pk]),
                           {"file": filled_sheet(contract, results, reported_on)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Inspection.objects.exists()


def test_it_refuses_control_characters_in_a_csv_sheet(client, staff, contract):
    lines = ["№,点検項目,点検事項,実施状況,備考"] + [f"{n},,,適," for n in range(1, 10)] + ["10,,,適,鍵\x0b", "報告日,2025-11-20"]
    client.force_login(staff)
    response = client.post(reverse("contractors:inspection_import", args=[contract.pk]),
                           {"file": SimpleUploadedFile("検査書.csv", "\n".join(lines).encode())})
    assert response.status_code == 400
    assert "11行目: 「備考」に使用できない制御文字（U+000B）" in response.content.decode()
    assert not Inspection.objects.exists()


def test_it_downloads_the_yearly_list_for_the_council(client, privacy, contract, approved):
    contract.signed_on = date(2025, 3, 1)
    contract.save()
    Inspection.objects.create(contract=contract, kind="document", fiscal_year=2025, inspected_on=date(2025, 11, 20),
                              results={str(n): "ok" for n in range(1, 11)}, notified_on=date(2025, 11, 25))
    client.force_login(privacy)
    response = client.get(reverse("contractors:yearly") + "?year=2025&format=xlsx")
    assert "attachment" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[2][:3] == ("実施機関", "所管課", "契約件名")
    assert rows[3][2] == contract.title and rows[3][7] == "実施済"
    html = client.get(reverse("contractors:yearly") + "?year=2027").content.decode()
    assert "実地検査" in html and "未実施" in html
