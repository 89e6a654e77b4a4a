"""Per format: scan, mask, extract the masked file again and check."""

import zipfile

import pytest

from hogo.scanner.documents import (
    MaskOptions,
    extract_segments,
    mask_file,
    mask_pieces,
    scan_file,
)
from hogo.scanner.finding import Finding

COMMENT = "私の姪の花子（奥沢在住）は、幼い頃から喘息の持病があり、知的障害もあります。"
SECRETS = ("花子", "奥沢", "喘息", "知的障害")
OFFICIAL = "区長 保坂展人"


def all_text(path):
    return "\n".join(seg.text for seg in extract_segments(path))


def check_masked(original, tmp_path):
    report = scan_file(original, mask_dir=tmp_path / "out")
    assert report.error == ""
    assert report.verdict == "公開不可"
    assert {h.label for h in report.hits} >= {"PERSON", "ADDRESS", "MEDICAL", "DISABILITY"}
    masked = all_text(report.masked_path)
    for secret in SECRETS:
        assert secret not in masked
    assert "○○" in masked and "■" in masked
    assert "保坂展人" in masked  # an official in their role stays
    return report


def test_it_masks_txt(tmp_path):
    path = tmp_path / "comment.txt"
    path.write_text(f"{COMMENT}\n{OFFICIAL}\n", encoding="utf-8")
    report = check_masked(path, tmp_path)
    assert report.hits[0].location == "1行目"


def test_it_masks_shift_jis_csv_in_place(tmp_path):
    path = tmp_path / "comments.csv"
    path.write_bytes(f"番号,意見\r\n1,{COMMENT}\r\n2,{OFFICIAL}\r\n".encode("cp932"))
    report = check_masked(path, tmp_path)
    assert report.hits[0].location == "2行2列"
    assert (tmp_path / "out" / "comments.csv").read_bytes().decode("cp932").startswith("番号,意見")


def make_docx(path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("区民意見と区の考え方")
    p = doc.add_paragraph("私の姪の")
    p.add_run("花")  # a name split across runs
    p.add_run("子（奥沢在住）は、幼い頃から喘息の持病があり、知的障害もあります。")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "連絡先"
    table.cell(0, 1).text = "電話 090-1234-5678"
    doc.sections[0].header.paragraphs[0].text = OFFICIAL
    doc.sections[0].footer.paragraphs[0].text = "作成者 山田太郎様"
    doc.core_properties.author = "鈴木一郎"
    doc.save(path)


def test_it_masks_docx_body_tables_headers_and_footers(tmp_path):
    path = tmp_path / "comments.docx"
    make_docx(path)
    report = check_masked(path, tmp_path)
    locations = {h.location.split(" ")[0] for h in report.hits}
    assert {"本文", "本文（表）", "ヘッダー（セクション1）", "フッター（セクション1）"} <= locations
    masked = all_text(report.masked_path)
    assert "090-1234-5678" not in masked and "山田太郎" not in masked and "鈴木一郎" not in masked


def test_it_masks_xlsx_every_sheet(tmp_path):
    import openpyxl

    path = tmp_path / "comments.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "意見"
    wb.active["B2"] = COMMENT
    wb.active["B3"] = OFFICIAL
    other = wb.create_sheet("連絡先")
    other["A1"] = "電話 090-1234-5678"
    wb.save(path)
    report = check_masked(path, tmp_path)
    assert {h.location for h in report.hits} >= {"意見!B2", "連絡先!A1"}
    assert "090-1234-5678" not in all_text(report.masked_path)


def make_pdf(path, lines):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    c = canvas.Canvas(str(path))
    c.setFont("HeiseiKakuGo-W5", 10)
    for k, line in enumerate(lines):
        c.drawString(40, 800 - 15 * k, line)
    c.showPage()
    c.save()


def test_it_masks_pdf_so_the_text_cannot_be_extracted(tmp_path):
    path = tmp_path / "comments.pdf"
    cut = COMMENT.index("知的")
    make_pdf(path, [COMMENT[:cut], COMMENT[cut:], OFFICIAL])
    assert "喘息" in all_text(path)  # the fixture really has a text layer
    report = check_masked(path, tmp_path)
    assert report.hits[0].location == "1ページ"


def test_mask_pieces_keeps_run_boundaries():
    findings = [Finding(4, 6, "PERSON", 0.9, ""), Finding(7, 9, "ADDRESS", 0.9, "")]
    pieces = ["私の姪の", "花", "子（奥沢在住）"]
    assert mask_pieces(pieces, findings, MaskOptions()) == ["私の姪の", "○○", "（■■在住）"]


def test_it_masks_names_with_the_mask_char_when_asked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("山田太郎様", encoding="utf-8")
    out = mask_file(path, tmp_path / "out", options=MaskOptions(char="■", person_text=""))
    assert out.read_text(encoding="utf-8") == "■■■■様"


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_it_leaves_findings_a_reviewer_kept_readable(tmp_path, suffix):
    path = tmp_path / f"comment{suffix}"
    if suffix == ".pdf":
        make_pdf(path, [COMMENT])
    else:
        path.write_text(COMMENT, encoding="utf-8")
    options = MaskOptions(keep=frozenset({("奥沢", "ADDRESS")}))
    masked = all_text(mask_file(path, tmp_path / "out", options=options))
    assert "奥沢" in masked
    for secret in ("花子", "喘息", "知的障害"):
        assert secret not in masked


# ---------------------------------------------------------------- bad input


def bad_inputs(tmp_path):
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    protected = tmp_path / "protected.xlsx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    unknown = tmp_path / "image.bmp"
    unknown.write_bytes(b"BM")
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4\n garbage")
    return {
        corrupt: "壊れている",
        protected: "パスワード",
        bomb: "zip 爆弾",
        unknown: "対応していない形式",
        broken_pdf: "PDF",
    }


def test_it_reports_bad_input_in_japanese_without_raising(tmp_path):
    for path, words in bad_inputs(tmp_path).items():
        report = scan_file(path, mask_dir=tmp_path / "out")
        assert words in report.error, (path.name, report.error)
        assert report.verdict == "要確認"


def test_it_refuses_files_over_the_size_limit(tmp_path, monkeypatch):
    from hogo.scanner import documents

    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.txt"
    path.write_text("あ" * 2000, encoding="utf-8")
    assert "大きすぎます" in scan_file(path).error


def test_it_refuses_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    make_pdf(plain, ["山田太郎様"])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    assert "パスワード" in scan_file(locked).error


@pytest.mark.parametrize("name", ["clean.txt"])
def test_it_says_clean_documents_can_be_published(tmp_path, name):
    path = tmp_path / name
    path.write_text("認知症の方への支援を充実させます。\n区長 保坂展人\n", encoding="utf-8")
    report = scan_file(path)
    assert report.verdict == "公開可"
    assert not report.found
