"""Scan and mask whole documents: .txt, .csv, .docx, .xlsx, .pdf.

Each format is read into Segments (a piece of text and where it is in the
file); every segment is analysed; masking writes the same format back with
each finding replaced.  Bad input never raises out of `scan_file()`: it comes
back as a DocumentReport with a Japanese `error`.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .analyzer import analyze
from .finding import LABEL_NAMES, SENSITIVE_LABELS

MAX_FILE_BYTES = 50 * 1024 * 1024
# Office files are zip archives; these bound what opening one may cost.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
MAX_ZIP_MEMBERS = 5000
# One XML part (word/document.xml, a sheet) is parsed whole into memory at
# several times its size, so a part over this is refused before parsing: a
# 3.6 MB .docx holding 190 MB of XML ran for 26 minutes at 800 MB.
MAX_PART_BYTES = 32 * 1024 * 1024
# Extracted text beyond this is refused: scanning and showing it would take
# longer than anyone waits (the web application passes HOGO_SCAN_MAX_TEXT_CHARS).
MAX_TEXT_CHARS = 2_000_000
SUPPORTED = (".txt", ".csv", ".docx", ".xlsx", ".pdf")
CONTEXT_CHARS = 15


class DocumentError(Exception):
    """A file that cannot be scanned; the message is shown to the user."""


@dataclass
class Segment:
    location: str
    text: str


@dataclass
class Hit:
    location: str
    start: int
    end: int
    label: str
    text: str
    context: str
    score: float
    reason: str
    official: bool

    def to_dict(self):
        return dict(self.__dict__)


@dataclass
class DocumentReport:
    path: str
    hits: list = field(default_factory=list)
    verdict: str = "公開可"
    reasons: list = field(default_factory=list)
    error: str = ""
    masked_path: str = ""
    segments: list = field(default_factory=list, repr=False)  # what was scanned, for callers that show it

    @property
    def found(self) -> bool:
        return any(not h.official for h in self.hits)

    def to_dict(self):
        return {
            "path": self.path,
            "verdict": self.verdict,
            "reasons": self.reasons,
            "error": self.error,
            "masked_path": self.masked_path,
            "findings": [h.to_dict() for h in self.hits],
        }


@dataclass
class MaskOptions:
    char: str = "■"
    person_text: str = "○○"  # None or "" masks names with `char` too
    # (text, label) pairs a person reviewed and decided to leave readable
    # (the web check's 「問題なし」); every other finding is masked.
    keep: frozenset = frozenset()


# ---------------------------------------------------------------- checks


def check_file(path: Path, max_part_bytes=None) -> str:
    """The lower-case suffix, after the checks that must come before opening."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"対応していない形式です（{suffix or '拡張子なし'}）。対応形式: " + "、".join(SUPPORTED))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"ファイルが大きすぎます（{size // (1024 * 1024)} MB、上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）。")
    if suffix in (".docx", ".xlsx"):
        check_zip(path, max_part_bytes)
    return suffix


def check_zip(path: Path, max_part_bytes=None) -> None:
    """Refuse an Office file whose zip directory promises too much, before any part is inflated."""
    max_part_bytes = max_part_bytes or MAX_PART_BYTES
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # Encrypted OOXML files are OLE compound documents, as are .doc/.xls.
        raise DocumentError("パスワードで保護されているか、古い形式（.doc/.xls）のため読み込めません。保護を解除して保存し直してください。")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise DocumentError("ファイルが壊れているため読み込めません（zip 形式として不正）。") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise DocumentError("ファイル内の部品が多すぎるため処理を中止しました（zip 爆弾の疑い）。")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > max_part_bytes:
            raise DocumentError(
                f"文書内の部品（{info.filename}）が展開後 {info.file_size // (1024 * 1024)} MB あり、"
                f"上限 {max_part_bytes // (1024 * 1024)} MB を超えるため処理を中止しました（zip 爆弾の疑い）。")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_ZIP_RATIO:
            raise DocumentError("圧縮率が異常に高い部品を含むため処理を中止しました（zip 爆弾の疑い）。")
    if total > MAX_UNZIPPED_BYTES:
        raise DocumentError("展開後のサイズが大きすぎるため処理を中止しました（zip 爆弾の疑い）。")


# ---------------------------------------------------------------- reading

ENCODINGS = ("utf-8", "cp932", "euc_jp")


def read_text_file(path: Path):
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise DocumentError("文字コードを判別できません（UTF-8・Shift_JIS・EUC-JP 以外）。")


def txt_segments(path):
    text, _ = read_text_file(path)
    return [Segment(f"{n}行目", line) for n, line in enumerate(text.split("\n"), 1)]


def csv_rows(path):
    text, encoding = read_text_file(path)
    try:
        return list(csv.reader(io.StringIO(text, newline=""))), encoding
    except csv.Error as exc:
        raise DocumentError(f"CSV として読み込めません: {exc}") from None


def csv_segments(path):
    rows, _ = csv_rows(path)
    return [
        Segment(f"{r}行{c}列", cell) for r, row in enumerate(rows, 1) for c, cell in enumerate(row, 1) if cell
    ]


def docx_paragraphs(doc):
    """(location, paragraph element) for body, tables, text boxes, headers, footers."""
    from docx.oxml.ns import qn

    def walk(root, where):
        for n, p in enumerate(root.iter(qn("w:p")), 1):
            place = where
            parent = p.getparent()
            while parent is not None:
                if parent.tag == qn("w:txbxContent"):
                    place = f"{where}（テキストボックス）"
                    break
                if parent.tag == qn("w:tbl"):
                    place = f"{where}（表）"
                    break
                parent = parent.getparent()
            yield f"{place} 段落{n}", p

    yield from walk(doc.element.body, "本文")
    seen = set()
    for s, section in enumerate(doc.sections, 1):
        for kind, part in (("ヘッダー", section.header), ("フッター", section.footer)):
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            yield from walk(element, f"{kind}（セクション{s}）")


def _docx_texts(p):
    from docx.oxml.ns import qn

    return list(p.iter(qn("w:t")))


def open_docx(path):
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for broken files
        raise DocumentError(f"Word 文書として読み込めません（{type(exc).__name__}）。") from None


def docx_segments(path):
    doc = open_docx(path)
    segments = [Segment(loc, "".join(t.text or "" for t in _docx_texts(p))) for loc, p in docx_paragraphs(doc)]
    props = doc.core_properties
    for name in ("author", "last_modified_by"):
        value = getattr(props, name) or ""
        if value:
            segments.append(Segment(f"文書プロパティ（{name}）", value))
    return segments


def open_xlsx(path, read_only=True):
    import openpyxl

    try:
        return openpyxl.load_workbook(str(path), read_only=read_only, data_only=False)
    except Exception as exc:
        raise DocumentError(f"Excel ブックとして読み込めません（{type(exc).__name__}）。") from None


def xlsx_segments(path):
    wb = open_xlsx(path)
    segments = []
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                        segments.append(Segment(f"{ws.title}!{cell.coordinate}", str(value)))
    finally:
        wb.close()
    return segments


PDF_PASSWORD_MESSAGE = "パスワードで保護された PDF のため読み込めません。保護を解除して保存し直してください。"


def open_pdf(path):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(str(path))
        # AES needs the cryptography package (a pinned dependency); without it
        # pypdf raises DependencyError, which is still a protected PDF to the user.
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(PDF_PASSWORD_MESSAGE)
        return reader
    except DependencyError:
        raise DocumentError(PDF_PASSWORD_MESSAGE) from None
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(f"PDF として読み込めません（{type(exc).__name__}）。") from None


def pdf_segments(path):
    reader = open_pdf(path)
    segments = []
    try:
        for n, page in enumerate(reader.pages, 1):
            segments.append(Segment(f"{n}ページ", page.extract_text() or ""))
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(f"PDF の文字を取り出せません（{type(exc).__name__}）。") from None
    return segments


READERS = {".txt": txt_segments, ".csv": csv_segments, ".docx": docx_segments, ".xlsx": xlsx_segments, ".pdf": pdf_segments}


def extract_segments(path, *, max_text_chars=None, max_part_bytes=None) -> list:
    path = Path(path)
    suffix = check_file(path, max_part_bytes)
    segments = READERS[suffix](path)
    max_text_chars = max_text_chars or MAX_TEXT_CHARS
    if sum(len(segment.text) for segment in segments) > max_text_chars:
        raise DocumentError(f"本文が長すぎます（上限 {max_text_chars:,} 文字）。文書を分けてチェックしてください。")
    return segments


# ---------------------------------------------------------------- scanning


def scan_file(path, *, allow_list=(), mask_dir=None, mask_options=None, progress=None,
              max_text_chars=None, max_part_bytes=None) -> DocumentReport:
    """Findings and verdict for one file; ``progress(done, total)`` is called after each segment."""
    path = Path(path)
    report = DocumentReport(path=str(path))
    try:
        segments = extract_segments(path, max_text_chars=max_text_chars, max_part_bytes=max_part_bytes)
        report.segments = segments
        for done, seg in enumerate(segments, 1):
            findings = analyze(seg.text, allow_list=allow_list, keep_weak=True)
            if progress is not None:
                progress(done, len(segments))
            for f in findings:
                report.hits.append(
                    Hit(seg.location, f.start, f.end, f.label, seg.text[f.start : f.end], _context(seg.text, f),
                        round(f.score, 2), f.reason, f.official)
                )
        report.verdict, report.reasons = verdict(report.hits)
        if mask_dir is not None:
            report.masked_path = str(mask_file(path, Path(mask_dir), allow_list=allow_list, options=mask_options))
    except DocumentError as exc:
        report.error = str(exc)
    except MemoryError:
        report.error = "メモリが不足したため処理を中止しました。"
    except Exception as exc:  # one broken file must not stop a batch
        report.error = f"読み込み中に予期しないエラーが発生しました（{type(exc).__name__}）。"
    if report.error:
        report.verdict, report.reasons = "要確認", [report.error]
    return report


def _context(text, f):
    before = text[max(0, f.start - CONTEXT_CHARS) : f.start]
    after = text[f.end : f.end + CONTEXT_CHARS]
    return f"{before}【{text[f.start:f.end]}】{after}".replace("\n", " ")


def verdict(hits) -> tuple:
    """「公開不可」 for sensitive or confident identifiers about private persons,
    「要確認」 for weaker findings, 「公開可」 otherwise (officials alone are fine)."""
    private = [h for h in hits if not h.official]
    if not private:
        reasons = ["個人情報は見つかりませんでした。"]
        if hits:
            reasons.append(f"公職者の職務上の氏名 {len(hits)} 件は公開可としています。")
        return "公開可", reasons
    counts = {}
    for h in private:
        counts[h.label] = counts.get(h.label, 0) + 1
    summary = "、".join(f"{LABEL_NAMES[label]} {n}件" for label, n in sorted(counts.items()))
    sensitive = [h for h in private if h.label in SENSITIVE_LABELS]
    strong = [h for h in private if h.score >= 0.8]
    if sensitive:
        return "公開不可", [f"要配慮個人情報（{'、'.join(sorted({LABEL_NAMES[h.label] for h in sensitive}))}）が特定の個人と結び付いて記載されています。", summary]
    if strong:
        return "公開不可", [f"個人を識別できる情報が記載されています（{summary}）。"]
    return "要確認", [f"個人情報の可能性がある記載があります（{summary}）。担当者が確認してください。"]


# ---------------------------------------------------------------- masking


def replacement(label, length, options) -> str:
    if label == "PERSON" and options.person_text:
        return options.person_text
    return options.char * length


def mask_text(text, findings, options=None) -> str:
    options = options or MaskOptions()
    out = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        out.append(text[pos : f.start])
        out.append(replacement(f.label, f.end - f.start, options))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def mask_pieces(pieces, findings, options) -> list:
    """Mask text that is stored in pieces (Word runs) without moving the
    pieces: a replacement goes where its span starts and the rest of the
    span is removed from whatever pieces it crossed."""
    bounds = []
    pos = 0
    for piece in pieces:
        bounds.append((pos, pos + len(piece)))
        pos += len(piece)
    new = [list(p) for p in pieces]
    for f in findings:
        rep = replacement(f.label, f.end - f.start, options)
        first = True
        for k, (lo, hi) in enumerate(bounds):
            a, b = max(lo, f.start), min(hi, f.end)
            if a >= b:
                continue
            for i in range(a - lo, b - lo):
                new[k][i] = ""
            if first:
                new[k][a - lo] = rep
                first = False
    return ["".join(chars) for chars in new]


def mask_file(path, out_dir: Path, *, allow_list=(), options=None) -> Path:
    path = Path(path)
    options = options or MaskOptions()
    suffix = check_file(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / path.name
    if target.resolve() == path.resolve():
        raise DocumentError("マスク結果の出力先が元のファイルと同じです。別のフォルダを指定してください。")
    WRITERS[suffix](path, target, allow_list, options)
    return target


def _analyze_private(text, allow_list, keep=frozenset()):
    # Officials named in their role stay readable in the published version,
    # and so do the findings a reviewer dismissed.
    return [f for f in analyze(text, allow_list=allow_list)
            if not f.official and (text[f.start:f.end], f.label) not in keep]


def mask_txt(path, target, allow_list, options):
    text, encoding = read_text_file(path)
    masked = "\n".join(mask_text(line, _analyze_private(line, allow_list, options.keep), options) for line in text.split("\n"))
    target.write_bytes(masked.encode(encoding))


def mask_csv(path, target, allow_list, options):
    rows, encoding = csv_rows(path)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([mask_text(cell, _analyze_private(cell, allow_list, options.keep), options) for cell in row])
    target.write_bytes(buf.getvalue().encode(encoding))


def mask_docx(path, target, allow_list, options):
    doc = open_docx(path)
    for _, p in docx_paragraphs(doc):
        nodes = _docx_texts(p)
        pieces = [t.text or "" for t in nodes]
        findings = _analyze_private("".join(pieces), allow_list, options.keep)
        if not findings:
            continue
        for node, new_text in zip(nodes, mask_pieces(pieces, findings, options)):
            node.text = new_text
    props = doc.core_properties
    props.author = ""
    props.last_modified_by = ""
    doc.save(str(target))


def mask_xlsx(path, target, allow_list, options):
    wb = open_xlsx(path, read_only=False)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, (str, int)) and not isinstance(value, bool):
                    text = str(value)
                    findings = _analyze_private(text, allow_list, options.keep)
                    if findings:
                        cell.value = mask_text(text, findings, options)
    wb.properties.creator = None
    wb.properties.lastModifiedBy = None
    wb.save(str(target))


def mask_pdf(path, target, allow_list, options):
    """Rebuild the PDF as plain text pages: drawing boxes over the original
    would leave the text extractable underneath, so the masked text is
    typeset anew (layout and images are lost; the report says so)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pages = [seg.text for seg in pdf_segments(path)]
    font = "HeiseiKakuGo-W5"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(target), pagesize=A4)
    width, height = A4
    size, margin = 10, 40
    per_line = int((width - 2 * margin) // size)
    for text in pages:
        # The whole page is analysed at once, as scan_file() does, so that a
        # sentence wrapped over two lines keeps its context.
        masked = mask_text(text, _analyze_private(text, allow_list, options.keep), options)
        y = height - margin
        c.setFont(font, size)
        for line in masked.split("\n"):
            for k in range(0, max(len(line), 1), per_line):
                if y < margin:
                    c.showPage()
                    c.setFont(font, size)
                    y = height - margin
                c.drawString(margin, y, line[k : k + per_line])
                y -= size * 1.5
        c.showPage()
    c.save()
    leftovers = _pdf_leftovers(target, pages, allow_list, options.keep)
    if leftovers:
        target.unlink()
        raise DocumentError("マスク後の PDF に元の文字が残っていたため出力を中止しました。")


def _pdf_leftovers(target, pages, allow_list, keep):
    """Masked strings that can still be extracted from the new PDF."""
    from pypdf import PdfReader

    extracted = "".join((p.extract_text() or "") for p in PdfReader(str(target)).pages)
    squeezed = "".join(extracted.split())
    leftovers = []
    for text in pages:
        for line in (text,):
            findings = _analyze_private(line, allow_list, keep)
            kept = "".join(mask_text(line, findings).split())
            for f in findings:
                value = "".join(line[f.start : f.end].split())
                # A value that also stands unmasked elsewhere (an official's
                # surname) is not a leak of this finding.
                if len(value) >= 2 and value in squeezed and value not in kept:
                    leftovers.append(value)
    return leftovers


WRITERS = {".txt": mask_txt, ".csv": mask_csv, ".docx": mask_docx, ".xlsx": mask_xlsx, ".pdf": mask_pdf}
