import json
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _json(capsys, *args):
    call_command("retention", *args)
    return json.loads(capsys.readouterr().out)


def test_it_prints_the_issue_json_for_a_file_of_the_last_day_of_the_fiscal_year(capsys):
    assert _json(capsys, "--completed", "2025-03-31", "--years", "5", "--json") == {
        "fiscal_year": 2024, "retention_starts": "2025-04-01", "retention_ends": "2030-03-31",
        "disposal_allowed_from": "2030-04-01"}


def test_it_moves_a_file_of_1_april_into_the_next_year(capsys):
    assert _json(capsys, "--completed", "2025-04-01", "--years", "5", "--json") == {
        "fiscal_year": 2025, "retention_starts": "2026-04-01", "retention_ends": "2031-03-31",
        "disposal_allowed_from": "2031-04-01"}


def test_it_prints_null_dates_for_a_permanent_file(capsys):
    data = _json(capsys, "--completed", "2025-04-01", "--permanent", "--json")
    assert data["retention_ends"] is None and data["disposal_allowed_from"] is None


@pytest.mark.parametrize("args, message", [
    (["--completed", "2025-02-30", "--years", "5"], "読めません"),
    (["--completed", "2025-03-31", "--years", "4"], "保存期間は1年、3年、5年、10年、30年"),
    (["--completed", "2025-03-31"], "--years"),
    (["--years", "5"], "--completed"),
    (["--completed", "2025-03-31", "--years", "五"], "--years"),
    (["--completed", "2025-03-31", "--years", "5", "--permanent"], "同時に指定できません"),
])
def test_it_refuses_bad_input_in_japanese_with_status_2(args, message):
    with pytest.raises(CommandError, match=message) as raised:
        call_command("retention", *args)
    assert raised.value.returncode == 2


def test_it_exits_2_on_the_command_line():
    done = subprocess.run([sys.executable, "manage.py", "retention", "--completed", "x", "--years", "5", "--json"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "日付「x」を読めません" in done.stderr
    assert done.stdout == ""
