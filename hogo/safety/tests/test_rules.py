"""The plain rules, as tables of cases with fixed dates."""

from datetime import date

import pytest

from hogo.safety import rules
from hogo.safety.rules import Assignment

D = date

# Yachiyo 管理指針 §2: 総括保護管理者 = 総務部長 (whole city), 保護管理者 per department, 保護責任者 per 課.
# Setagaya 報告第378号: the 保護管理者 of a division is its 課長.
STRUCTURE = [
    Assignment("general_manager", "総務部長A", D(2023, 4, 1), D(2025, 3, 31)),
    Assignment("general_manager", "総務部長B", D(2025, 4, 1)),
    Assignment("manager", "区長部局の保護管理者", D(2023, 4, 1), agency_id=1),
    Assignment("manager", "北沢健康づくり課長", D(2024, 4, 1), division_id=20),
    Assignment("responsible", "課長X", D(2024, 4, 1), D(2024, 9, 30), division_id=10),
    Assignment("responsible", "課長Y", D(2024, 10, 1), division_id=10),
    Assignment("audit_officer", "監査責任者", D(2023, 4, 1)),
]


@pytest.mark.parametrize("post, day, division_id, agency_id, expected", [
    ("general_manager", D(2025, 3, 31), 10, 1, "総務部長A"),      # last day of the term
    ("general_manager", D(2025, 4, 1), 10, 1, "総務部長B"),       # successor from the first day
    ("general_manager", D(2023, 3, 31), 10, 1, None),            # before anyone held it
    ("manager", D(2024, 8, 5), 20, 1, "北沢健康づくり課長"),        # the division's own wins over the agency's
    ("manager", D(2024, 8, 5), 10, 1, "区長部局の保護管理者"),      # no division assignment: the agency's
    ("manager", D(2024, 8, 5), 30, 2, None),                     # another agency, nobody
    ("responsible", D(2024, 9, 30), 10, 1, "課長X"),
    ("responsible", D(2024, 10, 1), 10, 1, "課長Y"),
    ("responsible", D(2024, 10, 1), 20, 1, None),                # another division's 課長 is not ours
    ("audit_officer", D(2025, 2, 26), None, None, "監査責任者"),
])
def test_it_finds_who_holds_a_post_on_a_day(post, day, division_id, agency_id, expected):
    assert rules.holder_on(STRUCTURE, post, day, division_id=division_id, agency_id=agency_id) == expected


def test_it_prefers_the_later_start_among_overlapping_terms():
    items = [Assignment("officer", "前任", D(2024, 4, 1), division_id=1),
             Assignment("officer", "後任", D(2024, 10, 1), division_id=1)]
    assert rules.holder_on(items, "officer", D(2024, 12, 1), division_id=1) == "後任"


@pytest.mark.parametrize("post, starts_on, ends_on, others, problem", [
    ("manager", D(2024, 4, 1), None, [(D(2023, 4, 1), D(2024, 3, 31))], None),
    ("manager", D(2024, 4, 1), None, [(D(2023, 4, 1), None)], "重なっています"),
    ("manager", D(2024, 4, 1), D(2024, 3, 1), [], "終了日が開始日より前"),
    ("officer", D(2024, 4, 1), None, [(D(2023, 4, 1), None)], None),   # several 保護担当者 at once
    ("audit_officer", D(2024, 4, 1), D(2024, 4, 1), [(D(2024, 4, 1), D(2024, 4, 1))], "重なっています"),
])
def test_it_refuses_two_holders_of_a_single_post(post, starts_on, ends_on, others, problem):
    result = rules.assignment_problem(post, starts_on, ends_on, others)
    assert (result is None) if problem is None else (problem in result)


@pytest.mark.parametrize("day, months, expected", [
    (D(2024, 8, 14), 12, D(2025, 8, 14)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2024, 8, 31), 6, D(2025, 2, 28)),
    (D(2024, 10, 31), 6, D(2025, 4, 30)),
    (D(2024, 12, 15), 1, D(2025, 1, 15)),
])
def test_it_adds_calendar_months(day, months, expected):
    assert rules.add_months(day, months) == expected


@pytest.mark.parametrize("last, started, expected", [
    (D(2024, 8, 14), D(2020, 4, 1), D(2025, 8, 14)),   # a year after the 文書監督者研修 of 378
    (None, D(2025, 4, 1), D(2026, 4, 1)),              # new staff: a year after they started
])
def test_it_sets_when_training_is_due(last, started, expected):
    assert rules.training_due_on(last, started) == expected


@pytest.mark.parametrize("attended, total, expected", [(0, 0, None), (3, 4, 75.0), (2, 3, 66.7), (5, 5, 100.0)])
def test_it_computes_the_completion_rate(attended, total, expected):
    assert rules.completion_rate(attended, total) == expected


@pytest.mark.parametrize("last, registered, expected", [
    (None, D(2024, 8, 6), D(2025, 2, 6)),
    (D(2025, 2, 26), D(2024, 8, 6), D(2025, 8, 26)),
])
def test_it_sets_when_the_speed_dial_list_is_checked_again(last, registered, expected):
    assert rules.verification_due_on(last, registered) == expected


@pytest.mark.parametrize("channel, method, sender, checker, expected", [
    ("fax", "fax_cover", 1, 2, []),
    ("fax", "fax_cover", 1, 1, ["確認者は送付者と別の職員にしてください（二者確認）。"]),
    ("fax", "fax_cover", 1, None, ["送付前に宛先と内容を確認した職員（送付者以外）を選んでください。"]),
    ("mail", "tokutei_kiroku", 1, 2, []),
    ("mail", "password_separate", 1, 2, ["送付の方法が送付手段に合っていません。"]),
    ("email", "password_separate", 1, 2, []),
])
def test_it_checks_a_send(channel, method, sender, checker, expected):
    assert rules.send_problems(channel=channel, method=method, sender_id=sender, checker_id=checker) == expected


def test_it_summarises_sends_by_month():
    facts = [rules.SendFact(D(2024, 8, 5), "fax", "fax_cover", True),
             rules.SendFact(D(2024, 8, 20), "mail", "tokutei_kiroku", False),
             rules.SendFact(D(2024, 9, 2), "fax", "fax_cover", False)]
    summary = rules.monthly_summary(facts)
    assert list(summary) == [(2024, 8), (2024, 9)]
    assert summary[(2024, 8)]["total"] == 2
    assert summary[(2024, 8)]["misdirected"] == 1
    assert summary[(2024, 8)]["by_channel"]["fax"] == 1


@pytest.mark.parametrize("done, closes", [([], False), ([False], False), ([True, False], False), ([True], True),
                                          ([True, True], True)])
def test_it_closes_a_finding_when_every_action_is_done(done, closes):
    assert rules.finding_closes(done) is closes


@pytest.mark.parametrize("due, done, today, overdue", [
    (D(2025, 3, 31), None, D(2025, 4, 1), True),
    (D(2025, 3, 31), None, D(2025, 3, 31), False),
    (D(2025, 3, 31), D(2025, 4, 2), D(2025, 4, 3), False),
    (None, None, D(2025, 4, 1), False),
])
def test_it_knows_an_overdue_action(due, done, today, overdue):
    assert rules.action_overdue(due, done, today) is overdue


@pytest.mark.parametrize("year, due", [(2024, D(2025, 3, 31)), (2025, D(2026, 3, 31))])
def test_it_sets_the_self_check_due_at_fiscal_year_end(year, due):
    assert rules.self_check_due_on(year) == due


def test_it_turns_no_answers_into_findings():
    assert rules.failed_items([(1, "yes"), (2, "no"), (3, "na"), (4, "no")]) == [2, 4]


def test_it_gives_a_division_thirty_days_to_name_an_action():
    assert rules.corrective_action_due_on(D(2025, 2, 26)) == D(2025, 3, 28)
