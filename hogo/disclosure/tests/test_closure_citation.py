"""Which provision a deadline moved off a closure day cites (legal review, issue 11, correction 2)."""

from datetime import date

from hogo.disclosure import deadlines
from hogo.disclosure.deadlines import DeadlineSettings
from hogo.lib.municipal_calendar import MunicipalCalendar

MOVES = DeadlineSettings(office_deadline_moves=True)


def test_it_cites_civil_code_142_by_analogy_when_the_office_deadline_moves():
    # 地方自治法第4条の2第4項 covers only 「地方公共団体の行政庁に対する申請、届出その他の行為の期限」
    # (acts towards the office), so the office's own decision deadline moved by the municipality's
    # setting rests on 民法第142条 applied by analogy.
    (result,) = deadlines.decision_deadlines("disclosure", date(2025, 12, 26), calendar=MunicipalCalendar(),
                                             settings=MOVES)
    assert result.moved_from == date(2026, 1, 25)
    assert "民法第142条（類推）" in result.source
    assert "地方自治法第4条の2第4項" not in result.source


def test_it_keeps_article_4_2_4_for_the_requesters_own_act():
    # 法第87条第4項 (choosing the method within 30 days) is an act towards the office:
    # 地方自治法第4条の2第4項 moves it. Notified 2025-11-28: the 30th day is Sunday 12/28.
    result = deadlines.method_choice_deadline(date(2025, 11, 28), calendar=MunicipalCalendar())
    assert result.moved_from == date(2025, 12, 28)
    assert result.date == date(2026, 1, 5)
    assert "地方自治法第4条の2第4項" in result.source


def test_it_moves_the_office_deadline_past_the_ordinances_longer_year_end_closure():
    # 地方自治法第4条の2第2項第3号: an ordinance whose closure runs to 1/4. Received 2026-12-05,
    # the 30th day is Monday 2027-01-04, closed under that ordinance: moved to 1/5.
    calendar = MunicipalCalendar(year_end=((12, 29), (1, 4)))
    (result,) = deadlines.decision_deadlines("disclosure", date(2026, 12, 5), calendar=calendar, settings=MOVES)
    assert result.moved_from == date(2027, 1, 4)
    assert result.date == date(2027, 1, 5)
