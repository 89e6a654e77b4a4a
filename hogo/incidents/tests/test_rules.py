"""The Rule 43 decision and the PPC deadlines, as tables of cases (no database)."""

from datetime import date

import pytest

from hogo.incidents.rules import IncidentFacts, decide_ppc_report, ppc_report_deadlines
from hogo.lib.municipal_calendar import MunicipalCalendar

CALENDAR = MunicipalCalendar()


@pytest.mark.parametrize("facts, items", [
    (IncidentFacts(individuals=1), ()),
    (IncidentFacts(sensitive=True, individuals=1), (1,)),
    (IncidentFacts(financial_damage_risk=True, individuals=1), (2,)),
    (IncidentFacts(unlawful_purpose=True, individuals=1), (3,)),
    (IncidentFacts(individuals=101), (4,)),
    (IncidentFacts(ordinance_sensitive=True, individuals=1), (5,)),
    # combined
    (IncidentFacts(sensitive=True, individuals=259), (1, 4)),
    (IncidentFacts(unlawful_purpose=True, individuals=116_647), (3, 4)),
    (IncidentFacts(sensitive=True, financial_damage_risk=True, unlawful_purpose=True,
                   individuals=1000, ordinance_sensitive=True), (1, 2, 3, 4, 5)),
    (IncidentFacts(sensitive=True, ordinance_sensitive=True, individuals=3), (1, 5)),
    # item 5 only where the ordinance defines 条例要配慮個人情報
    (IncidentFacts(ordinance_sensitive=True, ordinance_defines_sensitive=False, individuals=1), ()),
])
def test_it_applies_each_rule43_item_alone_and_combined(facts, items):
    decision = decide_ppc_report(facts)
    assert decision.items == items
    assert decision.required == bool(items)
    for item in items:
        assert f"規則第43条第{item}号" in decision.explanation


@pytest.mark.parametrize("individuals, required", [
    (0, False), (99, False), (100, False), (101, True), (102, True),
])
def test_it_reports_more_than_100_individuals_only(individuals, required):
    decision = decide_ppc_report(IncidentFacts(individuals=individuals))
    assert decision.required is required
    assert decision.items == ((4,) if required else ())


def test_it_says_why_100_is_not_enough():
    decision = decide_ppc_report(IncidentFacts(individuals=100))
    assert "第4号（100人を超える）には当たりません" in decision.explanation
    assert "報告は不要" in decision.explanation


@pytest.mark.parametrize("facts", [
    IncidentFacts(sensitive=True, individuals=1, strongly_encrypted=True),
    IncidentFacts(individuals=5000, strongly_encrypted=True),
    IncidentFacts(sensitive=True, financial_damage_risk=True, unlawful_purpose=True,
                  ordinance_sensitive=True, individuals=500, strongly_encrypted=True),
])
def test_it_honours_the_strong_encryption_exception(facts):
    decision = decide_ppc_report(facts)
    assert decision.required is False
    assert decision.items == ()
    assert "高度な暗号化" in decision.explanation
    assert "第43条第1号括弧書き" in decision.explanation


def test_it_flips_when_the_count_is_revised_from_90_to_120():
    before = decide_ppc_report(IncidentFacts(individuals=90))
    after = decide_ppc_report(IncidentFacts(individuals=120))
    assert (before.required, after.required) == (False, True)
    assert after.items_label == "第4号"


def test_it_warns_about_estimates_and_unknown_counts():
    assert "概数（約40人）" in decide_ppc_report(IncidentFacts(individuals=40, individuals_estimated=True)).explanation
    assert "未確定" in decide_ppc_report(IncidentFacts(individuals=None)).explanation


def test_it_refuses_a_negative_count():
    with pytest.raises(ValueError):
        decide_ppc_report(IncidentFacts(individuals=-1))


def _final(learned, unlawful=False, calendar=CALENDAR):
    return ppc_report_deadlines(learned, unlawful_purpose=unlawful, calendar=calendar)[1]


@pytest.mark.parametrize("learned, unlawful, due, moved_from", [
    # 30 days, the day of learning counted as day 1
    (date(2025, 2, 17), False, date(2025, 3, 18), None),        # 報告第373号
    (date(2024, 8, 5), False, date(2024, 9, 3), None),          # 報告第371号: final sent on day 30
    # 30th day on a Sunday → Monday
    (date(2025, 2, 1), False, date(2025, 3, 3), date(2025, 3, 2)),
    # 30th day on a Saturday (報告第360号, learned 2023-07-07) → Monday
    (date(2023, 7, 7), False, date(2023, 8, 7), date(2023, 8, 5)),
    # 30th day on a national holiday (文化の日, Monday 2025-11-03) → Tuesday
    (date(2025, 10, 5), False, date(2025, 11, 4), date(2025, 11, 3)),
    # 30th day on 12/31 → past 1/1–1/3 and the Sunday 1/4 to Monday 2026-01-05
    (date(2025, 12, 2), False, date(2026, 1, 5), date(2025, 12, 31)),
    # 60 days when Rule 43 item 3 applies
    (date(2024, 8, 5), True, date(2024, 10, 3), None),
    # 60th day on a national holiday (敬老の日, 2025-09-15) → Tuesday
    (date(2025, 7, 18), True, date(2025, 9, 16), date(2025, 9, 15)),
    # 60th day on a Sunday (2025-03-02) → Monday
    (date(2025, 1, 2), True, date(2025, 3, 3), date(2025, 3, 2)),
])
def test_it_computes_the_final_report_deadline(learned, unlawful, due, moved_from):
    final = _final(learned, unlawful)
    assert final.date == due
    assert final.moved_from == moved_from
    assert final.label == "確報期限"
    assert final.source.startswith("規則第44条第2項")
    assert ("60日目" if unlawful else "30日目") in final.rule
    assert bool(final.warnings) == (moved_from is not None)


def test_it_moves_off_the_municipalitys_own_closure_day():
    calendar = MunicipalCalendar(frozenset({date(2025, 3, 18)}))
    final = _final(date(2025, 2, 17), calendar=calendar)
    assert final.date == date(2025, 3, 19)
    assert "市区町村の閉庁日" in final.warnings[0]


def test_it_gives_the_preliminary_target_window():
    preliminary, final = ppc_report_deadlines(date(2025, 2, 17), unlawful_purpose=False, calendar=CALENDAR)
    assert preliminary.label == "速報の目安"
    assert preliminary.date == date(2025, 2, 22)          # a Saturday: a target, not moved
    assert "2月20日〜2月22日" in preliminary.rule
    assert preliminary.moved_from is None
    assert final.date > preliminary.date
