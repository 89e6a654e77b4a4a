import io

import pytest
from openpyxl import load_workbook

from hogo.core import demo as core_demo


class _Quiet:
    def write(self, text):
        pass


@pytest.fixture
def setagaya(db):
    """The Setagaya demo organisation, users and the registers demo (seed 001/002 reviews)."""
    from hogo.registers import demo

    profile = core_demo.PROFILES["setagaya"]
    core_demo.load(profile, _Quiet())
    demo.load(profile, _Quiet())
    return profile


@pytest.fixture
def yachiyo(db):
    from hogo.registers import demo

    profile = core_demo.PROFILES["yachiyo"]
    core_demo.load(profile, _Quiet())
    demo.load(profile, _Quiet())
    return profile


def sheet_rows(data, sheet=0):
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    worksheet = workbook.worksheets[sheet] if isinstance(sheet, int) else workbook[sheet]
    return [list(row) for row in worksheet.iter_rows(values_only=True)]


def table_after(rows, title, width):
    """The lines of the table printed under the row whose first cell contains ``title``."""
    start = next(i for i, row in enumerate(rows) if row[0] and title in str(row[0]))
    lines = []
    for row in rows[start + 2:]:
        if not row or row[0] is None or str(row[0]).startswith("※"):
            break
        lines.append(tuple(row[:width]))
    return lines
