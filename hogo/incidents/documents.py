"""The incident documents: PPC report draft, council report, case summary, fiscal-year list.

Each document is built once as a list of ``Block`` (title, paragraph, table…)
and then rendered either to .docx (python-docx) or to HTML by the template
``incidents/_document.html``, so the screen and the download always say the
same thing.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from hogo.incidents.choices import Notification, Sensitivity, TimelineKind
from hogo.incidents.rules import sensitive_category_source
from hogo.lib.municipal_calendar import wareki, wareki_fiscal_year
from hogo.lib.safe_text import printable

REFERENCE_TEXT = Path(__file__).parent / "data" / "reference.txt"
WEEKDAYS = "月火水木金土日"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
NOT_KNOWN = "（報告時点で把握していない）"


@dataclass
class Block:
    kind: str                     # title, subtitle, right, heading, para, note, table
    text: str = ""
    indent: int = 0
    rows: list = field(default_factory=list)   # table: list of rows of cells
    header: bool = False                       # table: the first row is a header row


def reference_text():
    """Art.68 and Rules 43–45, stored once in data/reference.txt."""
    return REFERENCE_TEXT.read_text(encoding="utf-8")


def numbered(number):
    """（１）…（９）, （10） as the seeds number their paragraphs."""
    return f"（{number if number >= 10 else str(number).translate(FULLWIDTH)}）"


def day_with_weekday(day):
    return f"{wareki(day)}（{WEEKDAYS[day.weekday()]}）"


def relative_day(day, previous):
    """「同月17日（月）」「同年3月17日（月）」 after the first entry, as the seeds write timelines."""
    if previous is None or previous.year != day.year:
        return day_with_weekday(day)
    if previous.month != day.month:
        return f"同年{day.month}月{day.day}日（{WEEKDAYS[day.weekday()]}）"
    if previous.day == day.day:
        return "同日"
    return f"同月{day.day}日（{WEEKDAYS[day.weekday()]}）"


def time_text(value):
    return f"{value.hour}時{value.minute:02d}分" if value else ""


def _or_unknown(text):
    return text.strip() if text and text.strip() else NOT_KNOWN


def items_text(incident, separator="、"):
    return separator.join(item.name for item in incident.items.all())


def item_footnotes(incident):
    """The ※ notes under （２）, worded as 報告第373号 words them (法第2条第3項及び法施行令第2条第1号…)."""
    notes = []
    for item in incident.items.all():
        if item.sensitivity == Sensitivity.SENSITIVE:
            notes.append(f"「{item.name}」は{sensitive_category_source(item.category)}の「{item.category}」に該当")
        elif item.sensitivity == Sensitivity.ORDINANCE:
            notes.append(f"「{item.name}」は条例要配慮個人情報（{item.category}）に該当")
    return notes


def count_heading(incident):
    """（３）'s heading: 漏えいした件数 / 漏えいのおそれがある件数 / 滅失した件数 …"""
    verb = incident.get_kind_display()
    return f"{verb}のおそれがある件数" if incident.possibly else f"{verb}した件数"


def measures_lines(incident):
    return [f"{CIRCLED[index] if index < len(CIRCLED) else f'({index + 1})'}{measure.text}"
            for index, measure in enumerate(incident.measures.all())]


def notification_text(incident):
    status = incident.notification
    if status == Notification.DONE:
        return f"{wareki(incident.notified_on)}、{incident.notification_method}により本人に通知した。"
    if status == Notification.SUBSTITUTE:
        text = "本人への通知が困難であるため、法第68条第2項第1号に基づく代替措置をとった。"
        return text + (f"（{incident.notification_reason}）" if incident.notification_reason else "")
    if status == Notification.NON_DISCLOSABLE:
        return f"法第68条第2項第2号に該当するため本人への通知は行わない。（{incident.notification_reason}）"
    if status == Notification.PENDING:
        return "本人への通知は未実施。"
    return incident.get_notification_display()


# ------------------------------------------------------------------ documents

def reporting_agency_name(incident, municipality):
    """The 実施機関 that reports (法第68条第1項の「行政機関の長等」): 世田谷区教育委員会, not just the city."""
    agency = incident.division.agency.name
    if agency.startswith(municipality.name):
        return agency
    if municipality.name and agency[:1] == municipality.name[-1]:   # 区長 → 世田谷区長, 市長 → 八千代市長
        return municipality.name + agency[1:]
    return municipality.name + agency


def _labelled(*pairs):
    return "\n".join(f"{label}：{value}" for label, value in pairs if value)


def _timeline_lines(incident):
    """事案の経過 from the timeline (events only), one line per entry."""
    lines = []
    for entry in incident.timeline.all():
        if entry.kind == TimelineKind.EVENT:
            lines.append(f"{wareki(entry.on)}{time_text(entry.at)}　{entry.text}")
    return lines


def ppc_report_blocks(incident, *, municipality, decision, deadlines, final,
                      my_number_decision=None, my_number_deadlines=()):
    """The PPC report draft: the items of the PPC's report form for 行政機関等, Rule 44(1) 一〜九 in order.

    Beyond the nine items of 規則第44条第1項 the form asks who reports (the 実施機関 and
    a contact person), who discovered it and how, the medium, whether the cause lay
    with the agency or a contractor, the course of events, measures done and planned,
    reports to the police or others, and 本人の数 in persons (人).
    """
    stage = "確報" if final else "速報"
    paragraph = "第2項" if final else "第1項"
    divisions = "・".join(division.full_name for division in incident.reporting_divisions())
    my_number_required = bool(my_number_decision and my_number_decision.required)
    basis = f"個人情報の保護に関する法律第68条第1項及び同法施行規則第44条{paragraph}"
    if my_number_required:
        basis += (f"並びに行政手続における特定の個人を識別するための番号の利用等に関する法律第29条の4第1項及び"
                  f"特定個人情報漏えい等規則第3条{paragraph}")
    blocks = [
        Block("right", "案"),
        Block("title", f"保有個人情報の漏えい等報告書（{stage}）"),
        Block("right", reporting_agency_name(incident, municipality)),
        Block("right", divisions),
        Block("para", f"{basis}の規定に基づき、下記のとおり報告します。"),
    ]
    subject = ("規則第43条" + decision.items_label) if decision.required else "規則第43条各号に該当しない（任意の報告）"
    if my_number_decision is not None:
        subject += "\n番号法：" + (f"特定個人情報漏えい等規則第2条{my_number_decision.items_label}"
                                   if my_number_required else "同規則第2条各号に該当しない")
    header = [
        ["報告者（実施機関）", reporting_agency_name(incident, municipality)],
        ["担当部署", divisions],
        ["担当者・連絡先", _or_unknown(incident.contact)],
        ["報告の種類", stage],
        ["報告対象事態", subject],
    ]
    blocks.append(Block("table", rows=header))

    occurred = ""
    if incident.occurred_on:
        occurred = f"{wareki(incident.occurred_on)}{time_text(incident.occurred_time)}"
    timeline = _timeline_lines(incident)
    overview = _labelled(
        ("事案の件名", incident.title),
        ("事態の種類", incident.kind_label),
        ("発生日", occurred or NOT_KNOWN),
        ("発覚日", f"{wareki(incident.learned_on)}{time_text(incident.learned_time)}"),
        ("発見者", _or_unknown(incident.discovered_by)),
        ("発覚の経緯", _or_unknown(incident.discovered_how)),
        ("委託先", incident.contractor or "なし"),
    ) + f"\n\n（事案の概要）\n{incident.summary}"
    overview += "\n\n（事案の経過）\n" + ("\n".join(timeline) if timeline else NOT_KNOWN)
    items = "\n".join(f"{item.name}（{item.get_sensitivity_display()}"
                      f"{'：' + item.category if item.category else ''}）" for item in incident.items.all())
    items_cell = _labelled(
        ("媒体", incident.get_medium_display() or NOT_KNOWN),
        ("特定個人情報（個人番号を含む情報）", "含む" if incident.my_number else "含まない"),
    ) + "\n" + _or_unknown(items)
    count = incident.persons_display()
    if incident.my_number and incident.my_number_individuals is not None:
        count += f"（うち特定個人情報に係る本人の数 {incident.my_number_individuals:,}人）"
    cause = _labelled(("発生主体", incident.get_cause_party_display() or NOT_KNOWN)) + "\n" + _or_unknown(incident.cause)
    response = notification_text(incident)
    if incident.response_to_individuals:
        response += "\n" + incident.response_to_individuals
    done = [line for line, measure in zip(measures_lines(incident), incident.measures.all()) if measure.done]
    planned = [line + (f"（{wareki(measure.due_on)}まで）" if measure.due_on else "")
               for line, measure in zip(measures_lines(incident), incident.measures.all()) if not measure.done]
    measures = (f"（実施済みの措置）\n{chr(10).join(done) or 'なし'}\n"
                f"（今後実施予定の措置）\n{chr(10).join(planned) or 'なし'}")
    other = f"（警察への届出・他の機関への報告）\n{incident.other_reports.strip() or 'なし'}"
    if incident.other:
        other += "\n" + incident.other
    sent = [f"{report.get_kind_display()}：{wareki(report.sent_on)}" for report in incident.reports.all()]
    if sent:
        other += "\nこれまでの報告　" + "、".join(sent)
    other += f"\n確報期限：{wareki(deadlines[1].date)}（{deadlines[1].rule}）"
    if my_number_required and my_number_deadlines:
        other += f"\n番号法の確報期限：{wareki(my_number_deadlines[1].date)}（{my_number_deadlines[1].rule}）"
    rows = [
        ["一　概要", overview],
        ["二　漏えい等が発生し、又は発生したおそれがある保有個人情報の項目", items_cell],
        ["三　漏えい等が発生し、又は発生したおそれがある保有個人情報に係る本人の数", count],
        ["四　原因", cause],
        ["五　二次被害又はそのおそれの有無及びその内容", _or_unknown(incident.secondary_damage)],
        ["六　本人への対応の実施状況", response],
        ["七　公表の実施状況", _or_unknown(incident.publication)],
        ["八　再発防止のための措置", measures],
        ["九　その他参考となる事項", other],
    ]
    blocks.append(Block("table", rows=rows))
    if not final:
        blocks.append(Block("note", "速報は報告時点で把握している事項に限って報告します（規則第44条第1項）。"))
    return blocks


def council_basis_line(incident, municipality):
    """The parenthesised basis under the title: the one entered for this report, else the municipality's
    setting (Municipality.incident_report_basis), else a neutral line from its ordinance's name."""
    if incident.council_basis:
        return incident.council_basis
    if municipality.incident_report_basis.strip():
        return municipality.incident_report_basis.strip()
    if municipality.ordinance_name:
        return f"{municipality.ordinance_name}に基づく報告"
    return ""


def council_report_blocks(incident, *, municipality):
    """The council report (報告第N号) in the seeds' structure, with the 参考 excerpt."""
    report = incident.council_report
    number = f"報告第{report.number}号" if report else "報告第　　号（未採番）"
    title = report.title if report else f"{incident.title}について"
    reported_on = wareki(report.reported_on) if report else "令和　　年　　月　　日"
    blocks = [Block("right", number), Block("title", title)]
    basis = council_basis_line(incident, municipality)
    if basis:
        blocks.append(Block("subtitle", f"（{basis}）"))
    blocks.append(Block("right", reported_on))
    for division in incident.reporting_divisions():
        blocks.append(Block("right", division.full_name))
    if municipality.privacy_office_name and municipality.privacy_office_name not in {
            division.full_name for division in incident.reporting_divisions()}:
        blocks.append(Block("right", municipality.privacy_office_name))

    blocks.append(Block("heading", "１　事案の概要"))
    blocks.append(Block("para", incident.summary, indent=1))
    blocks.append(Block("para", "詳細は、以下のとおり。", indent=1))
    blocks.append(Block("para", f"{numbered(1)}名称", indent=1))
    blocks.append(Block("para", incident.document_name or incident.title, indent=2))
    blocks.append(Block("para", f"{numbered(2)}個人情報の項目", indent=1))
    blocks.append(Block("para", items_text(incident) or "調査中", indent=2))
    for note in item_footnotes(incident):
        blocks.append(Block("note", f"※{note}", indent=2))
    blocks.append(Block("para", f"{numbered(3)}{count_heading(incident)}", indent=1))
    blocks.append(Block("para", incident.count_display(), indent=2))

    blocks.append(Block("heading", "２　事案の経過"))
    previous = None
    events = [entry for entry in incident.timeline.all() if entry.kind == TimelineKind.EVENT]
    for number, entry in enumerate(events, 1):
        when = relative_day(entry.on, previous)
        if entry.at:
            when += f"　{time_text(entry.at)}"
        blocks.append(Block("para", f"{numbered(number)}{when}", indent=1))
        blocks.append(Block("para", entry.text, indent=2))
        previous = entry.on
    if not events:
        blocks.append(Block("para", "（経過の記録がありません）", indent=1))

    blocks.append(Block("heading", "３　本事案における二次被害又はそのおそれの有無について"))
    blocks.append(Block("para", incident.secondary_damage or "調査中", indent=1))
    blocks.append(Block("heading", "４　発生の原因"))
    blocks.append(Block("para", incident.cause or "調査中", indent=1))
    blocks.append(Block("heading", "５　今後の対応"))
    blocks.append(Block("para", f"{numbered(1)}再発防止策", indent=1))
    for line in measures_lines(incident) or ["検討中"]:
        blocks.append(Block("para", line, indent=2))
    blocks.append(Block("para", f"{numbered(2)}本人への対応", indent=1))
    blocks.append(Block("para", incident.response_to_individuals or notification_text(incident), indent=2))

    blocks.append(Block("heading", "参考"))
    for line in reference_text().splitlines():
        if line.startswith("# "):
            blocks.append(Block("heading", line[2:]))
        elif line.strip():
            blocks.append(Block("note", line))
    return blocks


def case_summary_rows(incident):
    """The Yachiyo one-page format (seed 004, 議題4), row by row."""
    divisions = "・".join(division.name for division in incident.reporting_divisions())
    count = incident.count_text or (
        "調査中" if incident.individuals is None
        else f"{'約' if incident.individuals_estimated else ''}{incident.individuals:,}人")
    measures = "\n".join(measures_lines(incident))
    return [
        ["事案の件名", incident.title],
        ["発生部署", divisions],
        ["判明日又は発生日", wareki(incident.learned_on)],
        ["概要", incident.summary],
        ["判明した経緯", incident.discovered_how],
        [f"{incident.get_kind_display()}した個人情報の概要", items_text(incident, "・")],
        [f"{incident.get_kind_display()}した個人情報の件数", count],
        ["発生原因", incident.cause],
        ["発生時の対応", incident.initial_response or incident.response_to_individuals],
        ["講じた再発防止策", measures],
    ]


def case_summary_blocks(incident):
    return [Block("title", "事案の概要"), Block("table", rows=case_summary_rows(incident))]


def fiscal_year_label(first, last):
    if last is None or last == first:
        return wareki_fiscal_year(first)
    names = [wareki_fiscal_year(year).removesuffix("年度") for year in range(first, last + 1)]
    era = names[0][:2]
    return era + "，".join(name.removeprefix(era) for name in names) + "年度" \
        if all(name.startswith(era) for name in names) else "～".join(names) + "年度"


def seed_order(incidents):
    """The order of seed 004's list (議題4): cases grouped by 発生部署, the departments in the
    order of their first case, each department's cases by the day they came to light.

    Seed 004 lists 健康づくり課 (2/29, 5/8), then 障害者支援課 (3/5), 上水道課, 子ども相談センター,
    学務課: not one date order, but this grouping.
    """
    incidents = sorted(incidents, key=lambda incident: (incident.learned_on, incident.pk))
    first_seen = {}
    for incident in incidents:
        first_seen.setdefault(incident.division_id, len(first_seen))
    return sorted(incidents, key=lambda incident: first_seen[incident.division_id])


def fiscal_year_rows(incidents):
    header = ["№", "発生部署", "事案の件名", "判明日", "該当する号", "本人の数", "速報", "確報"]
    rows = [header]
    for number, incident in enumerate(seed_order(incidents), 1):
        preliminary, final = incident.preliminary_sent(), incident.final_sent()
        rows.append([
            str(number),
            "・".join(division.name for division in incident.reporting_divisions()),
            incident.title,
            wareki(incident.learned_on),
            "・".join(f"第{item}号" for item in incident.ppc_items.split(",") if item),
            incident.count_display(),
            wareki(preliminary.sent_on) if preliminary else "未記録",
            wareki(final.sent_on) if final else "未記録",
        ])
    return rows


def fiscal_year_blocks(incidents, first, last):
    # Seed 004: 「令和５，６年度に発生した事案一覧（個人情報法保護委員会報告分）」; the committee's
    # name is printed correctly (個人情報保護委員会), not with the seed's misprint.
    title = f"{fiscal_year_label(first, last)}に発生した事案一覧（個人情報保護委員会報告分）"
    if not incidents:
        return [Block("title", title), Block("para", "該当する事案はありません。")]
    return [Block("title", title), Block("table", rows=fiscal_year_rows(incidents), header=True)]


# ------------------------------------------------------------------ .docx

def _set_font(document):
    style = document.styles["Normal"]
    style.font.name = "ＭＳ 明朝"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "ＭＳ 明朝")


def render_docx(blocks, *, landscape=False):
    """The blocks as a Word document (A4), returned as bytes."""
    document = Document()
    _set_font(document)
    section = document.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Mm(20))
    for block in blocks:
        if block.kind == "table":
            _add_table(document, block.rows, block.header)
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(printable(block.text))
        if block.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
            run.font.size = Pt(14)
        elif block.kind == "subtitle":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif block.kind == "heading":
            run.bold = True
        elif block.kind == "note":
            run.font.size = Pt(9)
        paragraph.paragraph_format.left_indent = Mm(5 * block.indent)
        paragraph.paragraph_format.space_after = Pt(2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_table(document, rows, header):
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = printable(value)
            if index == 0 and header:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    document.add_paragraph()


def docx_text(data):
    """All the text of a .docx (paragraphs and table cells, in order) — for tests and checks."""
    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)

