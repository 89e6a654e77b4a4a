"""Writing rows to .xlsx sheets as inert data.

openpyxl turns any string that starts with ``=`` into a formula, so a register
entry named ``=HYPERLINK(...)`` would become a live link in the council's
workbook. Every .xlsx writer in Hogo puts its values through ``append_row`` or
``write_cell``: text is stored as a text cell (never a formula) without control
characters, numbers and dates stay what they are.
"""

from openpyxl.cell import Cell

from hogo.lib.safe_text import without_control_characters


def write_cell(cell, value):
    """Put ``value`` into an openpyxl ``cell``; text always stays text. Returns the cell."""
    if isinstance(value, str):
        cell.value = without_control_characters(value)
        cell.data_type = "s"  # openpyxl read a leading "=" as a formula
    else:
        cell.value = value
    return cell


def append_row(sheet, values):
    """Append ``values`` as the next row of ``sheet``; returns the row's cells (for styling)."""
    cells = [write_cell(Cell(sheet), value) for value in values]
    sheet.append(cells)
    return cells


def set_cell(sheet, row, column, value):
    """``sheet.cell(row, column, value)`` with ``value`` written as inert data."""
    return write_cell(sheet.cell(row=row, column=column), value)
