import io
import json

from hogo.scanner import cli


def test_it_exits_0_when_nothing_is_found(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("本日の議題は予算です。", encoding="utf-8")
    assert cli.main(["scan", str(tmp_path / "a.txt")]) == 0
    assert "公開可" in capsys.readouterr().out


def test_it_exits_1_and_masks_when_something_is_found(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("山田太郎様 電話090-1234-5678", encoding="utf-8")
    (src / "b.txt").write_text("会議録", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["scan", str(src), "--mask", str(out), "--format", "json", "--no-progress"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["verdict"] for d in data["documents"]] == ["公開不可", "公開可"]
    assert (out / "a.txt").read_text(encoding="utf-8") == "○○様 電話■■■■■■■■■■■■■"


def test_it_exits_2_on_errors_but_scans_the_other_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("山田太郎様", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"broken")
    assert cli.main(["scan", str(tmp_path), "--no-progress"]) == 2
    out = capsys.readouterr().out
    assert "山田太郎" in out and "壊れている" in out
    assert cli.main(["scan", str(tmp_path / "missing.txt")]) == 2


def test_it_reads_and_writes_json_lines(monkeypatch, capsys):
    lines = [
        {"id": "1", "text": "区長 保坂展人"},
        {"id": "2", "text": "山田太郎様"},
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(x, ensure_ascii=False) for x in lines)))
    assert cli.main(["scan", "--jsonl"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out == [
        {"id": "1", "spans": [{"start": 3, "end": 7, "label": "PERSON", "official": True}]},
        {"id": "2", "spans": [{"start": 0, "end": 4, "label": "PERSON"}]},
    ]
