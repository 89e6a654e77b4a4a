#!/usr/bin/env python3
"""Build blind2.jsonl from blind2_src.txt.

Source format
-------------
Documents are separated by header lines ``### <id>``.  The text of a
document is everything up to the next header, with leading and trailing
blank lines removed.  Lines starting with ``#//`` are comments and dropped.

Markup
------
``[[surface|LABEL]]``  marks a span.  Spans cannot nest.
``{{KIND:digits}}``    generator, expanded *before* spans are parsed:
    MYNUM:<11 digits>     -> appends the official My Number check digit
    BADMYNUM:<11 digits>  -> appends a WRONG check digit (not a My Number)
    JUMIN:<10 digits>     -> 住民票コード, appends modulus-11 check digit
    LICENSE:<10 digits>   -> 運転免許証番号: appends check digit and "0"
    CARD:<15 digits>      -> appends the Luhn check digit
    BADCARD:<15 digits>   -> appends a wrong Luhn digit
  Separators (space, hyphen) inside the digits are kept; a ``FW`` suffix on
  the kind (e.g. MYNUM_FW) converts the result to full-width digits.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "blind2_src.txt"
OUT = HERE / "blind2.jsonl"

LABELS = {
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "POSTAL_CODE", "BIRTH_DATE", "AGE",
    "MY_NUMBER", "ID_NUMBER", "FINANCIAL", "MEDICAL", "DISABILITY", "CRIMINAL",
    "BELIEF", "ETHNICITY", "NATIONALITY", "DV",
}

FW = str.maketrans("0123456789", "０１２３４５６７８９")
HW = str.maketrans("０１２３４５６７８９", "0123456789")


def mynumber_check(d11: str) -> int:
    """Official formula (総務省令第85号第5条). d11: the 11 digits, left to right."""
    assert len(d11) == 11
    total = 0
    for n in range(1, 12):
        p = int(d11[11 - n])          # n-th digit counting from the right
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def is_mynumber(d12: str) -> bool:
    return len(d12) == 12 and d12.isdigit() and mynumber_check(d12[:11]) == int(d12[11])


def mod11_w27(digits: str) -> int:
    """Modulus 11, weights 2..7 from the right; remainder 0/1 -> 0 (住民票コード)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        total += int(ch) * (2 + i % 6)
    r = total % 11
    return 0 if r <= 1 else 11 - r


def license_check(d10: str) -> int:
    w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    s = sum(int(c) * x for c, x in zip(d10, w))
    return (11 - s % 11) % 10


def luhn_check(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:  # these will be doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def luhn_ok(digits: str) -> bool:
    return luhn_check(digits[:-1]) == int(digits[-1])


GEN_RE = re.compile(r"\{\{([A-Z]+)(_FW)?:([0-9０-９ \-]+)\}\}")


def expand(m: re.Match) -> str:
    kind, fw, body = m.group(1), m.group(2), m.group(3)
    body = body.translate(HW)
    digits = re.sub(r"\D", "", body)
    if kind == "MYNUM":
        assert len(digits) == 11, body
        out = body + str(mynumber_check(digits))
        assert is_mynumber(re.sub(r"\D", "", out))
    elif kind == "BADMYNUM":
        assert len(digits) == 11, body
        out = body + str((mynumber_check(digits) + 3) % 10)
        assert not is_mynumber(re.sub(r"\D", "", out))
    elif kind == "JUMIN":
        assert len(digits) == 10, body
        out = body + str(mod11_w27(digits))
    elif kind == "LICENSE":
        assert len(digits) == 10, body
        out = body + str(license_check(digits)) + "0"
    elif kind == "CARD":
        assert len(digits) == 15, body
        out = body + str(luhn_check(digits))
        assert luhn_ok(re.sub(r"\D", "", out))
    elif kind == "BADCARD":
        assert len(digits) == 15, body
        out = body + str((luhn_check(digits) + 5) % 10)
        assert not luhn_ok(re.sub(r"\D", "", out))
    else:
        raise ValueError(f"unknown generator {kind}")
    return out.translate(FW) if fw else out


SPAN_RE = re.compile(r"\[\[([^\[\]|]+)\|([A-Z_]+)\]\]")


def parse_doc(doc_id: str, raw: str) -> dict:
    raw = GEN_RE.sub(expand, raw)
    text_parts, spans, pos, cursor = [], [], 0, 0
    for m in SPAN_RE.finditer(raw):
        before = raw[cursor:m.start()]
        text_parts.append(before)
        pos += len(before)
        surface, label = m.group(1), m.group(2)
        if label not in LABELS:
            raise ValueError(f"{doc_id}: unknown label {label!r}")
        if surface != surface.strip():
            raise ValueError(f"{doc_id}: span has outer whitespace: {surface!r}")
        spans.append({"start": pos, "end": pos + len(surface), "label": label,
                      "_surface": surface})
        text_parts.append(surface)
        pos += len(surface)
        cursor = m.end()
    text_parts.append(raw[cursor:])
    text = "".join(text_parts)
    for bad in ("[[", "]]", "{{", "}}", "|"):
        if bad in text:
            raise ValueError(f"{doc_id}: leftover markup {bad!r}")
    spans.sort(key=lambda s: (s["start"], s["end"]))
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            raise ValueError(f"{doc_id}: overlapping spans {a} {b}")
    for s in spans:
        if text[s["start"]:s["end"]] != s.pop("_surface"):
            raise ValueError(f"{doc_id}: offset mismatch {s}")
        if s["end"] <= s["start"]:
            raise ValueError(f"{doc_id}: empty span")
    # An unlabelled 12-digit run that happens to pass the My Number check
    # would make the gold standard wrong; refuse it.
    covered = set()
    for s in spans:
        covered.update(range(s["start"], s["end"]))
    flat = text.translate(HW)
    for m in re.finditer(r"(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)", flat):
        d = re.sub(r"\D", "", m.group())
        if is_mynumber(d) and not covered.intersection(range(m.start(), m.end())):
            raise ValueError(f"{doc_id}: unlabelled valid My Number {m.group()}")
    return {"id": doc_id, "text": text, "spans": spans}


def main() -> int:
    src = SRC.read_text(encoding="utf-8")
    docs, cur_id, buf = [], None, []
    for line in src.splitlines():
        if line.startswith("#//"):
            continue
        if line.startswith("### "):
            if cur_id is not None:
                docs.append((cur_id, "\n".join(buf).strip("\n")))
            cur_id, buf = line[4:].strip(), []
        else:
            buf.append(line)
    if cur_id is not None:
        docs.append((cur_id, "\n".join(buf).strip("\n")))

    ids = [d[0] for d in docs]
    dup = [i for i, c in Counter(ids).items() if c > 1]
    if dup:
        raise ValueError(f"duplicate ids {dup}")

    out = [parse_doc(i, raw) for i, raw in docs]
    with OUT.open("w", encoding="utf-8") as f:
        for d in out:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")

    labels = Counter(s["label"] for d in out for s in d["spans"])
    with_pii = sum(1 for d in out if d["spans"])
    lengths = [len(d["text"]) for d in out]
    print(f"documents: {len(out)}  with PII: {with_pii}  without: {len(out) - with_pii}")
    print(f"length: min {min(lengths)} max {max(lengths)} mean {sum(lengths)/len(lengths):.0f}")
    print(f"spans: {sum(labels.values())}")
    for lab in sorted(LABELS):
        print(f"  {lab:12s} {labels.get(lab, 0)}")
    short = [d["id"] for d in out if not 100 <= len(d["text"]) <= 900]
    if short:
        print("WARNING: outside 100-900 chars:", short)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
