import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from hogo.core.models import Agency, Department, Division
from hogo.core.organisation_import import import_organisation

GOOD = "実施機関,部,課,電話番号\n区長,総務部,区政情報課,03-5432-1111\n教育委員会,教育委員会事務局,学務課,\n"


def test_it_imports_a_good_csv(db):
    report = import_organisation("org.csv", GOOD.encode())
    assert report.ok and report.rows == 2
    division = Division.objects.get(full_name="総務部区政情報課")
    assert division.agency.name == "区長" and division.phone == "03-5432-1111"
    assert Division.objects.get(full_name="教育委員会事務局学務課").agency.name == "教育委員会"


def test_it_imports_nothing_when_one_row_is_bad(db):
    bad = GOOD + "区長,,障害施策推進課\n区長,総務部,区政情報課\n"
    report = import_organisation("org.csv", bad.encode())
    assert report.errors == [
        (4, "「部」が空欄です"),
        (5, "課「総務部区政情報課」が2行目と重複しています"),
    ]
    assert not Division.objects.exists() and not Agency.objects.exists() and not Department.objects.exists()


def test_it_reads_excel_in_any_column_order_and_shift_jis_csv(db):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["課", "部", "実施 機関"])
    sheet.append(["学務課", "教育委員会事務局", "教育委員会"])
    data = io.BytesIO()
    workbook.save(data)
    assert import_organisation("org.xlsx", data.getvalue()).ok
    assert import_organisation("org.csv", GOOD.encode("cp932")).ok
    assert Division.objects.count() == 2


def test_it_is_safe_to_run_twice(db):
    import_organisation("org.csv", GOOD.encode())
    assert import_organisation("org.csv", GOOD.encode()).ok
    assert Division.objects.count() == 2


def test_the_command_reports_bad_rows_and_exits_with_an_error(db, tmp_path, capsys):
    path = tmp_path / "org.csv"
    path.write_text("実施機関,部\n区長,総務部\n", encoding="utf-8")
    with pytest.raises(CommandError, match="必要な列がありません：課"):
        call_command("import_organisation", str(path))
    path.write_text(GOOD + ",総務部,課X\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1行に誤りがある"):
        call_command("import_organisation", str(path))
    assert "4行目: 「実施機関」が空欄です" in capsys.readouterr().err
    assert not Division.objects.exists()
