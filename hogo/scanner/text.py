"""Length-preserving normalisation.

Recognisers run on a normalised copy of the input so that one regex covers
full-width digits, full-width letters and the many dash characters found in
Japanese documents.  Every character maps to exactly one character, so an
offset into the normalised text is an offset into the original text too.
"""

import re
import unicodedata

# Dashes and minus signs that people type between digits of a phone number.
_DASHES = "‐‑‒–—―−－﹣ｰ"
# Long-vowel marks and box-drawing lines also appear between digits
# (「０３ー１２３４ー５６７８」) but are katakana elsewhere, so they become a
# hyphen only when a digit stands on both sides.
_DIGIT_DASH = re.compile(r"(?<=[0-9])[ー─━](?=[0-9])")


def _build_table():
    """str.translate table: NFKC for every character where NFKC gives one
    character (full-width ASCII, half-width katakana, circled digits, …).
    Characters whose NFKC form is longer (「㈱」→「(株)」) are left alone."""
    table = {}
    ranges = [(0x00A0, 0x0100), (0x2000, 0x2070), (0x2150, 0x2190), (0x2460, 0x2500), (0x3000, 0x3001),
              (0x3200, 0x3400), (0xF900, 0xFB00), (0xFE30, 0xFE70), (0xFF00, 0xFFF0)]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and len(folded) == 1:
                table[cp] = folded
    for ch in _DASHES:
        table[ord(ch)] = "-"
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    out = text.translate(_TABLE)
    if "ー" in out or "─" in out or "━" in out:
        out = _DIGIT_DASH.sub("-", out)
    return out


def digits_only(text: str) -> str:
    return "".join(ch for ch in normalize(text) if ch.isdigit())
