"""`hogo import-organisation` on hostile or oversized sheets: a Japanese message, never a traceback (issue #19)."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from hogo.core.models import Division
from hogo.core.organisation_import import import_organisation
from hogo.lib.tables import TableError

MALFORMED = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<dimension ref="A1:C2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>課</t></is></c></row').encode()
BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lollollollollollollollollollol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>実施機関</t></is></c><c r="B1" t="inlineStr"><is><t>部</t></is></c>
<c r="C1" t="inlineStr"><is><t>課</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&lol8;</t></is></c><c r="B2" t="inlineStr"><is><t>総務部</t></is></c>
<c r="C2" t="inlineStr"><is><t>区政情報課</t></is></c></row>
</sheetData></worksheet>""".encode()


def _xlsx_with_sheet(sheet_xml):
    """A real workbook whose first sheet's XML is replaced by ``sheet_xml``.

    The sheet starts with <dimension> as Excel writes it, so openpyxl opens the
    workbook and meets the bad XML only while reading the rows.
    """
    workbook = Workbook()
    workbook.active.append(["実施機関", "部", "課"])
    original = io.BytesIO()
    workbook.save(original)
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for item in source.infolist():
            data = sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            target.writestr(item, data)
    return rebuilt.getvalue()


def test_it_refuses_malformed_sheet_xml_with_a_japanese_message(db):
    with pytest.raises(TableError, match="Excelファイルのシートを読み込めません"):
        import_organisation("org.xlsx", _xlsx_with_sheet(MALFORMED))
    assert not Division.objects.exists()


def test_it_refuses_an_entity_bomb_without_expanding_it(db):
    with pytest.raises(TableError, match="Excelファイルを読み込めません") as error:
        import_organisation("org.xlsx", _xlsx_with_sheet(BOMB))
    # openpyxl parses with defusedxml when it is installed: the DTD's entities are refused outright.
    assert type(error.value.__cause__.__cause__).__name__ == "EntitiesForbidden"


def test_it_answers_the_command_without_a_traceback(db, tmp_path):
    path = tmp_path / "org.xlsx"
    path.write_bytes(_xlsx_with_sheet(MALFORMED))
    with pytest.raises(CommandError, match="Excelファイルのシートを読み込めません"):
        call_command("import_organisation", str(path))


def test_it_reports_values_longer_than_the_database_column_by_row_and_column(db):
    sheet = ("実施機関,部,課,正式名称,電話番号\n"
             f"区長,総務部,区政情報課,{'長' * 201},03-5432-1111\n"
             f"区長,総務部,広報課,,{'0' * 31}\n")
    report = import_organisation("org.csv", sheet.encode())
    assert report.errors == [(2, "「正式名称」が200文字を超えています"), (3, "「電話番号」が30文字を超えています")]
    assert not Division.objects.exists()


def test_it_refuses_a_control_character_with_its_row_and_column(db):
    data = "実施機関,部,課\n区長,総務部,区政\x01情報課\n".encode()
    report = import_organisation("organisation.csv", data)
    assert report.errors == [(2, "「課」に使用できない制御文字（U+0001）が含まれています")]
    assert not Division.objects.exists()
