"""The council reports built from the registers: what goes in them.

``review_report`` gives the 報告第359号 layout (operations carried out at a
date) or the 報告第362号 layout (reviews decided between two dates, with
条例要配慮の内容). ``register_report`` gives Yachiyo's register and Art.69
tables. The counting itself is in ``stats``; ``documents`` writes the files.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from hogo.core.models import Agency, Municipality
from hogo.lib.municipal_calendar import fiscal_year_bounds, wareki, wareki_fiscal_year
from hogo.registers import stats
from hogo.registers.choices import Decision, ReportKind
from hogo.registers.models import PersonalInfoFile, ProcessingActivity, Review, UseProvisionRecord

SENSITIVE_HEADINGS = ("要配慮個人情報(有/無)", "条例要配慮個人情報(有/無)")

# The list columns the seeds print per criterion (after No). 報告第359号 (seed 001)
# prints 担当部課 before 実施機関; 報告第362号 (seed 002, 報告資料No.2-2–2-5) prints
# 実施機関 first, then the 担当部課 (or 保有課 and 利用課).
LIST_HEADINGS = {
    "outsourcing": ("委託の内容", "担当部課", "実施機関") + SENSITIVE_HEADINGS,
    "internal_use": ("利用目的", "該当条項", "実施機関", "保有課", "利用課") + SENSITIVE_HEADINGS,
    "provision": ("提供先", "提供先での利用目的", "該当条項", "担当部課", "実施機関") + SENSITIVE_HEADINGS,
    "online_system": ("オンライン結合・システム導入の別", "オンライン結合・システム導入の内容", "担当部課", "実施機関")
    + SENSITIVE_HEADINGS,
}
PERIOD_LIST_HEADINGS = {
    "outsourcing": ("委託の内容", "実施機関", "担当部課") + SENSITIVE_HEADINGS,
    "internal_use": ("利用目的", "該当条項", "実施機関", "保有課", "利用課") + SENSITIVE_HEADINGS,
    "provision": ("提供先", "提供先での利用目的", "該当条項", "実施機関", "担当部課") + SENSITIVE_HEADINGS,
    "online_system": ("オンライン結合・システム導入の別", "オンライン結合・システム導入の内容", "実施機関", "担当部課")
    + SENSITIVE_HEADINGS,
}
CONTENTS_HEADING = "条例要配慮個人情報の内容"
# Seed 002's 目的外利用 list alone names the column 「…の内訳」.
CONTENTS_HEADINGS = {"internal_use": "条例要配慮個人情報の内訳"}
COUNT_HEADINGS = ("実施機関", "審査件数", "うち、要配慮個人情報を取り扱うもの", "うち、条例要配慮個人情報を取り扱うもの")
PERIOD_COUNT_HEADINGS = ("実施機関", "審査件数", "審査件数のうち、要配慮個人情報を取り扱うもの",
                         "審査件数のうち、条例要配慮個人情報を取り扱うもの")
CRITERIA_TEXT = "外部委託、目的外利用、外部提供、オンライン結合及びシステム導入"


def _yes_no(value):
    return "有" if value else "無"


def list_cells(group, review, with_contents):
    """One list line of the seed's table for ``review`` (without the No).

    ``with_contents`` selects the 報告第362号 layout (実施機関 first, with the
    条例要配慮個人情報 contents); otherwise the 報告第359号 layout.
    """
    values = {
        "担当部課": review.division.full_name,
        "保有課": review.division.full_name,
        "実施機関": review.division.agency.name,
        "利用課": review.using_division.full_name if review.using_division else "",
        "該当条項": review.get_legal_basis_display(),
        "提供先": review.recipient,
        "オンライン結合・システム導入の別": review.get_criterion_display(),
        SENSITIVE_HEADINGS[0]: _yes_no(review.sensitive),
        SENSITIVE_HEADINGS[1]: _yes_no(review.ordinance_sensitive),
    }
    headings = (PERIOD_LIST_HEADINGS if with_contents else LIST_HEADINGS)[group]
    cells = tuple(values.get(heading, review.content) for heading in headings)
    if with_contents:
        cells += ("\n".join(review.ordinance_sensitive_list()),)
    return cells


@dataclass
class ReviewReport:
    title: str
    scope: str  # the bracketed line under the title
    intro_paragraphs: tuple
    agencies: list
    tables: list
    lists: dict  # group → [(No, Review)]
    with_contents: bool
    number: int | None = None
    reported_on: date | None = None
    author: str = ""

    @property
    def intro(self):
        return "\n".join(self.intro_paragraphs)

    @property
    def count_headings(self):
        return PERIOD_COUNT_HEADINGS if self.with_contents else COUNT_HEADINGS

    @property
    def list_section_title(self):
        """Section 2's heading: 359 says 「含む案件」, 362 「取り扱う案件」."""
        verb = "取り扱う" if self.with_contents else "含む"
        return f"2 要配慮個人情報又は条例要配慮個人情報を{verb}案件（一覧）"

    def list_headings(self, group):
        if not self.with_contents:
            return ("No",) + LIST_HEADINGS[group]
        return ("No",) + PERIOD_LIST_HEADINGS[group] + (CONTENTS_HEADINGS.get(group, CONTENTS_HEADING),)

    def list_rows(self, group):
        return [(number,) + list_cells(group, review, self.with_contents) for number, review in self.lists[group]]


def _review_rows(reviews):
    rows = []
    for review in reviews:
        agency = review.division.agency
        # The seed's order: agency, then the register's own number, then entry order.
        sort_key = (agency.order, review.number is None, review.number or 0, review.pk)
        rows.append(stats.ReviewRow(agency.name, review.criterion, review.sensitive,
                                    review.ordinance_sensitive, sort_key, review))
    return rows


def appi_agencies():
    """The agencies the APPI applies to, in order: not the 議会 (法第2条第11項第2号), which is an
    実施機関 only under the information ordinance (``RequestSettings.information_only_agencies``)."""
    from hogo.disclosure.models import RequestSettings

    information_only = RequestSettings.current().information_only_agencies.all()
    return list(Agency.objects.exclude(pk__in=information_only).values_list("name", flat=True))


def reviews_carried_out(on):
    """Reviewed operations being carried out on ``on`` (報告第359号: 「…時点で実施している業務」)."""
    return (Review.objects.exclude(decision=Decision.REJECTED)
            .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on))
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on)))


def reviews_decided(date_from, date_to):
    """Reviews decided between two dates, both included (報告第362号)."""
    return Review.objects.filter(decided_on__gte=date_from, decided_on__lte=date_to)


def period_text(date_from, date_to):
    """「令和5年4月2日から同年8月31日まで」: the second date's era year becomes 同年, as seed 002 prints it."""
    first, last = wareki(date_from), wareki(date_to)
    era_year = last[:last.index("年") + 1]
    if first.startswith(era_year):
        last = "同年" + last[len(era_year):]
    return f"{first}から{last}まで"


def _join_japanese(names):
    """「区長、教育委員会及び農業委員会」."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return "、".join(names[:-1]) + "及び" + names[-1]


def _intro_paragraphs(municipality, agencies, *, as_of=None, date_from=None, date_to=None):
    """The introduction in the seeds' wording (報告第359号 in seed 001, 報告第362号 in seed 002).

    The standard (世田谷区個人情報保護管理基準) and the ordinance and rule articles
    come from the municipality's settings; a blank setting leaves its phrase out.
    """
    standard = f"{municipality.management_standard_name}に基づき、" if municipality.management_standard_name else ""
    basis = f"{municipality.review_report_basis}の規定に基づき、" if municipality.review_report_basis else ""
    if as_of is not None:
        return (
            f"{wareki(as_of)}時点で実施している個人情報を取り扱う業務（{CRITERIA_TEXT}）について、"
            f"{standard}各所管課において審査基準による審査を実施した。",
            f"当該業務のうち、要配慮個人情報又は条例要配慮個人情報を含む案件について、{basis}下記のとおり報告する。",
        )
    unit = municipality.name[-1:] if municipality.name[-1:] in ("都", "道", "府", "県", "市", "区", "町", "村") else ""
    bodies = f"{unit}の各実施機関（{_join_japanese(agencies)}）" if unit else f"各実施機関（{_join_japanese(agencies)}）"
    return (
        f"{bodies}が個人情報を取り扱う業務（{CRITERIA_TEXT}）を実施する際には、"
        f"{standard}各所管課において審査基準による審査を実施することとしている。",
        f"{period_text(date_from, date_to)}の期間に審査が行われた業務のうち、要配慮個人情報又は条例要配慮個人情報を"
        f"取り扱う案件について、{basis}下記のとおり報告する。",
    )


def review_report(*, as_of=None, date_from=None, date_to=None, number=None, reported_on=None):
    """The review report at a date (``as_of``) or for a period (``date_from``–``date_to``)."""
    municipality = Municipality.current()
    agencies = appi_agencies()
    if as_of is not None:
        reviews = reviews_carried_out(as_of)
        scope = f"{wareki(as_of)}時点"
    else:
        reviews = reviews_decided(date_from, date_to)
        scope = f"{period_text(date_from, date_to)}の審査分"
    intro = _intro_paragraphs(municipality, agencies, as_of=as_of, date_from=date_from, date_to=date_to)
    reviews = reviews.select_related("division__department__agency", "using_division")
    rows = _review_rows(reviews)
    return ReviewReport(
        title="個人情報を取り扱う業務の審査の状況について", scope=scope, intro_paragraphs=intro, agencies=agencies,
        tables=stats.review_count_tables(rows, agencies),
        lists={group: [(n, row.item) for n, row in items] for group, items in stats.listed_cases(rows).items()},
        with_contents=as_of is None, number=number, reported_on=reported_on,
        author=municipality.privacy_office_name,
    )


@dataclass
class RegisterReport:
    title: str
    fiscal_years: tuple
    year_headings: tuple
    activity_table: stats.CountTable
    file_table: stats.CountTable
    activities_at_enforcement: int
    files_at_enforcement: int
    use_year: int
    use_tables: list = field(default_factory=list)
    number: int | None = None
    reported_on: date | None = None
    author: str = ""


def _register_rows(queryset):
    return [stats.RegisterRow(agency, registered, abolished) for agency, registered, abolished in
            queryset.values_list("division__department__agency__name", "registered_on", "abolished_on")]


def register_report(first_year, second_year, use_year, *, number=None, reported_on=None):
    """Registers per agency at two fiscal year ends, and Art.69 counts for ``use_year`` (Yachiyo)."""
    agencies = appi_agencies()
    year_ends = tuple(fiscal_year_bounds(year)[1] for year in (first_year, second_year))
    activities = _register_rows(ProcessingActivity.objects.all())
    files = _register_rows(PersonalInfoFile.objects.all())
    first, last = fiscal_year_bounds(use_year)
    uses = [stats.UseRow(agency, kind, basis) for agency, kind, basis in
            UseProvisionRecord.objects.filter(occurred_on__gte=first, occurred_on__lte=last)
            .values_list("division__department__agency__name", "kind", "legal_basis")]
    use_label = wareki_fiscal_year(use_year)
    return RegisterReport(
        title="個人情報保護制度の運用状況について",
        fiscal_years=(first_year, second_year),
        year_headings=tuple(f"{wareki_fiscal_year(year)}末" for year in (first_year, second_year)),
        activity_table=stats.register_count_table("activities", "個人情報取扱事務登録簿", activities,
                                                  agencies, year_ends),
        file_table=stats.register_count_table("files", "個人情報ファイル簿", files, agencies, year_ends),
        activities_at_enforcement=stats.count_in_force(activities, stats.ENFORCEMENT_DATE),
        files_at_enforcement=stats.count_in_force(files, stats.ENFORCEMENT_DATE),
        use_year=use_year,
        use_tables=[stats.art69_table("internal_use", f"個人情報の目的外利用（{use_label}）", uses, agencies),
                    stats.art69_table("provision", f"個人情報の外部提供（{use_label}）", uses, agencies)],
        number=number, reported_on=reported_on, author=Municipality.current().privacy_office_name,
    )


def art69_headings(table):
    return ("市の機関",) + tuple(label for _, label in stats.ART69_COLUMNS[table.key]) + ("計",)


def register_sections(report):
    """The tables of a register report in the seed's order, with headings and notes."""
    sections = []
    for table, at_enforcement in ((report.activity_table, report.activities_at_enforcement),
                                  (report.file_table, report.files_at_enforcement)):
        sections.append({"title": table.title, "headings": ("市の機関",) + report.year_headings, "table": table,
                         "note": f"※ 改正法施行時点の総件数は {at_enforcement} 件"})
    for table in report.use_tables:
        sections.append({"title": table.title, "headings": art69_headings(table), "table": table, "note": ""})
    return sections


def review_listings(report):
    return [{"title": title, "headings": report.list_headings(group), "rows": report.list_rows(group)}
            for group, title, _ in stats.REVIEW_GROUPS]


def report_for(issued):
    """Rebuild the report an ``IssuedReport`` stands for, with its number."""
    council = issued.council_report
    number = council.number if council else None
    reported_on = council.reported_on if council else None
    if issued.kind == ReportKind.REVIEWS_AS_OF:
        return review_report(as_of=issued.date_to, number=number, reported_on=reported_on)
    if issued.kind == ReportKind.REVIEWS_PERIOD:
        return review_report(date_from=issued.date_from, date_to=issued.date_to,
                             number=number, reported_on=reported_on)
    return register_report(issued.fiscal_year - 1, issued.fiscal_year, issued.fiscal_year,
                           number=number, reported_on=reported_on)
