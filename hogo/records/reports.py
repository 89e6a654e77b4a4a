"""The yearly report for the council and the audit: files due, disposed of and held; media out, overdue, lost.

Counted per division and grouped by agency (実施機関), as the council tables are.
"""

import io
from dataclasses import dataclass, field

from django.utils import timezone
from openpyxl import Workbook

from hogo.core.access import scope_for_user
from hogo.core.models import Division
from hogo.incidents.documents import Block, render_docx
from hogo.lib.municipal_calendar import fiscal_year_bounds, wareki, wareki_fiscal_year
from hogo.lib.spreadsheets import append_row
from hogo.records.models import Carryout, Medium, RecordFile

COLUMNS = ("実施機関", "課", "廃棄予定（期限到来）", "廃棄済み", "保留中", "媒体の持出し", "返却遅延", "紛失")


@dataclass
class DivisionRow:
    division: Division
    due: int = 0
    disposed: int = 0
    held: int = 0
    carryouts: int = 0
    overdue: int = 0
    lost: int = 0

    def values(self):
        return (self.division.agency.name, self.division.full_name, self.due, self.disposed, self.held,
                self.carryouts, self.overdue, self.lost)


@dataclass
class YearReport:
    year: int
    rows: list = field(default_factory=list)
    disposed: list = field(default_factory=list)  # RecordFile
    due: list = field(default_factory=list)
    held: list = field(default_factory=list)  # (RecordFile, [Hold])
    overdue: list = field(default_factory=list)  # Carryout
    lost: list = field(default_factory=list)  # Medium

    @property
    def title(self):
        return f"{wareki_fiscal_year(self.year)} 文書の廃棄及び可搬媒体の管理状況"

    def totals(self):
        return tuple(sum(row.values()[index] for row in self.rows) for index in range(2, len(COLUMNS)))


def year_report(user, year, now=None):
    now = now or timezone.now()
    first, last = fiscal_year_bounds(year)
    files = (scope_for_user(RecordFile.objects.all(), user, division_field="series__division")
             .select_related("series__division__department__agency", "disposal_list")
             .prefetch_related("holds__request__appeals"))
    report = YearReport(year)
    by_division = {}

    def row(division):
        if division.pk not in by_division:
            by_division[division.pk] = DivisionRow(division)
        return by_division[division.pk]

    for record_file in files.filter(disposed_on__range=(first, last)):
        report.disposed.append(record_file)
        row(record_file.series.division).disposed += 1
    for record_file in files.filter(disposed_on__isnull=True, disposal_allowed_from__lte=last):
        active = [hold for hold in record_file.holds.all() if hold.is_active]
        if active:
            report.held.append((record_file, active))
            row(record_file.series.division).held += 1
        else:
            report.due.append(record_file)
            row(record_file.series.division).due += 1
    carryouts = (scope_for_user(Carryout.objects.all(), user, division_field="medium__division")
                 .filter(taken_at__date__range=(first, last))
                 .select_related("medium__division__department__agency", "taken_by", "approver"))
    for carryout in carryouts:
        row(carryout.medium.division).carryouts += 1
        if carryout.is_overdue(now):
            report.overdue.append(carryout)
            row(carryout.medium.division).overdue += 1
    for medium in (scope_for_user(Medium.objects.all(), user).filter(lost_on__range=(first, last))
                   .select_related("division__department__agency", "incident")):
        report.lost.append(medium)
        row(medium.division).lost += 1
    report.rows = sorted(by_division.values(), key=lambda item: (
        item.division.department.agency.order, item.division.department.order, item.division.order,
        item.division.pk))
    return report


def _held_reason(holds):
    return "、".join(str(hold.request) for hold in holds)


def detail_tables(report):
    """(heading, header row, rows) for each list under the summary."""
    return [
        ("廃棄した簿冊", ("課", "文書の分類", "簿冊の名称", "廃棄日", "方法", "立会者"),
         [(f.series.division.full_name, f.series.name, f.title, wareki(f.disposed_on),
           f.disposal_list.get_method_display() if f.disposal_list else "",
           str(f.disposal_list.witness) if f.disposal_list and f.disposal_list.witness else "")
          for f in report.disposed]),
        ("廃棄できる簿冊（未廃棄）", ("課", "文書の分類", "簿冊の名称", "廃棄できる日"),
         [(f.series.division.full_name, f.series.name, f.title, wareki(f.disposal_allowed_from))
          for f in report.due]),
        ("請求により廃棄を保留している簿冊", ("課", "簿冊の名称", "廃棄できる日", "保留の理由（請求）"),
         [(f.series.division.full_name, f.title, wareki(f.disposal_allowed_from), _held_reason(holds))
          for f, holds in report.held]),
        ("返却が遅れた可搬媒体", ("課", "媒体", "持ち出した職員", "目的", "返却予定", "返却"),
         [(c.medium.division.full_name, str(c.medium), str(c.taken_by), c.purpose,
           f"{timezone.localtime(c.due_at):%Y-%m-%d %H:%M}",
           f"{timezone.localtime(c.returned_at):%Y-%m-%d %H:%M}" if c.returned_at else "未返却")
          for c in report.overdue]),
        ("紛失した可搬媒体", ("課", "媒体", "暗号化", "紛失が判明した日", "漏えい等事案"),
         [(m.division.full_name, str(m), "有" if m.encrypted else "無", wareki(m.lost_on),
           m.incident.title if m.incident else "") for m in report.lost]),
    ]


def render_xlsx(report):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "集計"
    append_row(sheet, [report.title])
    append_row(sheet, list(COLUMNS))
    for row in report.rows:
        append_row(sheet, list(row.values()))
    append_row(sheet, ["合計", "", *report.totals()])
    for heading, header, rows in detail_tables(report):
        detail = workbook.create_sheet(heading[:31])
        append_row(detail, list(header))
        for values in rows:
            append_row(detail, list(values))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_report_docx(report, municipality_name=""):
    blocks = [Block("title", report.title)]
    if municipality_name:
        blocks.append(Block("right", municipality_name))
    blocks.append(Block("heading", "1 課別の件数"))
    blocks.append(Block("table", rows=[list(COLUMNS)] + [list(map(str, row.values())) for row in report.rows]
                        + [["合計", "", *map(str, report.totals())]], header=True))
    for number, (heading, header, rows) in enumerate(detail_tables(report), 2):
        blocks.append(Block("heading", f"{number} {heading}"))
        if rows:
            blocks.append(Block("table", rows=[list(header)] + [list(values) for values in rows], header=True))
        else:
            blocks.append(Block("para", "該当なし", indent=1))
    return render_docx(blocks, landscape=True)
