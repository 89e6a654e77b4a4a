"""Annual statistics of requests, as declared table definitions.

Plain Python (no Django). The database side turns one fiscal year's requests,
decisions and appeals into the simple fact rows below; each table of the seeds
is then a ``TableDefinition``: which rows (agencies, Art.78 items, or one row),
which columns, and the counting rule of each column. Nothing here knows a
total: every cell is counted from the fact rows.

Counting conventions (see docs/disclosure.md for why):
- 請求件数 counts requests received in the fiscal year; their decisions fill the
  processing columns, so one request may count in several of them (Yachiyo's note).
- 実人数 counts distinct requesters per agency; the 計 row adds the agency rows,
  as the seed's 19 = 12 + 4 + 3 does.
- An Art.78 grounds row counts decisions that cite that item; a decision citing
  two items counts in both rows, so the grounds total can exceed the decisions.
"""

from dataclasses import dataclass, field
from typing import Callable

# Outcome and kind codes (the values of hogo.disclosure.choices, repeated as
# plain strings so that this module stays free of Django).
FULL, PARTIAL, REFUSED, NOT_HELD, NCND = "full", "partial", "refused", "not_held", "ncnd"
CORRECTED, NOT_CORRECTED, SUSPENDED, NOT_SUSPENDED = "corrected", "not_corrected", "suspended", "not_suspended"
WITHDRAWN, DISMISSED = "withdrawn", "dismissed"
DISCLOSURE, CORRECTION, SUSPENSION, INFORMATION = "disclosure", "correction", "suspension", "information"
APPI = (DISCLOSURE, CORRECTION, SUSPENSION)
UP_TO_30, OVER_30 = "up_to_30", "over_30"

# 個人情報保護法第78条第1項各号, as the Yachiyo grounds table names them.
ARTICLE_78_ITEMS = {
    1: "開示請求者に関する情報",
    2: "第三者の個人に関する情報",
    3: "法人等に関する情報",
    4: "国の安全等に関する情報",
    5: "公共の安全等に関する情報",
    6: "審議，検討等に関する情報",
    7: "事務又は事業に関する情報",
}


@dataclass(frozen=True)
class RequestFact:
    agency: str
    kind: str
    requester: str          # a key that is the same for the same person (for 実人数)
    extension: str = ""     # "", UP_TO_30 or OVER_30 (special extension)


@dataclass(frozen=True)
class DecisionFact:
    agency: str
    kind: str
    outcome: str
    grounds: frozenset = frozenset()


@dataclass(frozen=True)
class AppealFact:
    kind: str
    outcome: str            # pending, decided, withdrawn, dismissed, other


@dataclass(frozen=True)
class Facts:
    requests: tuple = ()
    decisions: tuple = ()
    appeals: tuple = ()

    def where(self, *, kinds=None, agency=None, ground=None):
        def keep(fact):
            return ((kinds is None or fact.kind in kinds)
                    and (agency is None or getattr(fact, "agency", agency) == agency)
                    and (ground is None or ground in getattr(fact, "grounds", ())))
        return Facts(
            requests=tuple(f for f in self.requests if keep(f) and ground is None),
            decisions=tuple(f for f in self.decisions if keep(f)),
            appeals=tuple(f for f in self.appeals if keep(f) and agency is None and ground is None),
        )


# ----------------------------------------------------------- counting rules

@dataclass(frozen=True)
class Count:
    """A column's counting rule: ``count(facts)`` and a Japanese description for the docs and the screen."""

    describe: str
    count: Callable[[Facts], int]


def requests_received():
    return Count("受け付けた請求の件数", lambda facts: len(facts.requests))


def distinct_requesters():
    return Count("請求者の実人数（同一人の複数の請求は1人）",
                 lambda facts: len({fact.requester for fact in facts.requests}))


def decisions(*outcomes):
    names = "・".join(outcomes)
    return Count(f"決定の件数（{names}）",
                 lambda facts: sum(1 for fact in facts.decisions if fact.outcome in outcomes))


def decisions_except(*outcomes):
    names = "・".join(outcomes)
    return Count(f"決定の件数（{names}を除く）",
                 lambda facts: sum(1 for fact in facts.decisions if fact.outcome not in outcomes))


def extensions(extension):
    return Count(f"決定期間を延長した請求の件数（{extension}）",
                 lambda facts: sum(1 for fact in facts.requests if fact.extension == extension))


def appeals(*outcomes):
    if not outcomes:
        return Count("受け付けた審査請求の件数", lambda facts: len(facts.appeals))
    return Count(f"審査請求の件数（{'・'.join(outcomes)}）",
                 lambda facts: sum(1 for fact in facts.appeals if fact.outcome in outcomes))


# ----------------------------------------------------------- table definitions

@dataclass(frozen=True)
class Column:
    heading: str
    rule: Count
    groups: tuple = ()      # the header cells above this column, outermost first


AGENCIES, GROUNDS, SINGLE = "agencies", "grounds", "single"


@dataclass(frozen=True)
class TableDefinition:
    key: str
    title: str              # "{year}" is replaced by the fiscal year's name, e.g. 令和5年度
    kinds: tuple            # the request kinds it counts
    rows: str               # AGENCIES, GROUNDS or SINGLE
    row_heading: str
    columns: tuple
    total_label: str = "計"
    zero: str = ""          # how a zero prints in a body row ("" = blank cell)
    total_zero: str = ""    # how a zero prints in the total row
    fullwidth: bool = False  # print digits full-width in documents, as Setagaya's handouts do
    appi_only: bool = True  # leave out agencies that are 実施機関 only under the information ordinance
    note: str = ""


PROCESSING = "処理状況"
EXTENSION = "決定期間の延長"
NON_DISCLOSURE_GROUNDS = (PARTIAL, REFUSED, NCND)

YACHIYO_DISCLOSURE = TableDefinition(
    key="yachiyo_disclosure", title="保有個人情報開示請求（{year}）", kinds=(DISCLOSURE,), rows=AGENCIES,
    row_heading="市の機関", total_zero="0",
    columns=(
        Column("実人数", distinct_requesters()),
        Column("請求件数", requests_received()),
        Column("取下げ", decisions(WITHDRAWN), (PROCESSING,)),
        Column("全部開示", decisions(FULL), (PROCESSING,)),
        Column("部分開示", decisions(PARTIAL), (PROCESSING,)),
        Column("不開示", decisions(REFUSED), (PROCESSING,)),
        Column("不開示（存否応答拒否）", decisions(NCND), (PROCESSING,)),
        Column("不開示（不存在）", decisions(NOT_HELD), (PROCESSING,)),
        Column("開示決定件数（取下げを除く）", decisions_except(WITHDRAWN), (PROCESSING,)),
    ),
    note="※ １件の請求が複数の部署にまたがる場合や請求に対する決定内容が異なる場合があるため，"
         "請求件数と処理状況の件数は一致しない場合があります。",
)

YACHIYO_GROUNDS = TableDefinition(
    key="yachiyo_grounds", title="部分開示決定等における不開示事由（{year}）", kinds=(DISCLOSURE,), rows=GROUNDS,
    row_heading="含まれる不開示情報（個人情報保護法第78条該当号）",
    columns=(
        Column("部分開示", decisions(PARTIAL)),
        Column("不開示", decisions(REFUSED)),
        Column("不開示（存否応答拒否）", decisions(NCND)),
        Column("計", decisions(*NON_DISCLOSURE_GROUNDS)),
    ),
    note="※ １件の部分開示決定等において，複数の不開示理由に該当する場合があるため，"
         "開示決定の処理件数とは一致しない場合があります。",
)


def _setagaya_disclosure(key, title, kinds, full, partial, withheld, appi_only):
    """報告第376号・第377号の1: the same layout for 行政情報 and 保有個人情報 disclosure."""
    withheld_group = (PROCESSING, withheld)
    return TableDefinition(
        key=key, title=title, kinds=kinds, rows=AGENCIES, row_heading="実施機関", total_label="合計",
        zero="0", total_zero="0", fullwidth=True, appi_only=appi_only,
        columns=(
            Column("請求件数", requests_received()),
            Column(full, decisions(FULL), (PROCESSING,)),
            Column(partial, decisions(PARTIAL), (PROCESSING,)),
            Column("小計", decisions(REFUSED, NOT_HELD, NCND), withheld_group),
            Column(withheld, decisions(REFUSED), withheld_group),
            Column("不存在", decisions(NOT_HELD), withheld_group),
            Column("存否応答拒否等", decisions(NCND), withheld_group),
            Column("取下げ", decisions(WITHDRAWN), (PROCESSING,)),
            Column("拒否", decisions(DISMISSED), (PROCESSING,)),
            Column("３０日までの延長", extensions(UP_TO_30), (EXTENSION,)),
            Column("３０日を超える延長", extensions(OVER_30), (EXTENSION,)),
        ),
    )


def _setagaya_two_way(key, title, kind, yes, no):
    """報告第377号の2・3: correction and suspension."""
    return TableDefinition(
        key=key, title=title, kinds=(kind,), rows=AGENCIES, row_heading="実施機関", total_label="合計",
        zero="0", total_zero="0", fullwidth=True,
        columns=(
            Column("請求件数", requests_received()),
            Column(yes[1], decisions(yes[0]), (PROCESSING,)),
            Column(no[1], decisions(no[0]), (PROCESSING,)),
            Column("取下げ", decisions(WITHDRAWN), (PROCESSING,)),
            Column("拒否", decisions(DISMISSED), (PROCESSING,)),
            Column("３０日までの延長", extensions(UP_TO_30), (EXTENSION,)),
            Column("３０日を超える延長", extensions(OVER_30), (EXTENSION,)),
        ),
    )


def _setagaya_appeals(key, kinds, appi_only):
    return TableDefinition(
        key=key, title="不服申立ての状況（{year}）", kinds=kinds, rows=SINGLE, row_heading="",
        total_label=None, zero="0", total_zero="0", fullwidth=True, appi_only=appi_only,
        columns=(
            Column("件数", appeals()),
            Column("処理済", appeals("decided"), (PROCESSING,)),
            Column("審査中", appeals("pending"), (PROCESSING,)),
            Column("取下げ", appeals("withdrawn"), (PROCESSING,)),
            Column("却下", appeals("dismissed"), (PROCESSING,)),
            Column("その他", appeals("other"), (PROCESSING,)),
        ),
    )


SETAGAYA_INFORMATION = _setagaya_disclosure(
    "setagaya_information", "行政情報開示請求の状況（{year}）", (INFORMATION,), "全部開示", "一部開示", "非開示",
    appi_only=False)
SETAGAYA_INFORMATION_APPEALS = _setagaya_appeals("setagaya_information_appeals", (INFORMATION,), appi_only=False)
SETAGAYA_DISCLOSURE = _setagaya_disclosure(
    "setagaya_disclosure", "保有個人情報の開示請求の状況（{year}）", (DISCLOSURE,), "全部開示", "部分開示", "不開示",
    appi_only=True)
SETAGAYA_CORRECTION = _setagaya_two_way(
    "setagaya_correction", "保有個人情報の訂正請求の状況（{year}）", CORRECTION,
    (CORRECTED, "訂正"), (NOT_CORRECTED, "不訂正"))
SETAGAYA_SUSPENSION = _setagaya_two_way(
    "setagaya_suspension", "保有個人情報の利用停止請求の状況（{year}）", SUSPENSION,
    (SUSPENDED, "利用停止"), (NOT_SUSPENDED, "不利用停止"))
SETAGAYA_APPI_APPEALS = _setagaya_appeals("setagaya_appi_appeals", APPI, appi_only=True)


@dataclass(frozen=True)
class Report:
    key: str
    title: str
    tables: tuple


REPORTS = {
    report.key: report for report in (
        Report("yachiyo", "保有個人情報開示請求の処理状況（八千代市 資料1の様式）", (YACHIYO_DISCLOSURE, YACHIYO_GROUNDS)),
        Report("setagaya_appi", "個人情報保護制度の実施状況（世田谷区 報告第377号の様式）",
               (SETAGAYA_DISCLOSURE, SETAGAYA_CORRECTION, SETAGAYA_SUSPENSION, SETAGAYA_APPI_APPEALS)),
        Report("setagaya_information", "情報公開制度の実施状況（世田谷区 報告第376号の様式）",
               (SETAGAYA_INFORMATION, SETAGAYA_INFORMATION_APPEALS)),
    )
}


# ----------------------------------------------------------- building tables

@dataclass
class BuiltRow:
    label: str
    values: list
    is_total: bool = False


@dataclass
class Table:
    definition: TableDefinition
    title: str
    rows: list = field(default_factory=list)

    def display(self, value, is_total=False):
        """A cell as the seed prints it: blank or 0 for zero, full-width digits where the seed uses them."""
        if value == 0:
            text = self.definition.total_zero if is_total else self.definition.zero
        else:
            text = str(value)
        return to_fullwidth(text) if self.definition.fullwidth else text

    def display_rows(self):
        return [(row.label, [self.display(value, row.is_total) for value in row.values], row.is_total)
                for row in self.rows]

    def cell(self, value, is_total=False):
        """A cell for a spreadsheet: the number, or None where the seed leaves the cell blank."""
        return None if self.display(value, is_total) == "" else value


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def to_fullwidth(text):
    return text.translate(FULLWIDTH)


def build_table(definition, facts, agencies, year_name=""):
    """Count every cell of ``definition`` from ``facts``. ``agencies`` are the agency rows in order."""
    facts = facts.where(kinds=definition.kinds)
    if definition.rows == AGENCIES:
        row_facts = [(agency, facts.where(agency=agency)) for agency in agencies]
    elif definition.rows == GROUNDS:
        row_facts = [(f"第{item}号　{name}", facts.where(ground=item)) for item, name in ARTICLE_78_ITEMS.items()]
    else:
        row_facts = [("", facts)]
    table = Table(definition, definition.title.format(year=year_name))
    for label, subset in row_facts:
        table.rows.append(BuiltRow(label, [column.rule.count(subset) for column in definition.columns]))
    if definition.total_label:
        totals = [sum(row.values[i] for row in table.rows) for i in range(len(definition.columns))]
        table.rows.append(BuiltRow(definition.total_label, totals, is_total=True))
    return table


def header_rows(definition):
    """The header as rows of ``(text, colspan, rowspan)`` cells, the row heading first.

    Columns sharing a group get one merged cell above them, as the seeds print
    「処理状況」 over the results and 「決定期間の延長」 over the two extension columns.
    """
    paths = [column.groups + (column.heading,) for column in definition.columns]
    depth = max(len(path) for path in paths)
    rows = [[(definition.row_heading, 1, depth)]] + [[] for _ in range(depth - 1)]
    for level in range(depth):
        index = 0
        while index < len(paths):
            path = paths[index]
            if level >= len(path):
                index += 1
                continue
            if level == len(path) - 1:
                rows[level].append((path[level], 1, depth - level))
                index += 1
                continue
            span = 1
            while (index + span < len(paths) and len(paths[index + span]) > level + 1
                   and paths[index + span][:level + 1] == path[:level + 1]):
                span += 1
            rows[level].append((path[level], span, 1))
            index += span
    return rows
