"""The yearly audit report to the council (報告第378号 and its annexed report No.6-2) built from records.

The structure follows the seed (000, 報告第378号): the covering report (number, title, date, office,
preamble, 記, the result, a note on incidents at audited divisions), then the annexed report with
１ 監査の観点, ２ 監査対象課, ３ 監査対象課の選定理由, ４ 監査の実施日時、場所及び内容, ５ 監査の結果,
６ 終わりに. Section ５ adds what the seed states in prose: the findings by category with their
corrective actions. Blocks are rendered by the incidents' renderer (.docx, A4) and template.
"""

from hogo.incidents.documents import Block, day_with_weekday, numbered
from hogo.lib.municipal_calendar import wareki, wareki_fiscal_year
from hogo.safety.choices import CheckCategory

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _number(value):
    """Digits as the seed prints them: 報告第３７８号, 令和７年７月１１日."""
    return str(value).translate(FULLWIDTH)


def _day(day):
    return _number(wareki(day))


def _paragraphs(text, indent=1):
    return [Block("para", line.strip(), indent=indent) for line in text.splitlines() if line.strip()]


def _incident_reference(incident):
    report = incident.council_report
    basis = f"（{incident.council_basis}）" if incident.council_basis else ""
    if report is None:
        return f"「{incident.title}について{basis}」"
    return f"「{incident.title}について{basis}」（{_day(report.reported_on)}付報告第{_number(report.number)}号）"


def report_title(plan):
    return f"{plan.title}の結果について（{_number(wareki_fiscal_year(plan.fiscal_year))}分）"


def annex_title(plan):
    return f"{_number(wareki_fiscal_year(plan.fiscal_year))} {plan.title} 報告書"


def audit_report_blocks(plan, audits, incidents, *, office):
    """The covering report and the annexed report. ``audits``: with findings and actions prefetched;
    ``incidents``: the incidents at the audited divisions to refer to."""
    blocks = []
    if plan.council_report:
        blocks.append(Block("right", f"報告第{_number(plan.council_report.number)}号"))
    blocks.append(Block("title", report_title(plan)))
    if plan.council_report:
        blocks.append(Block("right", _day(plan.council_report.reported_on)))
    blocks.append(Block("right", office))
    blocks.extend(_paragraphs(plan.introduction, indent=0))
    blocks.append(Block("subtitle", "記"))
    blocks.append(Block("heading", "・監査の結果"))
    annex = f"{plan.annex_label}「{annex_title(plan)}」" if plan.annex_label else f"別紙「{annex_title(plan)}」"
    blocks.append(Block("para", f"{annex}のとおり。"))
    for incident in incidents:
        blocks.append(Block("note", f"※監査対象課で発生した保有個人情報の{incident.kind_label}に関する審議会への報告内容については、"
                                    f"{_incident_reference(incident)}のとおり。"))

    blocks.append(Block("title", annex_title(plan)))
    blocks.append(Block("heading", "１ 監査の観点"))
    blocks.extend(_paragraphs(plan.viewpoint))
    blocks.append(Block("heading", "２ 監査対象課"))
    blocks.extend(Block("para", audit.division.full_name
                        + (f"（相互監査：{audit.auditing_division.full_name}）" if audit.is_mutual else ""), indent=1)
                  for audit in audits)
    blocks.append(Block("heading", "３ 監査対象課の選定理由"))
    for audit in audits:
        if len(audits) > 1:
            blocks.append(Block("para", f"【{audit.division.full_name}】", indent=1))
        blocks.extend(_paragraphs(audit.selection_reason))
    blocks.append(Block("heading", "４ 監査の実施日時、場所及び内容"))
    for audit in audits:
        if len(audits) > 1:
            blocks.append(Block("para", f"【{audit.division.full_name}】", indent=1))
        when = _number(day_with_weekday(audit.conducted_on)) if audit.conducted_on else "（未実施）"
        rows = [
            f"{numbered(1)}日時 {when}{audit.time_text}",
            f"{numbered(2)}場所 {' '.join(audit.place.split())}",
            f"{numbered(3)}監査項目 " + " ".join(f"{CIRCLED[index]}{item}"
                                              for index, item in enumerate(audit.item_lines()[:20])),
            f"{numbered(4)}実施手法 {audit.method}（{audit.get_kind_display()}、{audit.auditor}）",
        ]
        blocks.extend(Block("para", row, indent=1) for row in rows if not row.endswith(" "))
    blocks.append(Block("heading", "５ 監査の結果"))
    for audit in audits:
        if len(audits) > 1:
            blocks.append(Block("para", f"【{audit.division.full_name}】", indent=1))
        blocks.extend(_paragraphs(audit.result))
    findings = [finding for audit in audits for finding in audit.findings.all()]
    blocks.append(Block("para", f"指摘事項 {_number(len(findings))}件（うち完了 "
                                f"{_number(sum(1 for finding in findings if finding.is_closed))}件）", indent=1))
    number = 0
    for category in CheckCategory:
        in_category = [finding for finding in findings if finding.category == category]
        if not in_category:
            continue
        number += 1
        blocks.append(Block("para", f"{numbered(number)}{category.label}（{_number(len(in_category))}件）", indent=1))
        for index, finding in enumerate(in_category):
            rule = f"（{finding.rule}）" if finding.rule else ""
            blocks.append(Block("para", f"{CIRCLED[index % 20]}{finding.division.full_name}："
                                        f"{finding.get_severity_display()}{rule} {finding.text}", indent=2))
            for action in finding.actions.all():
                state = f"{_day(action.done_on)}完了" if action.done_on else f"期限 {_day(action.due_on)}"
                blocks.append(Block("para", f"改善措置：{action.text}（担当：{action.owner}、{state}）", indent=3))
            if not finding.actions.all():
                blocks.append(Block("para", "改善措置：未登録", indent=3))
    blocks.append(Block("heading", "６ 終わりに"))
    blocks.extend(_paragraphs(plan.closing))
    return blocks
