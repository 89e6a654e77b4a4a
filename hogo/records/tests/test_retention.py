"""The retention rules, as tables of cases.

Oracles: the municipal document rules count from 1 April of the fiscal year after
completion (seed 000, audit report: 「文書の保存期間は文書の作成年度の翌年度から起算される」);
seed 001, 報告第360号: five-year files of FY2018 (平成30年度) are marked 「令和6年3月廃棄」.
"""

from datetime import date, datetime, timezone

import pytest

from hogo.records.retention import (
    DAY_AFTER_COMPLETION, FileFacts, HoldFact, RetentionError, active_holds, disposal_problems, file_problems,
    holding_destruction_problems, is_overdue, retention,
)


@pytest.mark.parametrize("completed, years, fiscal_year, starts, ends, allowed", [
    # 報告第360号: FY2018 (closed during 平成30年度), 5 years → kept to March 2024.
    (date(2019, 3, 15), 5, 2018, date(2019, 4, 1), date(2024, 3, 31), date(2024, 4, 1)),
    # The pair: one day apart, different fiscal years, a year apart in disposal.
    (date(2025, 3, 31), 5, 2024, date(2025, 4, 1), date(2030, 3, 31), date(2030, 4, 1)),
    (date(2025, 4, 1), 5, 2025, date(2026, 4, 1), date(2031, 3, 31), date(2031, 4, 1)),
    (date(2024, 4, 1), 1, 2024, date(2025, 4, 1), date(2026, 3, 31), date(2026, 4, 1)),
    (date(2024, 12, 28), 3, 2024, date(2025, 4, 1), date(2028, 3, 31), date(2028, 4, 1)),
    (date(2020, 2, 29), 10, 2019, date(2020, 4, 1), date(2030, 3, 31), date(2030, 4, 1)),
    (date(2025, 6, 30), 30, 2025, date(2026, 4, 1), date(2056, 3, 31), date(2056, 4, 1)),
])
def test_it_counts_retention_from_the_next_fiscal_year(completed, years, fiscal_year, starts, ends, allowed):
    result = retention(completed, years)
    assert (result.fiscal_year, result.starts, result.ends, result.disposal_allowed_from) == (
        fiscal_year, starts, ends, allowed)


@pytest.mark.parametrize("completed, years, ends", [
    (date(2025, 3, 31), 1, date(2026, 3, 31)),
    (date(2025, 6, 10), 5, date(2030, 6, 10)),
    (date(2024, 2, 28), 1, date(2025, 2, 28)),
])
def test_it_counts_from_the_day_after_completion_when_the_series_says_so(completed, years, ends):
    result = retention(completed, years, start_rule=DAY_AFTER_COMPLETION)
    assert result.ends == ends
    assert (result.disposal_allowed_from - result.ends).days == 1


def test_it_never_makes_a_permanent_file_due():
    result = retention(date(2025, 3, 31), 0, permanent=True)
    assert result.ends is None and result.disposal_allowed_from is None
    assert result.as_dict()["retention_ends"] is None


@pytest.mark.parametrize("years", [0, 2, 4, 7, 100])
def test_it_refuses_a_period_the_rules_do_not_know(years):
    with pytest.raises(RetentionError, match="保存期間"):
        retention(date(2025, 1, 1), years)


@pytest.mark.parametrize("holds, active", [
    ((), 0),
    ((HoldFact("開示請求", request_open=True),), 1),
    ((HoldFact("開示請求", request_open=False),), 0),
    ((HoldFact("開示請求", request_open=False, appeal_pending=True),), 1),
    ((HoldFact("A", True), HoldFact("B", False), HoldFact("C", False, True)), 2),
])
def test_it_holds_while_a_request_or_its_appeal_is_open(holds, active):
    assert len(active_holds(holds)) == active


ON = date(2026, 4, 1)
DUE = FileFacts("精神保健相談記録（平成30年度）", date(2024, 4, 1))


@pytest.mark.parametrize("file, expected", [
    (DUE, []),
    (FileFacts("相談記録", date(2026, 4, 1)), []),
    (FileFacts("相談記録", date(2026, 4, 2)), ["「相談記録」は保存期間中です。廃棄できるのは2026年4月2日以降です。"]),
    (FileFacts("常用台帳", None), ["「常用台帳」は保存期間が定まっていないため（未完結または常用）、廃棄できません。"]),
    (FileFacts("申請書", date(2020, 4, 1), (HoldFact("保有個人情報開示請求 第3号", True),)),
     ["「申請書」は請求（保有個人情報開示請求 第3号）が処理中のため廃棄できません。"]),
    (FileFacts("申請書", date(2020, 4, 1), (HoldFact("保有個人情報開示請求 第3号", False, True),)),
     ["「申請書」は請求（保有個人情報開示請求 第3号）が審査請求が係属中のため廃棄できません。"]),
    (FileFacts("申請書", date(2020, 4, 1), already_disposed=True), ["「申請書」は廃棄済みです。"]),
])
def test_it_says_why_a_file_cannot_go(file, expected):
    assert file_problems(file, ON) == expected


def _disposal(**overrides):
    facts = dict(files=[DUE], on=ON, approved=True, privacy_check_needed=False, privacy_checked=False,
                 disposer=1, witness=2)
    facts.update(overrides)
    return disposal_problems(**facts)


@pytest.mark.parametrize("overrides, expected", [
    ({}, []),
    ({"approved": False}, ["保護管理者（課長）の承認がないため廃棄できません。"]),
    ({"witness": None}, ["立会者を指定してください。立会者のない廃棄は記録できません。"]),
    ({"witness": 1}, ["立会者には廃棄を行う職員以外の者を指定してください。"]),
    ({"privacy_check_needed": True}, ["要配慮個人情報を含む簿冊があるため、個人情報保護担当の確認が済むまで廃棄できません。"]),
    ({"privacy_check_needed": True, "privacy_checked": True}, []),
    ({"files": []}, ["廃棄する簿冊がありません。"]),
    ({"method_needs_contractor": True}, ["委託による溶解処理では、委託先を入力してください。"]),
    ({"method_needs_contractor": True, "contractor": "株式会社溶解"}, []),
])
def test_it_refuses_a_disposal_without_approval_check_or_witness(overrides, expected):
    assert _disposal(**overrides) == expected


@pytest.mark.parametrize("overrides, expected", [
    ({}, []),
    ({"check_done_on": None}, ["「東京都の審査」が済んでいないため廃棄できません。"]),
    ({"on": date(2025, 5, 12)}, ["廃棄できるのは2025年5月13日以降です。"]),
    ({"second_checker": None}, ["廃棄前の確認者（2人目）を指定してください。"]),
    ({"second_checker": 1}, ["確認者には廃棄を行う職員以外の者を指定してください。"]),
])
def test_it_keeps_held_papers_until_the_check_and_a_second_person(overrides, expected):
    # 報告第374号: the prefecture's review of an April 2025 application, then a double check.
    facts = dict(on=date(2025, 5, 20), destroy_from=date(2025, 5, 13), check_done_on=date(2025, 5, 13),
                 check_name="東京都の審査", destroyed_by=1, second_checker=2)
    facts.update(overrides)
    assert holding_destruction_problems(**facts) == expected


UTC = timezone.utc


@pytest.mark.parametrize("due, returned, now, overdue", [
    (datetime(2025, 1, 6, 17, tzinfo=UTC), None, datetime(2025, 1, 6, 16, tzinfo=UTC), False),
    (datetime(2025, 1, 6, 17, tzinfo=UTC), None, datetime(2025, 1, 6, 18, tzinfo=UTC), True),
    (datetime(2025, 1, 6, 17, tzinfo=UTC), datetime(2025, 1, 6, 16, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC), False),
    (datetime(2025, 1, 6, 17, tzinfo=UTC), datetime(2025, 1, 7, 9, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC), True),
])
def test_it_finds_media_not_back_in_time(due, returned, now, overdue):
    assert is_overdue(due, returned, now) is overdue
