"""Deadline rules, as tables of cases with fixed dates (no database)."""

from datetime import date

import pytest

from hogo.disclosure import deadlines
from hogo.disclosure.deadlines import DeadlineError, DeadlineSettings, Pause
from hogo.lib.municipal_calendar import MunicipalCalendar

CALENDAR = MunicipalCalendar()
MOVES = DeadlineSettings(office_deadline_moves=True)


def due(kind="disclosure", received="2025-12-26", settings=DeadlineSettings(), pauses=(), extension=0, today=None):
    return deadlines.decision_deadlines(kind, date.fromisoformat(received), calendar=CALENDAR, settings=settings,
                                        pauses=pauses, extension_days=extension, today=today)


@pytest.mark.parametrize("received, settings, expected, moved_from, warns", [
    # An ordinary Wednesday receipt: 30 days later is an open day.
    ("2025-10-01", DeadlineSettings(), "2025-10-31", None, False),
    # Friday before the 敬老の日 weekend: the holidays count; the 30th day is Sunday 10/12 before スポーツの日.
    ("2025-09-12", DeadlineSettings(), "2025-10-12", None, True),
    ("2025-09-12", MOVES, "2025-10-14", "2025-10-12", False),
    # 12/26, just before the year-end closure: the 30th day is Sunday 2026-01-25.
    ("2025-12-26", DeadlineSettings(), "2026-01-25", None, True),
    ("2025-12-26", MOVES, "2026-01-26", "2026-01-25", False),
    # An ordinance that shortens the period to 15 days.
    ("2025-10-01", DeadlineSettings(disclosure_days=15), "2025-10-16", None, False),
])
def test_it_computes_the_decision_deadline(received, settings, expected, moved_from, warns):
    (result,) = due(received=received, settings=settings)
    assert result.date == date.fromisoformat(expected)
    assert result.moved_from == (date.fromisoformat(moved_from) if moved_from else None)
    assert bool(result.warnings) == warns
    assert result.source.startswith("個人情報保護法第83条第1項")
    assert "初日不算入" in result.rule


def test_it_warns_with_the_previous_open_day_when_the_office_deadline_falls_on_a_closure_day():
    (result,) = due(received="2025-12-26")
    assert "閉庁日（日曜日）" in result.warnings[0]
    assert "2026年1月23日" in result.warnings[0]     # Friday before


@pytest.mark.parametrize("pauses, expected, paused_days", [
    # The example: correction asked 1/5, arrived 1/9 → 4 days not counted.
    ([Pause(date(2026, 1, 5), date(2026, 1, 9))], "2026-01-29", 4),
    # A pause spanning 成人の日 (2026-01-12): calendar days, holidays included.
    ([Pause(date(2026, 1, 9), date(2026, 1, 13))], "2026-01-29", 4),
    # Two pauses add up.
    ([Pause(date(2026, 1, 5), date(2026, 1, 6)), Pause(date(2026, 1, 14), date(2026, 1, 16))], "2026-01-28", 3),
])
def test_it_does_not_count_correction_pauses(pauses, expected, paused_days):
    (result,) = due(pauses=pauses)
    assert result.date == date.fromisoformat(expected)
    assert f"補正に要した{paused_days}日" in result.rule
    assert "ただし書" in result.source


def test_it_counts_an_open_pause_up_to_today_and_says_the_date_is_not_final():
    (result,) = due(pauses=[Pause(date(2026, 1, 5))], today=date(2026, 1, 8))
    assert result.date == date(2026, 1, 28)
    assert any("補正待ち" in warning for warning in result.warnings)


def test_it_extends_by_thirty_days():
    original, extended = due(extension=30)
    assert original.date == date(2026, 1, 25)
    assert extended.date == date(2026, 2, 24)
    assert extended.label == "延長後の決定期限"
    assert extended.source == "個人情報保護法第83条第2項"


def test_it_extends_after_a_correction_pause():
    _, extended = due(pauses=[Pause(date(2026, 1, 5), date(2026, 1, 9))], extension=30)
    assert extended.date == date(2026, 2, 28)           # a Saturday: warned, not moved
    assert extended.warnings


@pytest.mark.parametrize("kind, source", [
    ("disclosure", "個人情報保護法第83条第2項"), ("correction", "個人情報保護法第94条第2項"),
    ("suspension", "個人情報保護法第102条第2項"),
])
def test_it_refuses_an_extension_beyond_thirty_days(kind, source):
    with pytest.raises(DeadlineError) as error:
        due(kind=kind, extension=31)
    assert "30日以内" in str(error.value)
    assert source in str(error.value)


def test_it_computes_the_large_volume_special_extension():
    notice, partial, rest = deadlines.special_extension_deadlines(
        "disclosure", date(2025, 12, 26), calendar=CALENDAR, rest_by=date(2026, 4, 30))
    assert (notice.label, notice.date) == ("特例延長の通知期限", date(2026, 1, 25))
    assert (partial.label, partial.date) == ("相当の部分の決定期限", date(2026, 2, 24))
    assert (rest.label, rest.date) == ("残りの部分の決定期限", date(2026, 4, 30))
    assert {item.source for item in (notice, partial, rest)} == {"個人情報保護法第84条"}


def test_it_computes_the_special_extension_of_a_correction_request():
    notice, final = deadlines.special_extension_deadlines(
        "correction", date(2025, 10, 1), calendar=CALENDAR, rest_by=date(2026, 1, 30))
    assert notice.date == date(2025, 10, 31)
    assert final.source == "個人情報保護法第95条"


def test_it_refuses_a_special_extension_date_inside_the_original_period():
    with pytest.raises(DeadlineError):
        deadlines.special_extension_deadlines("disclosure", date(2025, 12, 26), calendar=CALENDAR,
                                              rest_by=date(2026, 1, 20))


@pytest.mark.parametrize("days, counting, received, expected, phrase", [
    (14, "next_day", "2025-11-20", "2025-12-04", "翌日から起算して14日"),
    (15, "next_day", "2025-11-20", "2025-12-05", "翌日から起算して15日"),
    (15, "first_day", "2025-11-20", "2025-12-04", "から起算して15日（請求日を算入）"),
])
def test_it_takes_the_information_disclosure_period_from_the_profile(days, counting, received, expected, phrase):
    settings = DeadlineSettings(info_days=days, info_counting=counting, info_ordinance="世田谷区情報公開条例",
                                info_period_source="世田谷区情報公開条例第11条第1項")
    (result,) = due(kind="information", received=received, settings=settings)
    assert result.date == date.fromisoformat(expected)
    assert phrase in result.rule
    assert result.source == "世田谷区情報公開条例第11条第1項"


def test_it_limits_information_extensions_to_the_ordinance():
    settings = DeadlineSettings(info_extension_days=15, info_ordinance="A市情報公開条例")
    assert due(kind="information", settings=settings, extension=15)[1].date == date(2026, 1, 25)
    with pytest.raises(DeadlineError, match="15日以内"):
        due(kind="information", settings=settings, extension=16)


def test_requester_deadlines_move_to_the_next_open_day():
    choice = deadlines.method_choice_deadline(date(2025, 12, 1), calendar=CALENDAR)
    assert (choice.date, choice.moved_from) == (date(2026, 1, 5), date(2025, 12, 31))
    assert "第87条第4項" in choice.source
    correction = deadlines.follow_up_request_deadline("correction", date(2025, 10, 1), calendar=CALENDAR)
    assert (correction.date, correction.moved_from) == (date(2026, 1, 5), date(2025, 12, 30))
    assert "第90条第3項" in correction.source
    suspension = deadlines.follow_up_request_deadline("suspension", date(2025, 6, 2), calendar=CALENDAR)
    assert suspension.date == date(2025, 9, 1)      # the 90th day, 8/31, is a Sunday
    assert "第98条第3項" in suspension.source


def test_it_refuses_a_pause_that_ends_before_it_starts():
    with pytest.raises(DeadlineError, match="補正を求めた日"):
        due(pauses=[Pause(date(2026, 1, 9), date(2026, 1, 5))])


def test_it_honours_the_municipalitys_own_closure_days():
    calendar = MunicipalCalendar(frozenset({date(2025, 10, 31)}))
    (result,) = deadlines.decision_deadlines("disclosure", date(2025, 10, 1), calendar=calendar, settings=MOVES)
    assert result.date == date(2025, 11, 4)   # 11/1–2 weekend, 11/3 文化の日
