"""Reading tabular files (CSV, Excel) into rows keyed by column heading.

Municipalities keep their registers in spreadsheets, so every importer in Hogo
reads files through ``read_rows``. Plain Python: no Django.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from hogo.lib.safe_text import find_control_character

# Rows after the heading; importers pass the HOGO_IMPORT_MAX_ROWS setting.
MAX_ROWS = 50_000


class TableError(Exception):
    """The file cannot be read as a table; the message is for the user (Japanese)."""


@dataclass
class Row:
    number: int  # the row number as the user sees it in the file (heading = 1)
    values: dict

    def get(self, heading, default=""):
        value = self.values.get(heading, default)
        return default if value is None else str(value).strip()

    def control_character_problems(self):
        """One message per cell holding a control character: imports refuse them like forms do."""
        problems = []
        for heading, value in self.values.items():
            character = find_control_character(value) if isinstance(value, str) else None
            if character:
                problems.append(f"「{heading}」に使用できない制御文字（{character}）が含まれています")
        return problems


def _normalise_heading(value):
    return "".join(str(value or "").split())


def _decode(data):
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError("文字コードを判別できません。UTF-8 または Shift_JIS の CSV を指定してください。")


def _csv_lines(data):
    try:
        yield from csv.reader(io.StringIO(_decode(data)))
    except csv.Error as exc:
        raise TableError(f"CSV として読み込めません（{exc}）。") from None


def _xlsx_lines(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise TableError(f"Excelファイルを読み込めません（{exc.__class__.__name__}）。") from exc
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield ["" if cell is None else cell for cell in row]
    except Exception as exc:  # the sheet is parsed as it is read: malformed XML, an entity bomb (defusedxml)
        raise TableError(f"Excelファイルのシートを読み込めません（{exc.__class__.__name__}）。") from None
    finally:
        workbook.close()


def read_rows(filename, data, required=(), max_rows=MAX_ROWS):
    """Rows of a .csv or .xlsx file as ``Row`` objects keyed by the normalised headings.

    The first non-empty row is the heading row; spaces inside headings are
    ignored so 「実施機関 」 and 「実施 機関」 match 「実施機関」. Entirely empty
    rows are skipped. Raises ``TableError`` for an unreadable file or missing
    required headings, and as soon as it meets the row after ``max_rows``
    rows below the heading: the rest of the file is never read, so a sheet
    of two million rows costs no more than one just over the limit.
    """
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        lines = _csv_lines(data)
    elif suffix in (".xlsx", ".xlsm"):
        lines = _xlsx_lines(data)
    else:
        raise TableError("CSV（.csv）または Excel（.xlsx）ファイルを指定してください。")
    headings, rows = None, []
    for number, line in enumerate(lines, 1):
        if not any(str(cell).strip() for cell in line):
            continue
        if headings is None:
            headings = [_normalise_heading(cell) for cell in line]
            missing = [name for name in required if _normalise_heading(name) not in headings]
            if missing:
                raise TableError("必要な列がありません：" + "、".join(missing))
            continue
        if len(rows) == max_rows:
            raise TableError(f"行数が多すぎます（見出しを除き上限 {max_rows:,} 行）。ファイルを分けて取り込んでください。")
        rows.append(Row(number, {heading: line[i] if i < len(line) else "" for i, heading in enumerate(headings)
                                 if heading}))
    if headings is None:
        raise TableError("ファイルに行がありません。")
    return rows
