"""Registers after the legal review (issue 11): 法第75条 (file register) and 法第69条第2項第4号."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from hogo.registers import documents, reports
from hogo.registers.importing import SPECS, export_rows, import_table
from hogo.registers.models import PersonalInfoFile, Review, UseProvisionRecord
from hogo.registers.tests.conftest import sheet_rows
from hogo.registers.tests.test_import import xlsx

FILE = {"purpose": "健診", "record_items": "氏名、国籍", "record_scope": "受診者", "collection_method": "本人",
        "request_office": "総務部区政情報課", "registered_on": date(2023, 4, 1)}


def test_it_publishes_that_a_file_holds_ordinance_sensitive_information(client, organisation):
    # 法第75条第4項: for a local government's files, 第1項's items include
    # 「記録情報に条例要配慮個人情報が含まれているときは、その旨」.
    PersonalInfoFile.objects.create(name="外国人住民健診ファイル", division=organisation["own"],
                                    has_ordinance_sensitive=True, **FILE)
    text = client.get(reverse("registers:public_files")).content.decode()
    assert "条例要配慮個人情報が含まれる" in text


def test_it_says_when_a_file_holds_no_ordinance_sensitive_information(client, organisation):
    PersonalInfoFile.objects.create(name="健康診査受診者ファイル", division=organisation["own"], **FILE)
    text = client.get(reverse("registers:public_files")).content.decode()
    assert "条例要配慮個人情報が含まれる" not in text and "<dt>条例要配慮個人情報</dt>" in text


def test_it_records_ordinance_sensitive_information_through_the_form(client, privacy, organisation):
    client.force_login(privacy)
    data = {**FILE, "name": "DV相談ファイル", "division": organisation["own"].pk, "registered_on": "2023-04-01",
            "has_ordinance_sensitive": "on"}
    assert client.post(reverse("registers:file_create"), data).status_code == 302
    assert PersonalInfoFile.objects.get().has_ordinance_sensitive is True


def test_it_imports_and_exports_the_ordinance_sensitive_column(organisation):
    # 法第75条第4項 in the register's own words as a heading.
    lines = [["個人情報ファイルの名称", "所管課", "利用目的", "記録項目", "記録範囲", "記録情報の収集方法",
              "要配慮個人情報", "条例要配慮個人情報が含まれているときはその旨", "開示・訂正・利用停止請求を受理する組織",
              "登録日"],
             ["DV相談ファイル", "総務部区政情報課", "相談", "氏名", "相談者", "本人", "無", "有", "総務部区政情報課",
              "2023-04-01"]]
    result = import_table(SPECS["files"], "files.xlsx", xlsx(lines), apply=True)
    assert result.errors == []
    assert PersonalInfoFile.objects.get().has_ordinance_sensitive is True
    headings, rows = export_rows(SPECS["files"], PersonalInfoFile.objects.all())
    assert "条例要配慮個人情報" in headings
    assert list(rows)[0][headings.index("条例要配慮個人情報")] in ("有", True)


def test_it_cites_article_75_2_and_75_3_for_not_publishing_a_file():
    # 法第75条第2項 (files under 第74条第2項, e.g. fewer than 1,000 persons) and 第3項; 第4項 is the
    # 条例要配慮個人情報 item, not a ground for leaving a file out.
    help_text = PersonalInfoFile._meta.get_field("excluded_from_publication").help_text
    assert "第75条第2項" in help_text and "第3項" in help_text and "第4項" not in help_text


# 法第69条第2項第4号: 「…保有個人情報を提供するとき」 — provision only.
@pytest.mark.parametrize("kind, basis, allowed", [
    ("internal_use", "art69_2_4", False),
    ("provision", "art69_2_4", True),
    ("internal_use", "art69_2_2", True),
])
def test_it_allows_article_69_2_4_only_for_a_provision(client, privacy, organisation, kind, basis, allowed):
    client.force_login(privacy)
    data = {"kind": kind, "division": organisation["own"].pk, "occurred_on": "2024-05-01", "legal_basis": basis,
            "counterpart": "大学（統計の作成）"}
    response = client.post(reverse("registers:use_create"), data)
    assert (response.status_code == 302) is allowed
    assert UseProvisionRecord.objects.count() == (1 if allowed else 0)


def test_it_refuses_an_internal_use_review_on_article_69_2_4(client, privacy, organisation):
    client.force_login(privacy)
    data = {"content": "統計の作成に利用する", "division": organisation["own"].pk,
            "using_division": organisation["other"].pk, "legal_basis": "art69_2_4", "reviewer": "区政 情報子"}
    response = client.post(reverse("registers:review_create", args=["internal_use"]), data)
    assert response.status_code == 200 and Review.objects.count() == 0


def test_it_refuses_an_internal_use_on_article_69_2_4_in_an_import(organisation):
    lines = [["区分", "保有課", "利用・提供日", "根拠", "利用課・提供先"],
             ["目的外利用", "総務部区政情報課", "2024-05-01", "法第69条第2項第4号", "健康づくり課"]]
    result = import_table(SPECS["uses"], "uses.xlsx", xlsx(lines), apply=True)
    assert [number for number, _ in result.errors] == [2] and "該当しません" in result.errors[0][1]


def test_the_database_refuses_an_internal_use_on_article_69_2_4(organisation):
    with pytest.raises(IntegrityError), transaction.atomic():
        UseProvisionRecord.objects.create(kind="internal_use", division=organisation["own"], occurred_on=date(2024, 5, 1),
                                          legal_basis="art69_2_4", counterpart="健康づくり課")


def test_yachiyos_table_keeps_the_empty_article_69_2_4_column_for_internal_use(yachiyo):
    # Seed 004 prints 「法第69条第2項第4号」 among the 目的外利用 columns (all 0).
    report = reports.register_report(2023, 2024, 2024)
    data = documents.register_report_xlsx(report)
    flat = [cell for row in sheet_rows(data, 0) for cell in row if cell]
    assert flat.count("法第69条第2項第4号") >= 2
