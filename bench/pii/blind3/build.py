#!/usr/bin/env python3
"""Build blind3.jsonl from the annotated source blind3_src.txt.

Source format
-------------
* A line ``### <id>`` starts a document; the document text is every following
  line up to the next ``### `` line (trailing blank lines dropped).
  Lines before the first ``### `` are a header and ignored.
* ``[[surface|LABEL]]`` marks a span; offsets are computed here, by code.
* Number generators (expanded before span parsing, so they may sit inside a
  span):
    {{MYNUM:ddddddddddd[:opts]}}     11 digits + official My Number check digit
    {{MYNUMBAD:ddddddddddd[:opts]}}  11 digits + a check digit that FAILS
    {{CARD:ddddddddddddddd[:opts]}}  15 digits + Luhn check digit (16 digits)
    {{CARDBAD:ddddddddddddddd[:opts]}} 16 digits that FAIL Luhn
    {{LICENSE:dddddddddd:r}}        driving-licence number: 10 digits + check
                                    digit (11 - (5,4,3,2,7,6,5,4,3,2 weighted
                                    sum mod 11)) mod 10 + reissue digit r
  opts: any of  s = groups of 4 separated by spaces,
                h = groups of 4 separated by hyphens,
                w = full-width digits (applied last).

Validation: known labels, no overlapping spans, no leftover markup, span text
equals the marked surface, no span with surrounding whitespace, honorifics and
〒 outside spans, generated numbers pass/fail their check as intended, document
length 100-700 characters, unique ids.

Usage:  python3 bench/pii/blind3/build.py   (writes blind3.jsonl next to it)
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "blind3_src.txt"
OUT = HERE / "blind3.jsonl"

LABELS = {
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "POSTAL_CODE", "BIRTH_DATE", "AGE",
    "MY_NUMBER", "ID_NUMBER", "FINANCIAL", "MEDICAL", "DISABILITY", "CRIMINAL",
    "BELIEF", "ETHNICITY", "NATIONALITY", "DV",
}

FW = str.maketrans("0123456789", "０１２３４５６７８９")


# --- check digits -----------------------------------------------------------
def my_number_check_digit(first11: str) -> int:
    """Official rule (個人番号の指定に関する省令 第5条).

    P_n: the n-th digit counted from the right of the 11 digits (n = 1..11);
    Q_n = n + 1 for 1 <= n <= 6, n - 5 for 7 <= n <= 11;
    r = sum(P_n * Q_n) mod 11; check = 0 if r <= 1 else 11 - r.
    """
    assert len(first11) == 11 and first11.isdigit()
    total = 0
    for n in range(1, 12):
        p = int(first11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def is_my_number(s: str) -> bool:
    d = re.sub(r"\D", "", s.translate({ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}))
    return len(d) == 12 and my_number_check_digit(d[:11]) == int(d[11])


def luhn_check_digit(body: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # these get doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def luhn_ok(num: str) -> bool:
    d = re.sub(r"\D", "", num.translate({ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}))
    return luhn_check_digit(d[:-1]) == int(d[-1])


def licence_check_digit(first10: str) -> int:
    w = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    s = sum(int(c) * k for c, k in zip(first10, w))
    return (11 - s % 11) % 10


def fmt(digits: str, opts: str) -> str:
    if "s" in opts or "h" in opts:
        sep = " " if "s" in opts else "-"
        digits = sep.join(digits[i:i + 4] for i in range(0, len(digits), 4))
    if "w" in opts:
        digits = digits.translate(FW).replace("-", "－").replace(" ", "　")
    return digits


GEN_RE = re.compile(r"\{\{(MYNUM|MYNUMBAD|CARD|CARDBAD|LICENSE):(\d+)(?::([a-z0-9]*))?\}\}")


def expand(m: re.Match) -> str:
    kind, digits, opts = m.group(1), m.group(2), m.group(3) or ""
    if kind in ("MYNUM", "MYNUMBAD"):
        if len(digits) != 11:
            raise ValueError(f"{m.group(0)}: need 11 digits")
        c = my_number_check_digit(digits)
        if kind == "MYNUMBAD":
            c = (c + 3) % 10
        full = digits + str(c)
        assert is_my_number(full) == (kind == "MYNUM")
        return fmt(full, opts)
    if kind in ("CARD", "CARDBAD"):
        if len(digits) != 15:
            raise ValueError(f"{m.group(0)}: need 15 digits")
        c = luhn_check_digit(digits)
        if kind == "CARDBAD":
            c = (c + 5) % 10
        full = digits + str(c)
        assert luhn_ok(full) == (kind == "CARD")
        return fmt(full, opts)
    if kind == "LICENSE":
        if len(digits) != 10 or not re.fullmatch(r"\d", opts or "x"):
            raise ValueError(f"{m.group(0)}: need 10 digits and a reissue digit")
        return digits + str(licence_check_digit(digits)) + opts
    raise ValueError(kind)


SPAN_RE = re.compile(r"\[\[([^\[\]|]+?)\|([A-Z_]+)\]\]")
HONORIFICS = ("様", "さん", "氏", "くん", "ちゃん", "殿")


def parse_doc(doc_id: str, raw: str) -> dict:
    text0 = GEN_RE.sub(expand, raw)
    out, spans, pos = [], [], 0
    for m in SPAN_RE.finditer(text0):
        out.append(text0[pos:m.start()])
        start = sum(len(x) for x in out)
        surface, label = m.group(1), m.group(2)
        if label not in LABELS:
            raise ValueError(f"{doc_id}: unknown label {label!r}")
        out.append(surface)
        spans.append({"start": start, "end": start + len(surface), "label": label,
                      "_surface": surface})
        pos = m.end()
    out.append(text0[pos:])
    text = "".join(out)
    errs = []
    for tok in ("[[", "]]", "{{", "}}", "|"):
        if tok in text:
            errs.append(f"leftover markup {tok!r}")
    if not 100 <= len(text) <= 700:
        errs.append(f"length {len(text)} outside 100-700")
    prev_end = -1
    for sp in spans:
        s = text[sp["start"]:sp["end"]]
        if s != sp["_surface"]:
            errs.append(f"span text mismatch {s!r} != {sp['_surface']!r}")
        if s != s.strip() or not s:
            errs.append(f"span with surrounding whitespace {s!r}")
        if sp["start"] < prev_end:
            errs.append(f"overlap at {sp['start']}")
        prev_end = sp["end"]
        if "〒" in s:
            errs.append(f"〒 inside span {s!r}")
        if sp["label"] == "PERSON" and s.endswith(HONORIFICS):
            errs.append(f"honorific inside PERSON span {s!r}")
        if sp["label"] == "MY_NUMBER" and not is_my_number(s):
            errs.append(f"MY_NUMBER fails check digit {s!r}")
    if errs:
        raise ValueError(f"{doc_id}: " + "; ".join(errs))
    return {"id": doc_id, "text": text,
            "spans": [{k: v for k, v in sp.items() if not k.startswith("_")} for sp in spans]}


def read_source(path: Path) -> list[tuple[str, str]]:
    docs, cur_id, buf = [], None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            if cur_id is not None:
                docs.append((cur_id, "\n".join(buf).strip("\n")))
            cur_id, buf = line[4:].strip(), []
        elif cur_id is not None:
            buf.append(line)
    if cur_id is not None:
        docs.append((cur_id, "\n".join(buf).strip("\n")))
    return docs


def main() -> int:
    docs = [parse_doc(i, raw) for i, raw in read_source(SRC)]
    ids = [d["id"] for d in docs]
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        raise SystemExit(f"duplicate ids: {dup}")
    with OUT.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    pos = sum(1 for d in docs if d["spans"])
    counts = collections.Counter(sp["label"] for d in docs for sp in d["spans"])
    lengths = [len(d["text"]) for d in docs]
    print(f"wrote {OUT} : {len(docs)} documents, {pos} with personal information, "
          f"{len(docs) - pos} without; length {min(lengths)}-{max(lengths)}, "
          f"{sum(lengths)} characters")
    for lab in sorted(LABELS):
        print(f"  {lab:12s} {counts.get(lab, 0)}")
    print(f"  {'TOTAL':12s} {sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
