import io

import pytest
from openpyxl import Workbook

from hogo.audit.models import AuditEntry
from hogo.registers.importing import SPECS, TableError, export_rows, import_table
from hogo.registers.models import Review, UseProvisionRecord
from hogo.registers.tests.conftest import sheet_rows
from hogo.registers import documents

SEED_HEADINGS = ["No", "委託の内容", "担当部課", "実施機関", "要配慮個人情報 (有/無)", "条例要配慮個人情報 (有/無)"]


def xlsx(lines):
    workbook = Workbook()
    for line in lines:
        workbook.active.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(lines):
    return "\n".join(",".join(line) for line in lines).encode("utf-8")


@pytest.fixture
def good_lines(organisation):
    return [SEED_HEADINGS,
            ["1", "ひととき保育の委託", "世田谷総合支所保健福祉センター健康づくり課", "区長", "有", "有"],
            ["2", "健診受診者の血液検査", "北沢総合支所保健福祉センター 健康づくり課", "区長", "有", "無"],
            ["3", "児童生徒等の検診業務委託", "教育委員会事務局学務課", "教育委員会", "有", "無"]]


def test_it_imports_a_good_file_with_the_seeds_headings(good_lines, privacy):
    result = import_table(SPECS["reviews"], "list.xlsx", xlsx(good_lines), apply=True, user=privacy,
                          defaults={"criterion": "outsourcing"})
    assert result.ok and result.created == 3
    review = Review.objects.get(number=2)
    assert review.criterion == "outsourcing" and review.sensitive and not review.ordinance_sensitive
    assert review.division.full_name == "北沢総合支所保健福祉センター健康づくり課"
    entry = AuditEntry.objects.get(action="import")
    assert entry.user == privacy and "3件" in entry.note


def test_it_imports_nothing_when_one_row_is_bad_and_reports_the_row(good_lines, privacy):
    good_lines.insert(2, ["9", "誤りのある行", "存在しない課", "区長", "たぶん", "無"])
    result = import_table(SPECS["reviews"], "list.csv", csv_bytes(good_lines), apply=True, user=privacy,
                          defaults={"criterion": "outsourcing"})
    assert not result.ok and not result.applied
    assert [number for number, _ in result.errors] == [3]
    message = result.errors[0][1]
    assert "存在しない課" in message and "たぶん" in message
    assert Review.objects.count() == 0
    assert not AuditEntry.objects.filter(action="import").exists()


def test_it_reports_a_missing_required_field_and_a_wrong_agency(good_lines):
    good_lines[1][1] = ""
    good_lines[3][3] = "区長"
    result = import_table(SPECS["reviews"], "list.xlsx", xlsx(good_lines), apply=False,
                          defaults={"criterion": "outsourcing"})
    assert dict(result.errors) == {
        2: "「内容」が空欄です",
        4: "実施機関「区長」と課「教育委員会事務局学務課」の実施機関（教育委員会）が一致しません",
    }


def test_it_accepts_a_different_column_order_and_a_dry_run_writes_nothing(good_lines):
    order = [5, 3, 1, 0, 4, 2]
    shuffled = [[line[i] for i in order] for line in good_lines]
    dry = import_table(SPECS["reviews"], "list.xlsx", xlsx(shuffled), apply=False, defaults={"criterion": "outsourcing"})
    assert dry.ok and dry.rows == 3 and not dry.applied and Review.objects.count() == 0
    result = import_table(SPECS["reviews"], "list.xlsx", xlsx(shuffled), apply=True, defaults={"criterion": "outsourcing"})
    assert result.created == 3
    assert Review.objects.get(number=1).ordinance_sensitive


def test_it_refuses_a_file_without_the_required_columns(organisation):
    with pytest.raises(TableError, match="審査基準"):
        import_table(SPECS["reviews"], "list.xlsx", xlsx([SEED_HEADINGS, ["1", "x", "総務部区政情報課", "区長", "有", "無"]]),
                     apply=False)


def test_it_refuses_a_legal_basis_that_does_not_fit_the_kind(organisation):
    lines = [["区分", "保有課", "利用・提供日", "根拠", "利用課・提供先"],
             ["外部提供", "総務部区政情報課", "2024-05-01", "法第69条第2項第2号", "警察署"],
             ["外部提供", "総務部区政情報課", "令和6年5月2日", "その他の法令", "警察署"]]
    result = import_table(SPECS["uses"], "uses.xlsx", xlsx(lines), apply=True)
    assert [number for number, _ in result.errors] == [2] and "該当しません" in result.errors[0][1]
    assert UseProvisionRecord.objects.count() == 0


def test_it_exports_with_headings_the_importer_reads_back(good_lines):
    import_table(SPECS["reviews"], "list.xlsx", xlsx(good_lines), apply=True, defaults={"criterion": "outsourcing"})
    headings, rows = export_rows(SPECS["reviews"], Review.objects.all())
    data = documents.write_xlsx(headings, rows, "審査")
    assert sheet_rows(data)[0][:4] == ["No", "審査基準", "提供先", "内容"]
    Review.objects.all().delete()
    again = import_table(SPECS["reviews"], "export.xlsx", data, apply=True)
    assert again.ok and again.created == 3
    assert Review.objects.filter(criterion="outsourcing", decision="").count() == 3


def test_it_refuses_a_control_character_in_any_cell_with_its_row(good_lines, privacy):
    good_lines[2][1] = "健診受診者の\x0b血液検査"
    result = import_table(SPECS["reviews"], "list.csv", csv_bytes(good_lines), apply=True, user=privacy,
                          defaults={"criterion": "outsourcing"})
    assert not result.ok and not Review.objects.exists()
    assert result.errors == [(3, "「委託の内容」に使用できない制御文字（U+000B）が含まれています")]
