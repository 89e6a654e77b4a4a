"""The inspection schedule of a contract (seed 004, 資料3 §5 and the summary table).

Plain Python: no Django. The rules, as the standard words them:

- 公の施設の指定管理: 委託業務の履行期間中，年１回，実地検査.
- other contracts: 年１回，書面検査; ただし，契約期間が６か月以下の場合はこの限りではない.
  これに加え，複数年契約の場合は，３年に１回は実地検査.
- the division may choose 毎年，実地検査 (5(1), 「妨げない」).

How they are read here (docs/contractors.md gives the reasons):

- 「年１回」 is once per fiscal year (April–March) the contract runs in, the first and
  last one included even when the contract covers only part of it. Each inspection is
  due by the end of its fiscal year, or by the contract's end when that is earlier.
- 「契約期間が６か月以下」: the contract ends no later than the last day of a six-month
  period from its first day, counted as the Civil Code counts (民法第143条): 4/1〜9/30
  and 8/31〜2/28 are six months exactly, so they need no document inspection.
- 「複数年契約」: a contract that runs in more than one fiscal year.
- 「３年に１回は実地検査」: every three consecutive fiscal years of the contract hold an
  on-site inspection, and a multi-year contract shorter than three years holds one. It
  is placed as late as the rule allows (the 3rd, 6th, 9th… fiscal year, or the last
  one of a shorter contract) and replaces that year's document inspection: it checks
  the same ten items (資料6 and 資料7 are the same list), as an on-site inspection
  every year replaces the yearly document inspection.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

ON_SITE, DOCUMENT = "on_site", "document"
KIND_LABELS = {ON_SITE: "実地検査", DOCUMENT: "書面検査"}


class ScheduleError(ValueError):
    """The period cannot be scheduled; the message is Japanese."""


@dataclass(frozen=True)
class Inspection:
    kind: str
    fiscal_year: int
    due: date
    reason: str

    def as_dict(self):
        return {"kind": self.kind, "fiscal_year": self.fiscal_year, "due": self.due.isoformat()}


def fiscal_year_of(day):
    return day.year if day.month >= 4 else day.year - 1


def six_months_end(starts_on):
    """The last day of a six-month period that begins on ``starts_on`` (民法第143条第2項).

    It ends the day before the day of the sixth month that corresponds to the first
    day, or at the end of that month when it has no such day (8/31 → 2/28, or 2/29).
    """
    month_index = starts_on.month - 1 + 6
    year, month = starts_on.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    if starts_on.day > last_day:
        return date(year, month, last_day)
    return date(year, month, starts_on.day) - timedelta(days=1)


def is_six_months_or_less(starts_on, ends_on):
    return ends_on <= six_months_end(starts_on)


def inspection_schedule(starts_on, ends_on, *, designated_manager=False, on_site_every_year=False):
    """Every inspection the contract requires, earliest first."""
    if ends_on < starts_on:
        raise ScheduleError("契約の終期が始期より前です。")
    first, last = fiscal_year_of(starts_on), fiscal_year_of(ends_on)
    years = list(range(first, last + 1))

    def due(year):
        return min(date(year + 1, 3, 31), ends_on)

    if designated_manager:
        return [Inspection(ON_SITE, year, due(year), "公の施設の指定管理：年１回の実地検査") for year in years]
    if on_site_every_year:
        return [Inspection(ON_SITE, year, due(year), "所管課の判断により毎年実地検査") for year in years]
    if is_six_months_or_less(starts_on, ends_on):
        return []
    multi_year = len(years) > 1
    on_site_years = set()
    if multi_year:
        on_site_years = {year for index, year in enumerate(years, 1) if index % 3 == 0}
        if len(years) < 3:
            on_site_years.add(years[-1])
    schedule = []
    for year in years:
        if year in on_site_years:
            schedule.append(Inspection(ON_SITE, year, due(year), "複数年契約：３年に１回は実地検査（その年度の書面検査に代える）"))
        else:
            schedule.append(Inspection(DOCUMENT, year, due(year), "年１回の書面検査"))
    return schedule


def satisfies(required_kind, done_kind):
    """An on-site inspection also satisfies a required document inspection, not the other way round."""
    return required_kind == DOCUMENT or done_kind == ON_SITE
