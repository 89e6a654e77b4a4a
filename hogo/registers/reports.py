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

# The list columns the seeds print per criterion (after No).
LIST_HEADINGS = {
    "outsourcing": ("委託の内容", "担当部課", "実施機関") + SENSITIVE_HEADINGS,
    "internal_use": ("利用目的", "該当条項", "実施機関", "保有課", "利用課") + SENSITIVE_HEADINGS,
    "provision": ("提供先", "提供先での利用目的", "該当条項", "担当部課", "実施機関") + SENSITIVE_HEADINGS,
    "online_system": ("オンライン結合・システム導入の別", "オンライン結合・システム導入の内容", "担当部課", "実施機関")
    + SENSITIVE_HEADINGS,
}
CONTENTS_HEADING = "条例要配慮個人情報の内容"
COUNT_HEADINGS = ("実施機関", "審査件数", "うち、要配慮個人情報を取り扱うもの", "うち、条例要配慮個人情報を取り扱うもの")


def _yes_no(value):
    return "有" if value else "無"


def list_cells(group, review, with_contents):
    """One list line of the seed's table for ``review`` (without the No)."""
    division, agency = review.division.full_name, review.division.agency.name
    flags = (_yes_no(review.sensitive), _yes_no(review.ordinance_sensitive))
    if group == "outsourcing":
        cells = (review.content, division, agency) + flags
    elif group == "internal_use":
        using = review.using_division.full_name if review.using_division else ""
        cells = (review.content, review.get_legal_basis_display(), agency, division, using) + flags
    elif group == "provision":
        cells = (review.recipient, review.content, review.get_legal_basis_display(), division, agency) + flags
    else:
        cells = (review.get_criterion_display(), review.content, division, agency) + flags
    if with_contents:
        cells += ("\n".join(review.ordinance_sensitive_list()),)
    return cells


@dataclass
class ReviewReport:
    title: str
    scope: str  # the bracketed line under the title
    intro: str
    agencies: list
    tables: list
    lists: dict  # group → [(No, Review)]
    with_contents: bool
    number: int | None = None
    reported_on: date | None = None
    author: str = ""

    def list_headings(self, group):
        headings = ("No",) + LIST_HEADINGS[group]
        return headings + (CONTENTS_HEADING,) if self.with_contents else headings

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


def reviews_carried_out(on):
    """Reviewed operations being carried out on ``on`` (報告第359号: 「…時点で実施している業務」)."""
    return (Review.objects.exclude(decision=Decision.REJECTED)
            .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on))
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on)))


def reviews_decided(date_from, date_to):
    """Reviews decided between two dates, both included (報告第362号)."""
    return Review.objects.filter(decided_on__gte=date_from, decided_on__lte=date_to)


def review_report(*, as_of=None, date_from=None, date_to=None, number=None, reported_on=None):
    """The review report at a date (``as_of``) or for a period (``date_from``–``date_to``)."""
    municipality = Municipality.current()
    if as_of is not None:
        reviews = reviews_carried_out(as_of)
        scope = f"{wareki(as_of)}時点"
        intro = (f"{wareki(as_of)}時点で実施している個人情報を取り扱う業務（外部委託、目的外利用、外部提供、"
                 "オンライン結合及びシステム導入）について、各所管課において審査基準による審査を実施した。")
    else:
        reviews = reviews_decided(date_from, date_to)
        scope = f"{wareki(date_from)}から{wareki(date_to)}までの審査分"
        intro = (f"{wareki(date_from)}から{wareki(date_to)}までの期間に審査が行われた個人情報を取り扱う業務"
                 "（外部委託、目的外利用、外部提供、オンライン結合及びシステム導入）について報告する。")
    basis = f"{municipality.ordinance_name}の規定に基づき、" if municipality.ordinance_name else ""
    intro += f"当該業務のうち、要配慮個人情報又は条例要配慮個人情報を取り扱う案件について、{basis}下記のとおり報告する。"
    reviews = reviews.select_related("division__department__agency", "using_division")
    agencies = list(Agency.objects.values_list("name", flat=True))
    rows = _review_rows(reviews)
    return ReviewReport(
        title="個人情報を取り扱う業務の審査の状況について", scope=scope, intro=intro, agencies=agencies,
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
    agencies = list(Agency.objects.values_list("name", flat=True))
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
