"""Decision notices (開示決定通知書 etc.) as .docx, from the editable ``NoticeTemplate`` texts."""

import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from hogo.lib.municipal_calendar import wareki
from hogo.lib.safe_text import printable

PLACEHOLDER = re.compile(r"\{\{\s*([^\s{}]+)\s*\}\}")

# The texts a fresh installation starts with (loaded by migration 0002); the
# privacy office edits them in the admin.
DEFAULTS = {
    "full": ("保有個人情報の開示をする旨の決定について（通知）",
             "{{ 受付日 }}付けで請求のあった保有個人情報の開示について、個人情報の保護に関する法律第82条第1項の規定により、"
             "次のとおり全部を開示することと決定したので通知します。"),
    "partial": ("保有個人情報の開示をする旨の決定について（通知）",
                "{{ 受付日 }}付けで請求のあった保有個人情報の開示について、個人情報の保護に関する法律第82条第1項の規定により、"
                "次のとおり一部を開示することと決定したので通知します。\n"
                "開示しない部分とその理由：{{ 不開示事由 }}\n{{ 理由 }}"),
    "refused": ("保有個人情報の開示をしない旨の決定について（通知）",
                "{{ 受付日 }}付けで請求のあった保有個人情報の開示について、個人情報の保護に関する法律第82条第2項の規定により、"
                "開示をしないことと決定したので通知します。\n開示をしない理由：{{ 不開示事由 }}\n{{ 理由 }}"),
    "not_held": ("保有個人情報の開示をしない旨の決定について（通知）",
                 "{{ 受付日 }}付けで請求のあった保有個人情報は、保有していないため、個人情報の保護に関する法律第82条第2項の規定により、"
                 "開示をしないことと決定したので通知します。\n{{ 理由 }}"),
    "ncnd": ("保有個人情報の開示をしない旨の決定について（通知）",
             "{{ 受付日 }}付けで請求のあった保有個人情報について、個人情報の保護に関する法律第81条の規定により、"
             "その存否を明らかにしないで開示をしないことと決定したので通知します。\n理由：{{ 不開示事由 }}\n{{ 理由 }}"),
    "corrected": ("保有個人情報の訂正をする旨の決定について（通知）",
                  "{{ 受付日 }}付けで請求のあった保有個人情報の訂正について、個人情報の保護に関する法律第93条第1項の規定により、"
                  "訂正することと決定したので通知します。\n{{ 理由 }}"),
    "not_corrected": ("保有個人情報の訂正をしない旨の決定について（通知）",
                      "{{ 受付日 }}付けで請求のあった保有個人情報の訂正について、個人情報の保護に関する法律第93条第2項の規定により、"
                      "訂正をしないことと決定したので通知します。\n理由：{{ 理由 }}"),
    "suspended": ("保有個人情報の利用停止をする旨の決定について（通知）",
                  "{{ 受付日 }}付けで請求のあった保有個人情報の利用停止について、個人情報の保護に関する法律第101条第1項の規定により、"
                  "利用停止をすることと決定したので通知します。\n{{ 理由 }}"),
    "not_suspended": ("保有個人情報の利用停止をしない旨の決定について（通知）",
                      "{{ 受付日 }}付けで請求のあった保有個人情報の利用停止について、個人情報の保護に関する法律第101条第2項の規定により、"
                      "利用停止をしないことと決定したので通知します。\n理由：{{ 理由 }}"),
    "withdrawn": ("請求の取下げについて", "{{ 受付日 }}付けの請求は、請求者から取り下げられたので通知します。\n{{ 理由 }}"),
    "dismissed": ("請求の却下について", "{{ 受付日 }}付けの請求は、次の理由により却下することと決定したので通知します。\n理由：{{ 理由 }}"),
}


def fill(text, values):
    """Replace ``{{ name }}`` with ``values[name]``; an unknown name stays as written so the editor sees it."""
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


def notice_values(decision, grounds_text):
    request = decision.request
    return {
        "請求者": request.requester_name,
        "受付日": wareki(request.received_on),
        "決定日": wareki(decision.decided_on),
        "請求の内容": request.subject,
        "対象": decision.documents or request.subject,
        "不開示事由": grounds_text or "なし",
        "理由": decision.reason,
        "実施機関": request.agency.name,
        "課": decision.division.full_name,
    }


def render_notice(decision, template_title, template_body, grounds_text, municipality_name):
    """The notice as .docx bytes."""
    # Control characters stored before forms refused them would make python-docx fail.
    values = {label: printable(value) for label, value in notice_values(decision, grounds_text).items()}
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "MS Mincho"
    style.font.size = Pt(10.5)
    right = document.add_paragraph(f"{wareki(decision.decided_on)}")
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(f"{values['請求者']}　様")
    sender = document.add_paragraph(f"{municipality_name}　{values['実施機関']}")
    sender.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    heading = document.add_paragraph(fill(template_title, values))
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.runs[0].bold = True
    for line in fill(template_body, values).splitlines():
        if line.strip():
            document.add_paragraph(line)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in (("請求の内容", values["請求の内容"]), ("対象となる文書等", values["対象"]),
                         ("担当課", values["課"])):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_paragraph("")
    document.add_paragraph(
        "この決定に不服がある場合は、この決定があったことを知った日の翌日から起算して3か月以内に、"
        f"{values['実施機関']}に対して審査請求をすることができます（行政不服審査法第4条、第18条）。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
