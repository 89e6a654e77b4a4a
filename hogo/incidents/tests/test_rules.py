"""The Rule 43 decision and the PPC deadlines, as tables of cases (no database)."""

from datetime import date

import pytest

from hogo.incidents.rules import (
    SENSITIVE_CATEGORIES, IncidentFacts, MyNumberFacts, decide_my_number_report, decide_ppc_report,
    my_number_report_deadlines, ppc_report_deadlines, sensitive_category_source,
)
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


# 行政機関の休日に関する法律第1条第1項 (Saturdays, Sundays, national holidays, 12/29–1/3) and 第2条
# (a deadline on one of them moves to the next day): a municipality's own extra closure day is
# none of these, so the 確報 due date (報告第373号: learned 2025-02-17, day 30 = 2025-03-18) stays.
@pytest.mark.parametrize("closures", [
    frozenset({date(2025, 3, 18)}),                     # the 30th day itself
    frozenset({date(2025, 3, 17), date(2025, 3, 18)}),  # and the day before
])
def test_it_does_not_move_the_final_report_for_a_municipal_closure_day(closures):
    final = _final(date(2025, 2, 17), calendar=MunicipalCalendar(frozenset(closures)))
    assert final.date == date(2025, 3, 18)
    assert final.moved_from is None
    assert "行政機関の休日ではないため期限は動きません" in final.warnings[0]


# 同法第1条第1項第3号 fixes the year-end holidays at 12/29–1/3: a 休日条例 closing the offices
# until 1/4 (地方自治法第4条の2第2項第3号) does not move a 確報 due on Monday 2027-01-04.
def test_it_keeps_the_national_year_end_whatever_the_municipality_closes():
    office = MunicipalCalendar(frozenset(), year_end=((12, 28), (1, 4)))
    final = _final(date(2026, 12, 6), calendar=office)
    assert final.date == date(2027, 1, 4)
    assert final.moved_from is None
    assert "期限は動きません" in final.warnings[0]


# 同法第1条第1項第3号: 12月29日から翌年1月3日まで is a 行政機関の休日 even when the municipality has
# no closure day configured; 2026-01-03 is the 30th day from 2025-12-05 → Monday 2026-01-05.
def test_it_moves_the_final_report_off_the_national_year_end_holidays():
    final = _final(date(2025, 12, 5))
    assert final.moved_from == date(2026, 1, 3)
    assert final.date == date(2026, 1, 5)
    assert "行政機関の休日" in final.warnings[0]


def test_it_gives_the_preliminary_target_window():
    preliminary, final = ppc_report_deadlines(date(2025, 2, 17), unlawful_purpose=False, calendar=CALENDAR)
    assert preliminary.label == "速報の目安"
    assert preliminary.date == date(2025, 2, 22)          # a Saturday: a target, not moved
    assert "2月20日〜2月22日" in preliminary.rule
    assert preliminary.moved_from is None
    assert final.date > preliminary.date


# 法第60条第1項 and 規則第43条: every item is a leak of 「保有個人情報」. Information the office does not hold
# is outside 法第68条 whatever else is true. 規則第43条第3号 as stored in data/reference.txt does not add
# information being acquired (the 2024 amendment changed the private-sector 規則第7条第3号).
@pytest.mark.parametrize("held, required", [
    ("held", True),
    ("not_held", False),
    ("acquiring", False),
])
def test_it_asks_whether_the_information_is_held_before_rule43(held, required):
    facts = IncidentFacts(sensitive=True, unlawful_purpose=True, individuals=500, held=held)
    decision = decide_ppc_report(facts)
    assert decision.required is required
    if held == "not_held":
        assert "法第60条第1項の保有個人情報に当たらない" in decision.explanation
    if held == "acquiring":
        assert "規則第7条第3号" in decision.explanation


def test_it_refuses_an_unknown_held_status():
    with pytest.raises(ValueError):
        decide_ppc_report(IncidentFacts(held="maybe"))


# 施行令第2条第3号: 「…医師その他医療に関連する職務に従事する者により指導又は診療若しくは調剤が行われたこと」;
# seed 000 (報告第373号 ※２) cites the Order's categories as 「法第２条第３項及び法施行令第２条第１号」.
@pytest.mark.parametrize("category, source", [
    ("病歴", "法第2条第3項"),
    ("心身の機能の障害があること", "法第2条第3項及び法施行令第2条第1号"),
    ("健康診断等の結果", "法第2条第3項及び法施行令第2条第2号"),
    ("指導・診療・調剤が行われたこと", "法第2条第3項及び法施行令第2条第3号"),
    ("少年の保護事件に関する手続が行われたこと", "法第2条第3項及び法施行令第2条第5号"),
])
def test_it_cites_where_each_sensitive_category_is_defined(category, source):
    assert category in SENSITIVE_CATEGORIES
    assert sensitive_category_source(category) == source


# 番号法第29条の4第1項 and 特定個人情報漏えい等規則第2条: 第1号 (イ 情報提供ネットワークシステム, ロ 個人番号
# 利用事務の情報システム, ハ 個人番号関係事務の情報システム), 第2号 (不正の目的), 第3号 (電磁的方法により
# 不特定多数の者に閲覧), 第4号 (本人の数が百人を超える).
@pytest.mark.parametrize("facts, items", [
    (MyNumberFacts(system="other", individuals=1), ()),
    (MyNumberFacts(system="network", individuals=1), (1,)),
    (MyNumberFacts(system="use_system", individuals=1), (1,)),
    (MyNumberFacts(system="relation_system", individuals=1), (1,)),
    (MyNumberFacts(system="other", unlawful_purpose=True, individuals=1), (2,)),
    (MyNumberFacts(system="other", exposed_online=True, individuals=1), (3,)),
    (MyNumberFacts(system="other", individuals=100), ()),
    (MyNumberFacts(system="other", individuals=101), (4,)),
    (MyNumberFacts(system="use_system", unlawful_purpose=True, exposed_online=True, individuals=101), (1, 2, 3, 4)),
    (MyNumberFacts(system="use_system", individuals=500, strongly_encrypted=True), ()),
])
def test_it_decides_the_my_number_report(facts, items):
    decision = decide_my_number_report(facts)
    assert decision.items == items
    assert decision.required == bool(items)
    for item in items:
        assert f"特定個人情報漏えい等規則第2条第{item}号" in decision.explanation
    assert ("番号法第29条の4第1項により" in decision.explanation) == bool(items)


# 特定個人情報漏えい等規則第3条第2項: 30 days from learning of it, 60 for a 第2条第2号 situation; a last day on
# a 行政機関の休日 moves to the next day (行政機関の休日に関する法律第2条).
@pytest.mark.parametrize("learned, unlawful, due", [
    (date(2025, 2, 17), False, date(2025, 3, 18)),
    (date(2024, 8, 5), True, date(2024, 10, 3)),
    (date(2025, 2, 1), False, date(2025, 3, 3)),      # 30th day a Sunday
])
def test_it_computes_the_my_number_final_report_deadline(learned, unlawful, due):
    preliminary, final = my_number_report_deadlines(learned, unlawful_purpose=unlawful, calendar=CALENDAR)
    assert final.date == due
    assert final.label == "番号法の確報期限"
    assert final.source.startswith("特定個人情報漏えい等規則第3条第2項")
    assert preliminary.label == "番号法の速報の目安"
