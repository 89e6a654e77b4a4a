import io

import pytest
from openpyxl import Workbook

from hogo.lib import tables
from hogo.lib.tables import TableError, read_rows


def test_it_stops_at_the_row_after_the_limit_without_reading_the_rest(monkeypatch):
    read = []

    def two_million_lines(data):
        yield ["名称", "所管課"]
        for number in range(2_000_000):
            read.append(number)
            yield [f"事務{number}", "健康づくり課"]

    monkeypatch.setattr(tables, "_csv_lines", two_million_lines)
    with pytest.raises(TableError, match="上限 100 行"):
        read_rows("register.csv", b"", max_rows=100)
    assert len(read) == 101  # the limit and the one row that proves it was passed


def test_it_reads_a_sheet_of_exactly_the_limit_and_refuses_one_more():
    def sheet(rows):
        workbook = Workbook()
        workbook.active.append(["名称"])
        for number in range(rows):
            workbook.active.append([f"事務{number}"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    assert len(read_rows("register.xlsx", sheet(50), max_rows=50)) == 50
    with pytest.raises(TableError) as refused:
        read_rows("register.xlsx", sheet(51), max_rows=50)
    assert str(refused.value) == "行数が多すぎます（見出しを除き上限 50 行）。ファイルを分けて取り込んでください。"


def test_it_keeps_the_row_numbers_the_user_sees_and_skips_empty_rows():
    data = "\n名称,所管課\n事務A,健康づくり課\n,\n事務B,学務課\n".encode()
    rows = read_rows("register.csv", data, required=("名称",))
    assert [(row.number, row.get("名称")) for row in rows] == [(3, "事務A"), (5, "事務B")]
    with pytest.raises(TableError, match="必要な列がありません：記録項目"):
        read_rows("register.csv", data, required=("記録項目",))
