"""The inspection schedule (seed 004, 資料3 §5 and its summary table) as a table of cases, and ``hogo inspections``."""

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hogo.contractors.schedule import ScheduleError, inspection_schedule

D, S = "document", "on_site"

CASES = [
    # (start, end, designated manager, on-site every year, expected [(kind, FY, due)], reason)
    ("2025-04-01", "2026-03-31", False, False, [(D, 2025, "2026-03-31")],
     "one fiscal year, over six months: 年１回，書面検査"),
    ("2025-04-01", "2025-09-30", False, False, [],
     "six months exactly: 契約期間が６か月以下の場合はこの限りではない"),
    ("2025-04-01", "2025-10-01", False, False, [(D, 2025, "2025-10-01")],
     "six months and one day: inspected, due by the contract's end (earlier than 3/31)"),
    ("2025-04-01", "2025-06-30", False, False, [], "three months: six months or less"),
    ("2025-10-01", "2026-03-31", False, False, [], "the second half of a fiscal year: six months exactly"),
    ("2025-12-01", "2026-05-31", False, False, [],
     "six months across two fiscal years: the six-month exception still applies"),
    ("2025-08-31", "2026-02-28", False, False, [],
     "8/31 to 2/28 is six months: February has no 31st, the period ends at its last day (民法第143条第2項)"),
    ("2025-08-31", "2026-03-01", False, False, [(D, 2025, "2026-03-01")],
     "one day past six months, within one fiscal year: one document inspection"),
    ("2027-08-31", "2028-02-29", False, False, [], "six months ending on a leap day"),
    ("2025-04-01", "2025-04-01", False, False, [], "a one-day contract: six months or less"),
    ("2025-10-01", "2026-09-30", False, False, [(D, 2025, "2026-03-31"), (S, 2026, "2026-09-30")],
     "twelve months over two fiscal years: multi-year, so its last year is on-site (３年に１回は実地検査)"),
    ("2026-01-01", "2026-12-31", False, False, [(D, 2025, "2026-03-31"), (S, 2026, "2026-12-31")],
     "a calendar-year contract runs in two fiscal years: document in the first, on-site in the second"),
    ("2025-04-01", "2027-03-31", False, False, [(D, 2025, "2026-03-31"), (S, 2026, "2027-03-31")],
     "two-year contract: one on-site within the contract, in its last year"),
    ("2025-04-01", "2028-03-31", False, False,
     [(D, 2025, "2026-03-31"), (D, 2026, "2027-03-31"), (S, 2027, "2028-03-31")],
     "three-year contract: document, document, on-site in the third year"),
    ("2025-04-01", "2029-03-31", False, False,
     [(D, 2025, "2026-03-31"), (D, 2026, "2027-03-31"), (S, 2027, "2028-03-31"), (D, 2028, "2029-03-31")],
     "four-year contract: years 2–4 already hold the on-site of year 3"),
    ("2025-04-01", "2030-03-31", False, False,
     [(D, 2025, "2026-03-31"), (D, 2026, "2027-03-31"), (S, 2027, "2028-03-31"), (D, 2028, "2029-03-31"),
      (D, 2029, "2030-03-31")],
     "five-year contract: every three consecutive years (1–3, 2–4, 3–5) hold the on-site of year 3"),
    ("2025-04-01", "2031-03-31", False, False,
     [(D, 2025, "2026-03-31"), (D, 2026, "2027-03-31"), (S, 2027, "2028-03-31"), (D, 2028, "2029-03-31"),
      (D, 2029, "2030-03-31"), (S, 2030, "2031-03-31")],
     "six-year contract: on-site in years 3 and 6"),
    ("2025-07-01", "2028-06-30", False, False,
     [(D, 2025, "2026-03-31"), (D, 2026, "2027-03-31"), (S, 2027, "2028-03-31"), (D, 2028, "2028-06-30")],
     "three years from July run in four fiscal years; the last one is due at the contract's end"),
    ("2025-04-01", "2026-04-01", False, False, [(D, 2025, "2026-03-31"), (S, 2026, "2026-04-01")],
     "one year and a day reaches a second fiscal year: multi-year, on-site by its last day"),
    ("2025-04-01", "2028-03-31", True, False,
     [(S, 2025, "2026-03-31"), (S, 2026, "2027-03-31"), (S, 2027, "2028-03-31")],
     "指定管理 for three years: 年１回，実地検査"),
    ("2025-04-01", "2025-08-31", True, False, [(S, 2025, "2025-08-31")],
     "指定管理 for five months: the six-month exception is only for other contracts"),
    ("2025-10-01", "2030-09-30", True, False,
     [(S, 2025, "2026-03-31"), (S, 2026, "2027-03-31"), (S, 2027, "2028-03-31"), (S, 2028, "2029-03-31"),
      (S, 2029, "2030-03-31"), (S, 2030, "2030-09-30")],
     "指定管理 for five years from October: six fiscal years, each on-site"),
    ("2025-04-01", "2026-03-31", False, True, [(S, 2025, "2026-03-31")],
     "the division chose 毎年，実地検査 (基準5(1)): on-site instead of the document inspection"),
    ("2025-04-01", "2028-03-31", False, True,
     [(S, 2025, "2026-03-31"), (S, 2026, "2027-03-31"), (S, 2027, "2028-03-31")],
     "three years, on-site every year by the division's choice"),
    ("2025-04-01", "2028-03-31", True, True,
     [(S, 2025, "2026-03-31"), (S, 2026, "2027-03-31"), (S, 2027, "2028-03-31")],
     "指定管理 and the division's choice agree: one on-site a year, not two"),
]


@pytest.mark.parametrize("start, end, designated, every_year, expected, reason", CASES,
                         ids=[case[-1][:60] for case in CASES])
def test_it_schedules_inspections_as_the_standard_says(start, end, designated, every_year, expected, reason):
    schedule = inspection_schedule(date.fromisoformat(start), date.fromisoformat(end),
                                   designated_manager=designated, on_site_every_year=every_year)
    assert [(item.kind, item.fiscal_year, item.due.isoformat()) for item in schedule] == expected, reason


def test_it_has_at_least_twenty_cases_with_reasons():
    assert len(CASES) >= 20 and all(case[-1] for case in CASES)


def test_it_refuses_an_end_before_the_start():
    with pytest.raises(ScheduleError, match="終期が始期より前"):
        inspection_schedule(date(2025, 4, 1), date(2025, 3, 31))


def test_it_answers_on_the_command_line_without_a_record(capsys):
    call_command("inspections", "--start", "2025-04-01", "--end", "2028-03-31", "--json")
    assert json.loads(capsys.readouterr().out) == {"inspections": [
        {"kind": "document", "fiscal_year": 2025, "due": "2026-03-31"},
        {"kind": "document", "fiscal_year": 2026, "due": "2027-03-31"},
        {"kind": "on_site", "fiscal_year": 2027, "due": "2028-03-31"},
    ]}
    call_command("inspections", "--start", "2025-04-01", "--end", "2026-03-31", "--designated-manager", "--json")
    assert json.loads(capsys.readouterr().out)["inspections"][0]["kind"] == "on_site"
    call_command("inspections", "--start", "2025-04-01", "--end", "2026-03-31", "--on-site-every-year", "--json")
    assert json.loads(capsys.readouterr().out)["inspections"][0]["kind"] == "on_site"


@pytest.mark.parametrize("argv, message", [
    (["--start", "2025-04-01"], "--end を指定してください"),
    (["--start", "2025/13/01", "--end", "2026-03-31"], "--start の日付「2025/13/01」を読めません"),
    (["--start", "2025-04-01", "--end", "2025-03-31"], "契約の終期が始期より前です"),
    (["--start", "1900-04-01", "--end", "2025-03-31"], "計算できる範囲"),
])
def test_it_refuses_bad_input_in_japanese_with_status_2(argv, message):
    with pytest.raises(CommandError, match=message) as error:
        call_command("inspections", *argv, "--json")
    assert error.value.returncode == 2


def test_it_exits_2_with_the_message_on_stderr():
    import subprocess
    import sys

    code = "import sys; from hogo.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run([sys.executable, "-c", code, "inspections", "--start", "x", "--end", "2025-01-01"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "--start の日付「x」を読めません" in result.stderr
