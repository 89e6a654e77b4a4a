"""Counting rules for the council reports, as plain functions over simple rows.

No ORM here: callers turn records into the small dataclasses below, so the
rules can be read and tested alone. The layouts follow the seeds:

- 報告第359号 / 第362号 (Setagaya): per review criterion, a table of agencies
  with 審査件数, うち要配慮, うち条例要配慮 and 合計; then the numbered list of
  the reviews that handle 要配慮 or 条例要配慮 information.
- Yachiyo (seed 004): registers in force per agency at fiscal year ends with 計,
  and Art.69 use / provision counts per agency by the provision relied on.
"""

from dataclasses import dataclass
from datetime import date

# The four report tables, in the seeds' order. オンライン結合 and システム導入
# (and operations that are both) share the fourth table.
REVIEW_GROUPS = (
    ("outsourcing", "外部委託の審査基準", ("outsourcing",)),
    ("internal_use", "目的外利用の審査基準", ("internal_use",)),
    ("provision", "外部提供の審査基準", ("provision",)),
    ("online_system", "オンライン結合・システム導入における審査基準", ("online_link", "system", "online_link_system")),
)

# Yachiyo's Art.69 tables: 目的外利用 has no 第3号 column (that item is a
# provision to another body) and 外部提供 no 第2号 column (internal use).
ART69_COLUMNS = {
    "internal_use": (("art69_2_1", "法第69条第2項第1号"), ("art69_2_2", "法第69条第2項第2号"),
                     ("art69_2_4", "法第69条第2項第4号"), ("art69_1", "その他の法令")),
    "provision": (("art69_2_1", "法第69条第2項第1号"), ("art69_2_3", "法第69条第2項第3号"),
                  ("art69_2_4", "法第69条第2項第4号"), ("art69_1", "その他の法令")),
}


@dataclass(frozen=True)
class ReviewRow:
    agency: str
    criterion: str
    sensitive: bool
    ordinance_sensitive: bool
    sort_key: tuple = ()
    item: object = None  # what the list prints (the caller's record)


@dataclass(frozen=True)
class CountLine:
    agency: str
    counts: tuple


@dataclass(frozen=True)
class CountTable:
    key: str
    title: str
    lines: tuple  # CountLine per agency
    total: tuple

    def cell(self, agency, column):
        for line in self.lines:
            if line.agency == agency:
                return line.counts[column]
        raise KeyError(agency)


def group_of(criterion):
    for key, _, criteria in REVIEW_GROUPS:
        if criterion in criteria:
            return key
    raise ValueError(f"unknown criterion {criterion!r}")


def _table(key, title, agencies, counted):
    """``counted`` maps agency → list of counts; every agency gets a line, in order."""
    width = len(next(iter(counted.values()), ())) if counted else 0
    lines = []
    for agency in agencies:
        lines.append(CountLine(agency, tuple(counted.get(agency, [0] * width))))
    total = tuple(sum(line.counts[i] for line in lines) for i in range(width))
    return CountTable(key, title, tuple(lines), total)


def review_count_tables(rows, agencies):
    """The four 審査件数 tables: (審査件数, うち要配慮, うち条例要配慮) per agency."""
    tables = []
    for key, title, _ in REVIEW_GROUPS:
        counted = {agency: [0, 0, 0] for agency in agencies}
        for row in rows:
            if group_of(row.criterion) != key:
                continue
            counts = counted.setdefault(row.agency, [0, 0, 0])
            counts[0] += 1
            counts[1] += row.sensitive
            counts[2] += row.ordinance_sensitive
        tables.append(_table(key, title, agencies, counted))
    return tables


def listed_cases(rows):
    """Per group, the numbered reviews that handle 要配慮 or 条例要配慮 information.

    Numbering restarts at 1 in each group, in ``sort_key`` order (agency order,
    then the register's own number), as the seed numbers its lists.
    """
    lists = {key: [] for key, _, _ in REVIEW_GROUPS}
    for row in sorted(rows, key=lambda r: r.sort_key):
        if row.sensitive or row.ordinance_sensitive:
            lists[group_of(row.criterion)].append(row)
    return {key: list(enumerate(items, 1)) for key, items in lists.items()}


@dataclass(frozen=True)
class RegisterRow:
    agency: str
    registered_on: date
    abolished_on: date | None = None


def in_force(registered_on, abolished_on, on):
    """A register entry counts on ``on`` if registered by then and not yet abolished.

    The abolition date is the first day the entry no longer exists, so an
    entry abolished on 3/31 is not counted at that fiscal year end.
    """
    return registered_on <= on and (abolished_on is None or abolished_on > on)


def register_count_table(key, title, rows, agencies, dates):
    """Entries in force per agency at each of ``dates`` (one column per date), with 計."""
    counted = {agency: [0] * len(dates) for agency in agencies}
    for row in rows:
        counts = counted.setdefault(row.agency, [0] * len(dates))
        for i, on in enumerate(dates):
            counts[i] += in_force(row.registered_on, row.abolished_on, on)
    return _table(key, title, agencies, counted)


def count_in_force(rows, on):
    return sum(in_force(row.registered_on, row.abolished_on, on) for row in rows)


@dataclass(frozen=True)
class UseRow:
    agency: str
    kind: str
    legal_basis: str


def art69_table(kind, title, rows, agencies):
    """Counts per agency by the Art.69 provision relied on, then 計 per line."""
    columns = [basis for basis, _ in ART69_COLUMNS[kind]]
    counted = {agency: [0] * (len(columns) + 1) for agency in agencies}
    for row in rows:
        if row.kind != kind:
            continue
        counts = counted.setdefault(row.agency, [0] * (len(columns) + 1))
        if row.legal_basis not in columns:
            raise ValueError(f"{row.legal_basis} is not a basis for {kind}")
        counts[columns.index(row.legal_basis)] += 1
        counts[-1] += 1
    return _table(kind, title, agencies, counted)


# 法第69条第2項第4号 speaks only of providing (「…保有個人情報を提供するとき」), so an
# internal use cannot rest on it; Yachiyo's table still prints the (empty) column.
NOT_FOR = {"internal_use": ("art69_2_4",)}


def allowed_bases(kind):
    """The Art.69 bases a record of ``kind`` may rely on (the printed columns less ``NOT_FOR``)."""
    return [basis for basis, _ in ART69_COLUMNS[kind] if basis not in NOT_FOR.get(kind, ())]

# The amended APPI applied to local governments from this day (改正法施行日);
# Yachiyo's tables note the register totals at that point.
ENFORCEMENT_DATE = date(2023, 4, 1)
