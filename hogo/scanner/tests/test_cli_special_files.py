"""`hogo scan` refuses what is not a regular file instead of waiting on it (issue #19)."""

import os
import subprocess
import sys
from pathlib import Path

from hogo.scanner import cli

HOGO = Path(sys.executable).with_name("hogo")


def test_it_refuses_a_named_pipe_and_exits_2(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # A subprocess with a timeout: the old code blocked for ever opening the pipe.
    result = subprocess.run([str(HOGO), "scan", str(fifo)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"{fifo}: 通常のファイルではないため検査しません" in result.stderr


def test_it_names_a_pipe_inside_a_folder_and_scans_the_rest(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("本日の議題は予算です。", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    assert cli.main(["scan", str(tmp_path), "--no-progress"]) == 2
    captured = capsys.readouterr()
    assert "公開可" in captured.out
    assert "b.txt: 通常のファイルではないため検査しません" in captured.err
