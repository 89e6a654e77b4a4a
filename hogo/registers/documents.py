"""Writing the registers and council reports as .xlsx (openpyxl) and .docx (python-docx)."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from hogo.lib.municipal_calendar import wareki
from hogo.lib.safe_text import printable
from hogo.lib.spreadsheets import append_row
from hogo.registers import reports, stats


_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EEF2F7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _save(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_line(sheet, values, *, heading=False):
    for cell in append_row(sheet, values):
        cell.border = _BORDER
        cell.alignment = _WRAP
        if heading:
            cell.font = Font(bold=True)
            cell.fill = _HEAD_FILL


def write_xlsx(headings, rows, title):
    """A plain register sheet: one heading row, one row per record (importable again)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    _write_line(sheet, headings, heading=True)
    for row in rows:
        _write_line(sheet, row)
    sheet.freeze_panes = "A2"
    for index in range(1, len(headings) + 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = 18
    return _save(workbook)


def _number_line(report):
    return f"報告第{report.number}号" if report.number else "報告第　号"


def _count_rows(table, total_label="計"):
    rows = [(line.agency,) + line.counts for line in table.lines]
    rows.append((total_label,) + table.total)
    return rows


def _sheet_header(sheet, report, subtitle):
    append_row(sheet, [_number_line(report)])
    append_row(sheet, [report.title])
    sheet["A2"].font = Font(bold=True, size=13)
    if subtitle:
        append_row(sheet, [subtitle])
    if report.reported_on:
        append_row(sheet, [wareki(report.reported_on)])
    if report.author:
        append_row(sheet, [report.author])
    append_row(sheet, [])


# ---------------------------------------------------------------- 審査の状況（報告第359号・第362号）

def review_report_xlsx(report):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "審査件数"
    _sheet_header(sheet, report, f"（{report.scope}）")
    append_row(sheet, ["1 審査件数（審査基準別）"])
    for index, table in enumerate(report.tables, 1):
        append_row(sheet, [f"（{index}）{table.title}"])
        _write_line(sheet, report.count_headings, heading=True)
        for row in _count_rows(table, "合計"):
            _write_line(sheet, row)
        append_row(sheet, [])
    sheet.column_dimensions["A"].width = 22
    for letter in "BCD":
        sheet.column_dimensions[letter].width = 20
    for group, title, _ in stats.REVIEW_GROUPS:
        listing = workbook.create_sheet(title.removesuffix("の審査基準").removesuffix("における審査基準")[:31])
        append_row(listing, [f"{title}案件一覧（要配慮個人情報又は条例要配慮個人情報を取り扱うもの）"])
        _write_line(listing, report.list_headings(group), heading=True)
        for row in report.list_rows(group):
            _write_line(listing, row)
        listing.column_dimensions["A"].width = 6
        for index in range(2, len(report.list_headings(group)) + 1):
            listing.column_dimensions[listing.cell(2, index).column_letter].width = 24
        listing.column_dimensions["B" if group != "online_system" else "C"].width = 60
    return _save(workbook)


def _docx(landscape=False):
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "MS Mincho"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "MS Mincho")
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    return document


def _paragraph(document, text, *, align=None, bold=False, size=None):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(printable(text))
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _docx_table(document, headings, rows, *, numeric_from=None):
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings):
        cell.text = printable(heading)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row)):
            cell.text = printable(value)
            if numeric_from is not None and index >= numeric_from:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def _docx_header(document, report, scope_line):
    _paragraph(document, _number_line(report), bold=True)
    _paragraph(document, report.title, align="center", bold=True, size=14)
    if scope_line:
        _paragraph(document, scope_line, align="center")
    if report.reported_on:
        _paragraph(document, wareki(report.reported_on), align="right")
    if report.author:
        _paragraph(document, report.author, align="right")


def review_report_docx(report):
    document = _docx(landscape=True)
    _docx_header(document, report, f"（{report.scope}）")
    for paragraph in report.intro_paragraphs:
        _paragraph(document, paragraph)
    _paragraph(document, "記", align="center")
    _paragraph(document, "1 審査件数（審査基準別）", bold=True)
    for index, table in enumerate(report.tables, 1):
        _paragraph(document, f"（{index}）{table.title}")
        _docx_table(document, report.count_headings, _count_rows(table, "合計"), numeric_from=1)
    _paragraph(document, report.list_section_title, bold=True)
    for group, title, _ in stats.REVIEW_GROUPS:
        _paragraph(document, f"{title}案件一覧", bold=True)
        rows = report.list_rows(group)
        if rows:
            _docx_table(document, report.list_headings(group), rows)
        else:
            _paragraph(document, "該当なし")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- 登録簿・目的外利用・外部提供（八千代市）

def register_report_xlsx(report):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "運用状況"
    _sheet_header(sheet, report, "")
    for section in reports.register_sections(report):
        append_row(sheet, [section["title"]])
        _write_line(sheet, section["headings"], heading=True)
        for row in _count_rows(section["table"]):
            _write_line(sheet, row)
        if section["note"]:
            append_row(sheet, [section["note"]])
        append_row(sheet, [])
    sheet.column_dimensions["A"].width = 26
    for letter in "BCDEF":
        sheet.column_dimensions[letter].width = 18
    return _save(workbook)


def register_report_docx(report):
    document = _docx()
    _docx_header(document, report, "")
    for section in reports.register_sections(report):
        _paragraph(document, section["title"], bold=True)
        _docx_table(document, section["headings"], _count_rows(section["table"]), numeric_from=1)
        if section["note"]:
            _paragraph(document, section["note"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
