from datetime import date

import pytest

from hogo.lib.municipal_calendar import (
    MunicipalCalendar, fiscal_year, fiscal_year_bounds, parse_month_day, wareki, wareki_fiscal_year,
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


# 地方自治法第4条の2第2項第3号: the year-end closure is whatever the 休日条例 fixes
# ("年末又は年始における日で条例で定めるもの"), so it is a setting, 12/29–1/3 by default.
@pytest.mark.parametrize("year_end, day, closed", [
    (((12, 29), (1, 3)), date(2025, 12, 29), True),    # the default ordinance's first day
    (((12, 29), (1, 3)), date(2025, 12, 26), False),
    (((12, 28), (1, 4)), date(2025, 12, 28), True),    # an ordinance starting a day earlier
    (((12, 28), (1, 4)), date(2027, 1, 4), True),      # …and ending a day later (a Monday)
    (((12, 29), (1, 3)), date(2027, 1, 4), False),
    (((12, 30), (12, 31)), date(2025, 12, 29), False),  # a closure inside one year
    (((12, 30), (12, 31)), date(2025, 12, 30), True),
])
def test_it_takes_the_year_end_closure_from_the_ordinance(year_end, day, closed):
    assert MunicipalCalendar(year_end=year_end).is_open(day) is not closed


@pytest.mark.parametrize("text, parsed", [("12/29", (12, 29)), ("1/3", (1, 3)), (" 01/04 ", (1, 4))])
def test_it_parses_month_and_day(text, parsed):
    assert parse_month_day(text) == parsed


@pytest.mark.parametrize("text", ["", "12", "12-29", "2/30", "13/1", "a/b"])
def test_it_refuses_what_is_not_a_month_and_day(text):
    with pytest.raises(ValueError):
        parse_month_day(text)


def test_it_cites_paragraph_2_item_3_for_the_year_end_closure():
    # 地方自治法第4条の2: 第1項 says an ordinance fixes the holidays, 第2項第3号 lists the year-end ones.
    import hogo.lib.municipal_calendar as module
    assert "第4条の2第2項第3号" in module.__doc__
    assert "第4条の2第1項" not in module.__doc__
