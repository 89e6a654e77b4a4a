"""The municipal calendar: which days the office is open, and how the law counts days.

Plain Python with no Django imports, so the rules can be read and tested alone.
Every deadline in Hogo (requests, PPC reports, appeals) is computed with these
functions; each function's docstring names the rule it implements.

Closure days (閉庁日) are:
- Saturdays and Sundays;
- national holidays (国民の祝日に関する法律, including substitute and citizens'
  holidays), taken from the maintained ``jpholiday`` package rather than a
  hand-typed list;
- the year-end and new-year closure: the days the municipality's 休日条例
  fixes under 地方自治法第4条の2第2項第3号 (12/29 to 1/3 by default, as most
  ordinances and 行政機関の休日に関する法律第1条第1項第3号 say; configurable
  per municipality);
- the municipality's own extra closure days (configured in its profile).

When a period the office itself must keep (a decision deadline) ends on a
closure day, Hogo moves it to the next open day by analogy with 民法第142条;
地方自治法第4条の2第4項 governs periods owed *to* the municipality (a
requester's or appellant's act), which Hogo does not compute.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import jpholiday

SATURDAY = 5

# The dates Hogo computes with: from the first day of 平成 (no record it keeps
# is older) to the end of 2100, so a deadline a year or two ahead stays within
# ``date``'s range and jpholiday's rules. Commands and views refuse others.
FIRST_SUPPORTED_DAY = date(1989, 1, 8)
LAST_SUPPORTED_DAY = date(2100, 12, 31)
SUPPORTED_RANGE_TEXT = f"{FIRST_SUPPORTED_DAY:%Y-%m-%d}〜{LAST_SUPPORTED_DAY:%Y-%m-%d}"


def is_supported_day(day: date) -> bool:
    return FIRST_SUPPORTED_DAY <= day <= LAST_SUPPORTED_DAY


def is_supported_fiscal_year(year: int) -> bool:
    """A fiscal year whose whole span (4/1 to 3/31) the supported range can name: 1989–2099."""
    return FIRST_SUPPORTED_DAY.year <= year < LAST_SUPPORTED_DAY.year


MonthDay = tuple[int, int]

# 地方自治法第4条の2第2項第3号 leaves the dates to the 休日条例; 12/29–1/3 is what
# almost every ordinance (and 行政機関の休日に関する法律第1条第1項第3号) fixes.
DEFAULT_YEAR_END: tuple[MonthDay, MonthDay] = ((12, 29), (1, 3))


def parse_month_day(text: str) -> MonthDay:
    """``"12/29"`` → ``(12, 29)``; ValueError for anything that is not a day of a leap year."""
    month_text, sep, day_text = text.strip().partition("/")
    if not sep or not month_text.isdigit() or not day_text.isdigit():
        raise ValueError(f"not a month/day: {text!r}")
    month, day = int(month_text), int(day_text)
    date(2024, month, day)  # raises ValueError for 2/30, 13/1…
    return month, day


def is_year_end_closure(day: date, year_end: tuple[MonthDay, MonthDay] = DEFAULT_YEAR_END) -> bool:
    """Whether ``day`` falls in the year-end closure from ``year_end[0]`` to ``year_end[1]``.

    地方自治法第4条の2第2項第3号 (the dates the 休日条例 fixes; default 12/29–1/3).
    The closure may wrap past 12/31 (12/29–1/3) or lie inside one year.
    """
    first, last = year_end
    key = (day.month, day.day)
    if first <= last:
        return first <= key <= last
    return key >= first or key <= last


def holiday_name(day: date) -> str | None:
    """The name of the national holiday on ``day``, or None."""
    return jpholiday.is_holiday_name(day)


@dataclass(frozen=True)
class MunicipalCalendar:
    """One municipality's calendar: national rules plus its own closure days."""

    extra_closures: frozenset[date] = field(default_factory=frozenset)
    year_end: tuple[MonthDay, MonthDay] = DEFAULT_YEAR_END

    def closure_reason(self, day: date) -> str | None:
        """Why the office is closed on ``day`` (in Japanese), or None when it is open."""
        if day.weekday() == SATURDAY:
            return "土曜日"
        if day.weekday() == SATURDAY + 1:
            return "日曜日"
        name = holiday_name(day)
        if name:
            return f"祝日（{name}）"
        if is_year_end_closure(day, self.year_end):
            return "年末年始の閉庁日"
        if day in self.extra_closures:
            return "市区町村の閉庁日"
        return None

    def is_open(self, day: date) -> bool:
        return self.closure_reason(day) is None

    def add_days(self, start: date, days: int) -> date:
        """The last day of a period of ``days`` days that starts on ``start``.

        初日不算入 (民法第140条): the day of ``start`` itself is not counted, so the
        period begins the next day and its last day is ``start + days``.
        E.g. received 2025-04-01, 30 days → 2025-05-01. Closure days are counted
        like any other day; whether a last day on a closure day moves is a
        separate rule (see ``roll_forward``).
        """
        if days < 0:
            raise ValueError("days must not be negative")
        return start + timedelta(days=days)

    def add_days_counting_first(self, start: date, days: int) -> date:
        """The last day when the first day counts (「起算して」): ``start + days - 1``.

        Some information-disclosure ordinances count the period from the day of
        receipt itself (e.g. 「請求があった日から起算して15日以内」).
        """
        if days < 1:
            raise ValueError("days must be at least 1")
        return start + timedelta(days=days - 1)

    def roll_forward(self, day: date) -> date:
        """``day`` itself when the office is open, else the next open day.

        民法第142条 (applied by analogy to the office's own deadlines): when
        the last day of a period falls on a closure day, the period ends on the
        following open day. Callers decide whether the rule applies to a given
        deadline.
        """
        while not self.is_open(day):
            day += timedelta(days=1)
        return day

    def add_business_days(self, start: date, days: int) -> date:
        """The ``days``-th open day after ``start`` (``start`` itself not counted).

        Used for periods written in 開庁日 / 営業日 (e.g. "3 business days").
        """
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        remaining = days
        while remaining:
            day += timedelta(days=1)
            if self.is_open(day):
                remaining -= 1
        return day

    def closure_days_between(self, first: date, last: date) -> list[date]:
        """Every closure day from ``first`` to ``last``, both included."""
        days = []
        day = first
        while day <= last:
            if not self.is_open(day):
                days.append(day)
            day += timedelta(days=1)
        return days


def fiscal_year(day: date) -> int:
    """The fiscal year (年度) that ``day`` belongs to: April to March, named by its April."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_bounds(year: int) -> tuple[date, date]:
    """The first and last day of fiscal year ``year`` (4/1 to the next 3/31)."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def wareki(day: date) -> str:
    """``day`` in the Japanese era calendar as the seeds print it, e.g. 令和7年2月13日."""
    if day >= date(2019, 5, 1):
        era, first = "令和", 2019
    elif day >= date(1989, 1, 8):
        era, first = "平成", 1989
    else:
        era, first = "昭和", 1926
    year = day.year - first + 1
    year_text = "元" if year == 1 else str(year)
    return f"{era}{year_text}年{day.month}月{day.day}日"


def wareki_fiscal_year(year: int) -> str:
    """Fiscal year ``year`` as the seeds name it: 2024 → 令和6年度, 2019 → 令和元年度.

    A fiscal year is named by the era of its end, so FY2019 (which began in
    平成31年4月) is 令和元年度.
    """
    if year >= 2019:
        era, number = "令和", year - 2018
    else:
        era, number = "平成", year - 1988
    return f"{era}{'元' if number == 1 else number}年度"
