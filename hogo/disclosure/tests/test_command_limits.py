"""``hogo deadline`` at the edges: dates out of range, a database not yet migrated (issue #19)."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

HOGO = Path(sys.executable).with_name("hogo")


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1989-01-07", "2101-01-01"])
def test_it_refuses_dates_outside_the_supported_range(db, day):
    with pytest.raises(CommandError) as error:
        call_command("deadline", "disclosure", "--received", day, stdout=StringIO())
    assert error.value.returncode == 2
    assert f"「{day}」は計算できる範囲（1989-01-08〜2100-12-31）の外です" in str(error.value)


def test_it_says_the_range_on_stderr_without_a_traceback(tmp_path):
    result = _hogo(tmp_path, "deadline", "ppc-final", "--learned", "9999-12-31")
    assert result.returncode == 2
    assert "計算できる範囲" in result.stderr and "Traceback" not in result.stderr


def test_it_works_on_the_default_calendar_before_migrate(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    result = _hogo(tmp_path, "deadline", "disclosure", "--received", "2025-12-26",
                   DATABASE_URL=f"sqlite:///{empty}")
    assert result.returncode == 0, result.stderr
    assert "決定期限: 2026-01-25" in result.stdout
    assert "hogo migrate" in result.stderr and "Traceback" not in result.stderr


def _hogo(tmp_path, *args, **env):
    environment = {**os.environ, **env}
    environment.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'none.sqlite3'}")
    return subprocess.run([str(HOGO), *args], capture_output=True, text=True, env=environment, timeout=120)
