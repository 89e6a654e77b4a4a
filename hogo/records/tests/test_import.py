"""Importing an existing file list: all rows or none, row-level Japanese messages, a dry run."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from hogo.audit.models import AuditEntry
from hogo.records.models import RecordFile
from hogo.records.tests.helpers import series


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("簿冊一覧.xlsx", buffer.getvalue())


HEAD = ["文書の分類", "簿冊の名称", "完結日", "保管場所"]


def test_it_imports_every_row_with_computed_dates(client, organisation, staff):
    series(organisation["own"], name="精神保健相談記録")
    client.force_login(staff)
    upload = _xlsx([HEAD, ["精神保健相談記録", "平成30年度終結分", date(2019, 3, 29), "書庫"],
                    ["精神保健相談記録", "令和6年度終結分", "2025/3/31", ""]])
    response = client.post(reverse("records:file_import"), {"file": upload})
    assert response.status_code == 302
    files = {item.title: item for item in RecordFile.objects.all()}
    assert files["平成30年度終結分"].disposal_allowed_from == date(2024, 4, 1)  # 報告第360号: 令和6年3月廃棄
    assert files["平成30年度終結分"].storage_place == "store"
    assert files["令和6年度終結分"].retention_ends == date(2030, 3, 31)
    assert AuditEntry.objects.filter(action="import", record_type="records.RecordFile").exists()


def test_it_imports_nothing_when_one_row_is_wrong_and_names_the_row(client, organisation, staff):
    series(organisation["own"], name="精神保健相談記録")
    client.force_login(staff)
    upload = _xlsx([HEAD, ["精神保健相談記録", "良い行", "2025-03-31", ""],
                    ["存在しない分類", "悪い行", "2025-13-01", "倉庫"]])
    response = client.post(reverse("records:file_import"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "文書の分類「存在しない分類」がこの課に登録されていません" in page
    assert "完結日：日付「2025-13-01」を読めません" in page
    assert "保管場所「倉庫」は 執務室・書庫・システム のいずれかにしてください" in page
    assert "<td class=\"num\">3</td>" in page
    assert not RecordFile.objects.exists()


def test_it_only_checks_on_a_dry_run(client, organisation, staff):
    series(organisation["own"], name="精神保健相談記録")
    client.force_login(staff)
    upload = _xlsx([HEAD, ["精神保健相談記録", "良い行", "2025-03-31", ""]])
    response = client.post(reverse("records:file_import"), {"file": upload, "dry_run": "on"})
    assert response.status_code == 200
    assert "誤りはありません" in response.content.decode()
    assert not RecordFile.objects.exists()


def test_it_refuses_another_divisions_rows(client, organisation, staff):
    series(organisation["other"], name="精神保健相談記録")
    client.force_login(staff)
    upload = _xlsx([HEAD + ["所管課"], ["精神保健相談記録", "行", "2025-03-31", "", organisation["other"].full_name]])
    response = client.post(reverse("records:file_import"), {"file": upload})
    assert "他の課の簿冊は取り込めません" in response.content.decode()
    assert not RecordFile.objects.exists()
