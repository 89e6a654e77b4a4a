"""The bounds on what one document may cost: the size of a zip part before parsing, the extracted text."""

import time
import zipfile

import pytest

from hogo.scanner import documents
from hogo.scanner.documents import scan_file


def _docx_with_part_of(path, megabytes):
    # Stored, not deflated: the part passes the compression-ratio check and only its size is wrong.
    body = "<w:p><w:r><w:t>区は施策を進めます。</w:t></w:r></w:p>" * (megabytes * 1024 * 1024 // 60)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")


def test_it_refuses_a_docx_whose_xml_part_is_over_the_cap_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "large.docx"
    _docx_with_part_of(path, 3)
    monkeypatch.setattr(documents, "open_docx", lambda path: pytest.fail("the part must not be parsed"))
    started = time.monotonic()
    report = scan_file(path, max_part_bytes=2 * 1024 * 1024)
    assert time.monotonic() - started < 1
    assert report.error == ("文書内の部品（word/document.xml）が展開後 3 MB あり、上限 2 MB を超えるため"
                            "処理を中止しました（zip 爆弾の疑い）。")
    assert report.verdict == "要確認"


def test_it_refuses_text_over_the_cap(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("区は施策を進めます。\n" * 20, encoding="utf-8")
    report = scan_file(path, max_text_chars=100)
    assert report.error == "本文が長すぎます（上限 100 文字）。文書を分けてチェックしてください。"
    assert report.hits == []


def test_it_reports_progress_block_by_block(tmp_path):
    path = tmp_path / "three.txt"
    path.write_text("一行目\n二行目\n三行目", encoding="utf-8")
    seen = []
    scan_file(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
