"""The bridge between the web application and the scanner library (hogo.scanner).

The library works on files; uploads arrive as bytes, so each call writes the
bytes to a private temporary folder under a generated name (the user's may
be too long for the file system) and reads the result back. Views and actions only see ``scan`` and ``mask``.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from hogo.core import uploads
from hogo.scanner import documents


class ScanError(Exception):
    """The document could not be read; the message is for the user (Japanese)."""


@dataclass
class ScanOutcome:
    blocks: list      # [{"location": str, "text": str}] in document order
    findings: list    # [(block index, documents.Hit)] with offsets into the block's text
    verdict: str
    reasons: list


def _safe_name(filename):
    return "document" + uploads.safe_extension(filename)


def scan(filename, data, allow_list=(), *, progress=None, max_text_chars=None, max_part_bytes=None):
    """Extract the text blocks of an uploaded document and the scanner's findings in them.

    ``progress(done, total)`` is called as blocks are scanned; the limits are
    the scanner's (``documents.MAX_TEXT_CHARS``, ``MAX_PART_BYTES``) unless given.
    """
    with tempfile.TemporaryDirectory(prefix="hogo-scan-") as folder:
        path = Path(folder) / _safe_name(filename)
        path.write_bytes(data)
        report = documents.scan_file(path, allow_list=allow_list, progress=progress,
                                     max_text_chars=max_text_chars, max_part_bytes=max_part_bytes)
        if report.error:
            raise ScanError(report.error)
    segments = report.segments
    index_of = {}
    for index, segment in enumerate(segments):
        index_of.setdefault(segment.location, index)
    blocks = [{"location": segment.location, "text": segment.text} for segment in segments]
    findings = [(index_of[hit.location], hit) for hit in report.hits if hit.location in index_of]
    return ScanOutcome(blocks, findings, report.verdict, report.reasons)


def mask(filename, data, dismissed=(), allow_list=()):
    """The document masked in its own format, leaving the dismissed ``(text, label)`` pairs readable.

    Returns ``(bytes, filename)``.
    """
    with tempfile.TemporaryDirectory(prefix="hogo-mask-") as folder:
        source = Path(folder) / _safe_name(filename)
        source.write_bytes(data)
        try:
            options = documents.MaskOptions(keep=frozenset(dismissed))
            target = documents.mask_file(source, Path(folder) / "masked", allow_list=allow_list, options=options)
        except documents.DocumentError as exc:
            raise ScanError(str(exc))
        return target.read_bytes(), f"masked_{uploads.display_name(filename, 240)}"
