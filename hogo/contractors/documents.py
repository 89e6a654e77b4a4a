"""The seed's forms as documents, built from ``seed_forms`` (blank for the contractor, or filled from records).

.docx through the incidents' block renderer (A4, every text through ``printable``);
.xlsx through ``hogo.lib.spreadsheets`` only. The inspection sheet's layout is the one
``importing`` reads back, so a contractor can fill in the blank sheet and return it.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from hogo.contractors import schedule, seed_forms
from hogo.incidents.documents import Block, render_docx
from hogo.lib.municipal_calendar import wareki, wareki_fiscal_year
from hogo.lib.spreadsheets import append_row, set_cell

BLANK_DATE = "　　年　　月　　日"


def _day(day):
    return wareki(day) if day else BLANK_DATE


def checklist_blocks(contract=None, checklist=None):
    """資料2. ``contract`` None: the blank form."""
    year = f"（{wareki_fiscal_year(schedule.fiscal_year_of(contract.starts_on))}契約用）" if contract else ""
    division = contract.division if contract else None
    header = {"部署コード": "", "部署名": division.full_name if division else "",
              "電話番号": checklist.phone if checklist else "",
              "所属長氏名": checklist.head_name if checklist else "",
              "担当者氏名": checklist.answered_by.get_full_name() if checklist else "",
              "案件名": contract.title if contract else ""}
    stamp = ""
    if checklist and checklist.is_approved:
        stamp = f"{checklist.approved_by.get_full_name()}（{wareki(checklist.approved_at.date())}）"
    answers = checklist.answer_map() if checklist else {}
    rows = [["№", "項目", "チェック欄", "備考"]]
    for question in seed_forms.CHECKLIST_QUESTIONS:
        boxes = "　".join(("■" if answers.get(question.number) == value else "□") + seed_forms.ANSWER_LABELS[value]
                         for value in question.answers)
        rows.append([str(question.number), question.text, boxes, question.note])
    return [
        Block("title", seed_forms.CHECKLIST_TITLE + year),
        Block("table", rows=[[label, header[label]] for label in seed_forms.CHECKLIST_HEADER]
              + [[seed_forms.CHECKLIST_STAMP, stamp]]),
        Block("table", rows=rows, header=True),
    ]


def management_report_blocks(contract=None, report=None):
    """第2号様式 (special clauses 第12条)."""
    kind = f"（{report.get_kind_display()}）" if report else "（新規／変更）"
    contractor = contract.contractor if contract else None
    staff_rows = [list(seed_forms.MANAGEMENT_STAFF_COLUMNS)]
    if report:
        staff_rows += [[row.get_role_display(), row.department, row.title, row.name] for row in report.staff.all()]
    else:
        staff_rows += [[label, "", "", ""] for label in seed_forms.MANAGEMENT_ROLES.values()] + [["", "", "", ""]]
    rules = ("□有（写しを添付してください）　□無" if report is None
             else ("■有（写しを添付してください）　□無" if report.has_handling_rules else "□有（写しを添付してください）　■無"))
    return [
        Block("right", "第２号様式（第１２条）"),
        Block("title", seed_forms.MANAGEMENT_REPORT_TITLE + kind),
        Block("right", _day(report.reported_on if report else None)),
        Block("para", f"{contract.division.agency.name if contract else ''}　様"),
        Block("right", f"住所　{contractor.address if contractor else ''}"),
        Block("right", f"受託者　{contractor.name if contractor else ''}　{contractor.representative if contractor else ''}"),
        Block("note", "法人その他の団体にあっては，その名称，事務所又は事業所の所在地及び代表者の氏名"),
        Block("para", "次の契約における個人情報の取扱いに係る管理体制等について，以下のとおり報告します。"),
        Block("heading", seed_forms.MANAGEMENT_REPORT_SECTIONS[0]),
        Block("para", contract.title if contract else "", indent=1),
        Block("heading", seed_forms.MANAGEMENT_REPORT_SECTIONS[1]),
        Block("table", rows=staff_rows, header=True),
        Block("note", "※ 記入欄に収まりきらない場合は，別紙を添付してください。"),
        Block("heading", seed_forms.MANAGEMENT_REPORT_SECTIONS[2]),
        Block("table", header=True, rows=[
            ["項目", "記入欄"],
            [seed_forms.MANAGEMENT_PLACES[0], report.work_address if report else ""],
            [seed_forms.MANAGEMENT_PLACES[1], report.storage_place if report else ""],
            [seed_forms.MANAGEMENT_PLACES[2], rules],
        ]),
    ]


def inspection_blocks(kind, contract=None, inspection=None):
    """資料6 (on_site) or 資料7 (document), blank or filled."""
    rows = [list(seed_forms.INSPECTION_COLUMNS)]
    filled = {item.number: (result, remark) for item, result, remark in inspection.item_rows()} if inspection else {}
    for item in seed_forms.INSPECTION_ITEMS:
        result, remark = filled.get(item.number, ("", ""))
        rows.append([str(item.number), item.label, item.text, result or "適・否", remark])
    blocks = [
        Block("title", seed_forms.INSPECTION_TITLES[kind]),
        Block("table", rows=[["契約件名", contract.title if contract else ""],
                             ["受託者", contract.contractor.name if contract else ""]]),
        Block("table", rows=rows, header=True),
        Block("right", f"{seed_forms.INSPECTION_DATE_LABELS[kind]}　{_day(inspection.inspected_on if inspection else None)}"),
    ]
    if kind == schedule.DOCUMENT:
        blocks += [Block("para", "（宛先）" + (contract.division.agency.name if contract else "")),
                   Block("para", "上記のとおり報告します。")]
    blocks.append(Block("heading", "受託者検査対応者"))
    blocks += [Block("para", f"{label}：" + (inspection.respondent if inspection and index == 0 else ""), indent=1)
               for index, label in enumerate(seed_forms.RESPONDENT_FIELDS)]
    if kind == schedule.ON_SITE:
        blocks.append(Block("heading", "検査実施者"))
        blocks += [Block("para", f"{label}：" + (inspection.inspector if inspection and index == 0 else ""), indent=1)
                   for index, label in enumerate(seed_forms.INSPECTOR_FIELDS)]
    return blocks


def docx(blocks):
    return render_docx(blocks)


def inspection_xlsx(kind, contract=None, inspection=None):
    """The inspection form as a sheet the contractor fills in and returns (``importing`` reads it)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "検査書"
    append_row(sheet, list(seed_forms.INSPECTION_COLUMNS))
    filled = {item.number: (result, remark) for item, result, remark in inspection.item_rows()} if inspection else {}
    for item in seed_forms.INSPECTION_ITEMS:
        result, remark = filled.get(item.number, ("", ""))
        append_row(sheet, [item.number, item.label, item.text, result, remark])
    append_row(sheet, [])
    append_row(sheet, ["検査の種類", schedule.KIND_LABELS[kind]])
    append_row(sheet, [seed_forms.INSPECTION_DATE_LABELS[kind], inspection.inspected_on if inspection else None])
    append_row(sheet, ["受託者検査対応者", inspection.respondent if inspection else ""])
    append_row(sheet, ["書式", seed_forms.INSPECTION_TITLES[kind]])
    append_row(sheet, ["契約件名", contract.title if contract else ""])
    append_row(sheet, ["受託者", contract.contractor.name if contract else ""])
    append_row(sheet, ["記入方法", "実施状況の列に「適」又は「否」を記入し、報告日・対応者を記入して返送してください。"])
    for column, width in zip("ABCDE", (12, 28, 70, 10, 30)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=1, max_row=11):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


LIST_COLUMNS = ("実施機関", "所管課", "契約件名", "受託者", "年度", "検査の種類", "期限", "状況", "実施日", "否の項目")


def yearly_rows(contracts, year):
    """One row per inspection required in fiscal ``year``: done (with its date) or due."""
    rows = []
    for contract in contracts:
        for required, done in contract.schedule_rows():
            if required.fiscal_year != year:
                continue
            status = "実施済" if done and done.is_closed else ("実施済（フォローアップ中）" if done else "未実施")
            rows.append([contract.division.agency.name, contract.division.full_name, contract.title,
                         contract.contractor.name, wareki_fiscal_year(year), schedule.KIND_LABELS[required.kind],
                         required.due, status, done.inspected_on if done else None,
                         "・".join(str(number) for number in sorted(done.failed_items)) if done else ""])
    return rows


def yearly_list_xlsx(contracts, year):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "検査一覧"
    set_cell(sheet, 1, 1, f"{wareki_fiscal_year(year)} 個人情報を取り扱う委託先の検査の実施状況")
    sheet.append([])
    append_row(sheet, list(LIST_COLUMNS))
    for row in yearly_rows(contracts, year):
        append_row(sheet, row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
