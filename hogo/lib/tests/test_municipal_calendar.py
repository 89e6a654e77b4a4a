from datetime import date

import pytest

from hogo.lib.municipal_calendar import (
    MunicipalCalendar, fiscal_year, fiscal_year_bounds, wareki, wareki_fiscal_year,
)

CALENDAR = MunicipalCalendar()


@pytest.mark.parametrize("day, reason", [
    (date(2025, 11, 22), "土曜日"),
    (date(2025, 11, 23), "日曜日"),
    (date(2025, 11, 24), "祝日（勤労感謝の日 振替休日）"),
    (date(2025, 12, 29), "年末年始の閉庁日"),
    (date(2025, 12, 31), "年末年始の閉庁日"),
    (date(2026, 1, 1), "祝日（元日）"),
    (date(2026, 1, 2), "年末年始の閉庁日"),
    (date(2026, 1, 3), "土曜日"),
    (date(2026, 1, 5), None),
    (date(2025, 12, 26), None),
])
def test_it_knows_closure_days(day, reason):
    assert CALENDAR.closure_reason(day) == reason


def test_it_honours_extra_closure_days():
    calendar = MunicipalCalendar(frozenset({date(2025, 12, 26)}))
    assert calendar.closure_reason(date(2025, 12, 26)) == "市区町村の閉庁日"
    assert calendar.roll_forward(date(2025, 12, 26)) == date(2026, 1, 5)


@pytest.mark.parametrize("start, days, expected", [
    (date(2025, 4, 1), 30, date(2025, 5, 1)),      # first day not counted
    (date(2025, 1, 31), 30, date(2025, 3, 2)),     # across a short month
    (date(2024, 2, 28), 1, date(2024, 2, 29)),     # leap day
    (date(2025, 12, 1), 0, date(2025, 12, 1)),
])
def test_it_adds_days_without_the_first_day(start, days, expected):
    assert CALENDAR.add_days(start, days) == expected


def test_it_counts_the_first_day_when_asked():
    assert CALENDAR.add_days_counting_first(date(2025, 4, 1), 15) == date(2025, 4, 15)


@pytest.mark.parametrize("day, expected", [
    (date(2025, 11, 21), date(2025, 11, 21)),  # open Friday stays
    (date(2025, 11, 22), date(2025, 11, 25)),  # Sat → Sun → substitute holiday → Tue
    (date(2025, 12, 28), date(2026, 1, 5)),    # Sunday, then 12/29–1/3, then the weekend
    (date(2026, 5, 3), date(2026, 5, 7)),      # Golden Week
])
def test_it_rolls_forward_to_the_next_open_day(day, expected):
    assert CALENDAR.roll_forward(day) == expected


@pytest.mark.parametrize("start, days, expected", [
    (date(2025, 11, 20), 1, date(2025, 11, 21)),
    (date(2025, 11, 21), 1, date(2025, 11, 25)),
    (date(2025, 12, 26), 3, date(2026, 1, 7)),
])
def test_it_adds_business_days(start, days, expected):
    assert CALENDAR.add_business_days(start, days) == expected


def test_it_refuses_negative_periods():
    with pytest.raises(ValueError):
        CALENDAR.add_days(date(2025, 1, 1), -1)


@pytest.mark.parametrize("day, year", [(date(2025, 3, 31), 2024), (date(2025, 4, 1), 2025)])
def test_it_knows_the_fiscal_year(day, year):
    assert fiscal_year(day) == year


def test_it_names_dates_as_the_seeds_do():
    assert fiscal_year_bounds(2024) == (date(2024, 4, 1), date(2025, 3, 31))
    assert wareki(date(2025, 2, 13)) == "令和7年2月13日"
    assert wareki(date(2019, 5, 1)) == "令和元年5月1日"
    assert wareki(date(2019, 4, 30)) == "平成31年4月30日"
    assert wareki_fiscal_year(2024) == "令和6年度"
    assert wareki_fiscal_year(2019) == "令和元年度"
