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


LAW = "個人情報の保護に関する法律"

# Outcomes that are not a 処分 and so carry no 教示 (a withdrawal is the requester's own act).
NOT_A_DISPOSITION = ("withdrawn",)


def _new_document(date_text, document_number=""):
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "MS Mincho"
    style.font.size = Pt(10.5)
    if document_number is not None:
        number = document.add_paragraph(printable(document_number) or "第　　　号")
        number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    right = document.add_paragraph(date_text)
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document


def _sender(document, settings, municipality_name, agency_name):
    """The head's title and name from the settings; the municipality and agency when they are not set."""
    title = printable(getattr(settings, "head_title", "") or f"{municipality_name}　{agency_name}")
    name = printable(getattr(settings, "head_name", ""))
    sender = document.add_paragraph(f"{title}　{name}".strip())
    sender.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _heading(document, text):
    heading = document.add_paragraph(text)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.runs[0].bold = True


def _table(document, rows):
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, printable(value)


def instructions(municipality_name, agency_name, appeal_to):
    """教示 of a 処分: 審査請求 (行政不服審査法第82条) and 取消訴訟 (行政事件訴訟法第46条第1項)."""
    return [
        "（教示）",
        f"1　この決定に不服がある場合は、行政不服審査法（平成26年法律第68号）第2条及び第4条第1号の規定により、"
        f"この決定があったことを知った日の翌日から起算して3か月以内に、{appeal_to}に対して審査請求をすることができます"
        f"（同法第18条第1項）。ただし、この決定があったことを知った日の翌日から起算して3か月以内であっても、"
        f"この決定の日の翌日から起算して1年を経過すると審査請求をすることができなくなります（同条第2項）。",
        f"2　この決定については、この決定があったことを知った日から6か月以内に、{municipality_name}を被告として"
        f"（訴訟において{municipality_name}を代表する者は{agency_name}となります。）、処分の取消しの訴えを提起することができます"
        f"（行政事件訴訟法第11条第1項、第14条第1項）。ただし、この決定があったことを知った日から6か月以内であっても、"
        f"この決定の日から1年を経過すると処分の取消しの訴えを提起することができなくなります（同法第14条第2項）。"
        f"なお、審査請求をした場合には、処分の取消しの訴えは、その審査請求に対する裁決があったことを知った日から6か月以内に"
        f"提起することができます（同法第14条第3項）。",
    ]


def disclosure_rows(decision, settings, method_deadline=""):
    """法第82条第1項 and the Cabinet Order (施行令第26条第1項): purpose and the options for carrying it out."""
    fees = getattr(settings, "copy_fees", list)()
    fee_text = "、".join(f"{item} {yen}円" for item, yen in fees) or "なし"
    if getattr(settings, "postage_note", ""):
        fee_text += f"。写しの送付を求める場合：{settings.postage_note}"
    place = getattr(settings, "disclosure_place", "")
    hours = getattr(settings, "disclosure_hours", "")
    return [
        ("開示する保有個人情報の利用目的", decision.purpose or "—"),
        ("求めることができる開示の実施の方法", decision.methods_offered or "—"),
        ("開示の実施を行うことができる日", decision.disclosure_dates or "申出を受けて調整します"),
        ("開示の実施の場所・時間", f"{place}　{hours}".strip() or "—"),
        ("写しの交付に要する費用（条例の定め）", fee_text),
        ("開示の実施の方法等の申出",
         "この通知があった日から30日以内に、求める開示の実施の方法等を書面により申し出てください"
         f"（{LAW}第87条第3項・第4項）。" + (f"申出の期限：{method_deadline}" if method_deadline else "")),
    ]


def render_notice(decision, template_title, template_body, grounds_text, municipality_name, settings=None,
                  method_deadline=""):
    """The notice as .docx bytes: what 法第82条 and the Cabinet Order require, and the 教示 of a 処分."""
    # Control characters stored before forms refused them would make python-docx fail.
    values = {label: printable(value) for label, value in notice_values(decision, grounds_text).items()}
    disposition = decision.outcome not in NOT_A_DISPOSITION
    document = _new_document(wareki(decision.decided_on),
                             decision.document_number if disposition else None)
    document.add_paragraph(f"{values['請求者']}　様")
    _sender(document, settings, municipality_name, values["実施機関"])
    _heading(document, fill(template_title, values))
    for line in fill(template_body, values).splitlines():
        if line.strip():
            document.add_paragraph(line)
    rows = [("請求の内容", values["請求の内容"]), ("対象となる文書等", values["対象"])]
    if decision.request.kind == "disclosure" and decision.outcome in ("full", "partial"):
        rows += disclosure_rows(decision, settings, method_deadline)
    rows.append(("担当課", values["課"]))
    _table(document, rows)
    if disposition:
        document.add_paragraph("")
        appeal_to = printable(getattr(settings, "head_title", "") or f"{municipality_name}{values['実施機関']}")
        for line in instructions(municipality_name, values["実施機関"], appeal_to):
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _save(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_opinion_request(party, settings, municipality_name, today):
    """法第86条第1項・第2項: the letter asking a third party for its opinion. It never names the requester."""
    request = party.request
    paragraph = 2 if party.mandatory else 1
    document = _new_document(wareki(today), "")
    document.add_paragraph(f"{printable(party.name)}　様")
    _sender(document, settings, municipality_name, request.agency.name)
    _heading(document, f"保有個人情報の開示請求に係る意見照会について（{LAW}第86条第{paragraph}項）")
    document.add_paragraph(
        "あなたに関する情報が記録されている保有個人情報について開示請求がありました。開示決定等をするに当たり、"
        f"{LAW}第86条第{paragraph}項の規定により、あなたの意見を伺います。"
        "開示に反対する場合は、下記の期限までに意見書を提出してください。")
    _table(document, [
        ("開示請求の年月日", wareki(request.received_on)),
        ("あなたに関する情報の内容", party.information or "—"),
        ("意見書を提出する場合の提出先", getattr(settings, "head_title", "") or f"{municipality_name}{request.agency.name}"),
        ("意見書の提出期限", wareki(party.reply_by) if party.reply_by else "—"),
    ])
    document.add_paragraph(
        "開示に反対する意見書を提出された場合でも開示決定をするときは、開示決定の日と開示を実施する日との間に少なくとも2週間を置き、"
        f"開示決定後直ちに、開示決定をした旨及びその理由並びに開示を実施する日を書面によりお知らせします（{LAW}第86条第3項）。")
    return _save(document)


def render_third_party_notice(party, decision, disclosure_on, settings, municipality_name, today):
    """法第86条第3項: to a third party who objected, the decision, its reasons and the day of disclosure."""
    request = decision.request
    document = _new_document(wareki(today), decision.document_number)
    document.add_paragraph(f"{printable(party.name)}　様")
    _sender(document, settings, municipality_name, request.agency.name)
    _heading(document, "開示決定をした旨の通知について")
    document.add_paragraph(
        f"あなたから開示に反対する意見書の提出があった保有個人情報について、次のとおり開示決定をしたので、{LAW}第86条第3項の規定により通知します。")
    _table(document, [
        ("開示請求の年月日", wareki(request.received_on)),
        ("開示決定の日", wareki(decision.decided_on)),
        ("開示決定の内容", decision.get_outcome_display()),
        ("開示決定をした理由", decision.reason or "—"),
        ("開示を実施する日", wareki(disclosure_on) if disclosure_on else "—"),
    ])
    document.add_paragraph("")
    appeal_to = printable(getattr(settings, "head_title", "") or f"{municipality_name}{request.agency.name}")
    for line in instructions(municipality_name, request.agency.name, appeal_to):
        document.add_paragraph(line)
    return _save(document)


def render_consultation_notice(appeal, addressee, settings, municipality_name, today):
    """法第105条第2項: the 審査会 has been consulted on an appeal; sent to the appellant and the third parties."""
    request = appeal.request
    board = getattr(settings, "review_board_name", "") or "審査会"
    document = _new_document(wareki(today), "")
    document.add_paragraph(f"{printable(addressee)}　様")
    _sender(document, settings, municipality_name, request.agency.name)
    _heading(document, "審査会への諮問について（通知）")
    against = ("開示請求に係る不作為" if appeal.decision is None
               else f"{wareki(appeal.decision.decided_on)}付けの{appeal.decision.get_outcome_display()}の決定")
    document.add_paragraph(
        f"{wareki(appeal.received_on)}付けで提起された{against}についての審査請求について、"
        f"{LAW}第105条第3項において読み替えて適用する行政不服審査法第81条第1項の機関である{board}に諮問したので、"
        f"{LAW}第105条第2項の規定により通知します。")
    _table(document, [
        ("審査請求の年月日", wareki(appeal.received_on)),
        ("諮問をした日", wareki(appeal.referred_on) if appeal.referred_on else "—"),
        ("諮問をした機関", board),
    ])
    return _save(document)
