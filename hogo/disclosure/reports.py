"""The annual statistics from the database, and their .xlsx and .docx files."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from hogo.core.models import Agency, Municipality
from hogo.disclosure import statistics
from hogo.disclosure.models import Appeal, Decision, Request, RequestSettings
from hogo.lib.municipal_calendar import fiscal_year_bounds, wareki_fiscal_year
from hogo.lib.safe_text import printable
from hogo.lib.spreadsheets import set_cell


def _extension(request):
    if request.special_extension:
        return statistics.OVER_30
    return statistics.UP_TO_30 if request.extension_days else ""


def facts_for_year(year):
    """Fact rows of fiscal year ``year``: requests received in it, their decisions, appeals received in it."""
    first, last = fiscal_year_bounds(year)
    requests = Request.objects.filter(received_on__range=(first, last)).select_related("agency")
    decisions = Decision.objects.filter(request__received_on__range=(first, last)).select_related("request__agency")
    appeals = Appeal.objects.filter(received_on__range=(first, last)).select_related("request")
    return statistics.Facts(
        requests=tuple(statistics.RequestFact(r.agency.name, r.kind, r.requester_key(), _extension(r))
                       for r in requests),
        decisions=tuple(statistics.DecisionFact(d.request.agency.name, d.request.kind, d.outcome,
                                                frozenset(d.grounds)) for d in decisions),
        appeals=tuple(statistics.AppealFact(a.request.kind, a.outcome) for a in appeals),
    )


def build_report(report_key, year):
    """The tables of ``report_key`` for fiscal year ``year``, agencies in their configured order."""
    report = statistics.REPORTS[report_key]
    facts = facts_for_year(year)
    information_only = set(RequestSettings.current().information_only_agencies.values_list("name", flat=True))
    agencies = list(Agency.objects.order_by("order", "pk").values_list("name", flat=True))
    tables = []
    for definition in report.tables:
        rows = [a for a in agencies if not (definition.appi_only and a in information_only)]
        tables.append(statistics.build_table(definition, facts, rows, wareki_fiscal_year(year)))
    return report, tables


def _numbered(index, table):
    return f"{'①②③④⑤⑥⑦⑧⑨'[index]} {table.title}"


THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def xlsx_bytes(report, tables, year):
    """One sheet per table: the title, the merged header as the seed prints it, then the rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, table in enumerate(tables):
        sheet = workbook.create_sheet(title=f"表{index + 1}")
        set_cell(sheet, 1, 1, _numbered(index, table)).font = Font(bold=True)
        header = statistics.header_rows(table.definition)
        first_row = 3
        _write_header(sheet, header, first_row)
        row_number = first_row + len(header)
        for row in table.rows:
            set_cell(sheet, row_number, 1, row.label).border = BOX
            for offset, value in enumerate(row.values, 2):
                cell = set_cell(sheet, row_number, offset, table.cell(value, row.is_total))
                cell.border = BOX
            row_number += 1
        if table.definition.note:
            set_cell(sheet, row_number + 1, 1, table.definition.note)
        sheet.column_dimensions["A"].width = 34 if table.definition.rows == statistics.GROUNDS else 24
        for column in range(2, len(table.definition.columns) + 2):
            sheet.column_dimensions[get_column_letter(column)].width = 11
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_header(sheet, header, first_row):
    """Write ``header_rows`` cells, merging each cell's colspan × rowspan."""
    occupied = set()
    for level, cells in enumerate(header):
        column = 1
        row = first_row + level
        for text, colspan, rowspan in cells:
            while (row, column) in occupied:
                column += 1
            set_cell(sheet, row, column, text)
            for r in range(row, row + rowspan):
                for c in range(column, column + colspan):
                    occupied.add((r, c))
                    sheet.cell(row=r, column=c).border = BOX
                    sheet.cell(row=r, column=c).alignment = CENTER
            if colspan > 1 or rowspan > 1:
                sheet.merge_cells(start_row=row, start_column=column,
                                  end_row=row + rowspan - 1, end_column=column + colspan - 1)
            column += colspan


def docx_bytes(report, tables, year):
    """The tables as a council handout (A4 landscape is not needed: the widest table has 12 columns)."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "MS Mincho"
    style.font.size = Pt(9)
    title = document.add_paragraph(f"{wareki_fiscal_year(year)}　{report.title}")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    document.add_paragraph(Municipality.current().name).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for index, table in enumerate(tables):
        document.add_paragraph(_numbered(index, table)).runs[0].bold = True
        header = statistics.header_rows(table.definition)
        width = len(table.definition.columns) + 1
        grid = document.add_table(rows=len(header) + len(table.rows), cols=width)
        grid.style = "Table Grid"
        _docx_header(grid, header)
        for offset, (label, values, _) in enumerate(table.display_rows(), len(header)):
            cells = grid.rows[offset].cells
            cells[0].text = printable(label)
            for column, text in enumerate(values, 1):
                cells[column].text = text
                cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if table.definition.note:
            document.add_paragraph(table.definition.note)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_header(grid, header):
    occupied = set()
    for level, cells in enumerate(header):
        column = 0
        for text, colspan, rowspan in cells:
            while (level, column) in occupied:
                column += 1
            for r in range(level, level + rowspan):
                for c in range(column, column + colspan):
                    occupied.add((r, c))
            cell = grid.cell(level, column)
            if colspan > 1 or rowspan > 1:
                cell = cell.merge(grid.cell(level + rowspan - 1, column + colspan - 1))
            cell.text = text
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            column += colspan
