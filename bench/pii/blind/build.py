#!/usr/bin/env python3
"""Build the blind PII evaluation corpus from its annotated source.

Source format (blind_src.txt):
  * a line ``=== <id>`` starts a document; its text runs to the next such line
    (leading/trailing blank lines of a document are stripped);
  * lines starting with ``#`` before the first document are comments;
  * ``[[surface|LABEL]]`` marks a labelled span;
  * generators, usable inside or outside spans, so that check digits are
    computed by code, never by hand:
      {MYNUM:xxxx xxxx xxx}    11 digits (any separators) + official 個人番号 check digit
      {MYNUMZ:...}             same, digits rendered full-width
      {BADMYNUM:...}           11 digits + a check digit that FAILS the rule
      {LUHN:xxxx xxxx xxxx xxx} digits + Luhn check digit
      {BADLUHN:...}            digits + a check digit that fails Luhn

Output: blind.jsonl, one {"id", "text", "spans": [{"start", "end", "label"}]}
per line, offsets in characters (Python str indices), end exclusive.

Usage: python3 build.py [--check]   (--check: validate only, write nothing)
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "blind_src.txt"
OUT = HERE / "blind.jsonl"

LABELS = {
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "POSTAL_CODE", "BIRTH_DATE", "AGE",
    "MY_NUMBER", "ID_NUMBER", "FINANCIAL", "MEDICAL", "DISABILITY", "CRIMINAL",
    "BELIEF", "ETHNICITY", "NATIONALITY", "DV",
}

ZEN = str.maketrans("0123456789", "０１２３４５６７８９")
HAN = str.maketrans("０１２３４５６７８９", "0123456789")


def mynumber_check_digit(first11: str) -> int:
    """Official rule (個人番号の指定に関する省令 第5条).

    P_n: the n-th digit counting from the right of the 11 leading digits
    (n = 1 is the digit just left of the check digit);
    Q_n = n + 1 for 1 <= n <= 6, n - 5 for 7 <= n <= 11;
    r = sum(P_n * Q_n) mod 11; check = 0 if r <= 1 else 11 - r.
    """
    assert len(first11) == 11 and first11.isdigit(), first11
    total = 0
    for n in range(1, 12):
        p = int(first11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def mynumber_valid(s: str) -> bool:
    d = re.sub(r"\D", "", s.translate(HAN))
    return len(d) == 12 and mynumber_check_digit(d[:11]) == int(d[11])


def luhn_check_digit(payload: str) -> int:
    total = 0
    # the check digit will be appended at the right, so the rightmost
    # payload digit is doubled
    for i, ch in enumerate(reversed(payload)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return (10 - total % 10) % 10


def luhn_valid(s: str) -> bool:
    d = re.sub(r"\D", "", s.translate(HAN))
    return len(d) >= 12 and luhn_check_digit(d[:-1]) == int(d[-1])


GEN = re.compile(r"\{(MYNUMZ|MYNUM|BADMYNUM|LUHN|BADLUHN):([^}]*)\}")


def _gen(m: re.Match) -> str:
    kind, arg = m.group(1), m.group(2)
    digits = re.sub(r"\D", "", arg.translate(HAN))
    if kind in ("MYNUM", "MYNUMZ", "BADMYNUM"):
        if len(digits) != 11:
            raise ValueError(f"{kind} needs 11 digits: {arg!r}")
        c = mynumber_check_digit(digits)
        if kind == "BADMYNUM":
            c = (c + 3) % 10
        out = arg + str(c)
        return out.translate(ZEN) if kind == "MYNUMZ" else out
    c = luhn_check_digit(digits)
    if kind == "BADLUHN":
        c = (c + 5) % 10
    return arg + str(c)


def expand(s: str) -> str:
    return GEN.sub(_gen, s)


SPAN = re.compile(r"\[\[([^\[\]|]+?)\|([A-Z_]+)\]\]")


def parse_doc(doc_id: str, raw: str) -> dict:
    text_parts, spans, pos, last = [], [], 0, 0
    for m in SPAN.finditer(raw):
        plain = expand(raw[last:m.start()])
        text_parts.append(plain)
        pos += len(plain)
        surface, label = expand(m.group(1)), m.group(2)
        if label not in LABELS:
            raise ValueError(f"{doc_id}: unknown label {label!r}")
        if surface != surface.strip():
            raise ValueError(f"{doc_id}: span has outer whitespace {surface!r}")
        spans.append({"start": pos, "end": pos + len(surface), "label": label})
        text_parts.append(surface)
        pos += len(surface)
        last = m.end()
    text_parts.append(expand(raw[last:]))
    text = "".join(text_parts)
    for bad in ("[[", "]]", "{MYNUM", "{LUHN", "{BAD"):
        if bad in text:
            raise ValueError(f"{doc_id}: leftover markup {bad!r}")
    return {"id": doc_id, "text": text, "spans": spans}


def read_source(path: Path):
    docs, cur_id, cur_lines = [], None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            if cur_id is not None:
                docs.append((cur_id, "\n".join(cur_lines).strip("\n")))
            cur_id, cur_lines = line[4:].strip(), []
        elif cur_id is None:
            continue  # header comments
        else:
            cur_lines.append(line)
    if cur_id is not None:
        docs.append((cur_id, "\n".join(cur_lines).strip("\n")))
    return docs


def validate(doc: dict) -> list:
    problems = []
    t = doc["text"]
    if not 100 <= len(t) <= 800:
        problems.append(f"length {len(t)} outside 100-800")
    prev_end = -1
    for s in doc["spans"]:
        frag = t[s["start"]:s["end"]]
        if s["start"] < prev_end:
            problems.append(f"overlapping span {frag!r}")
        prev_end = s["end"]
        if s["label"] == "MY_NUMBER" and not mynumber_valid(frag):
            problems.append(f"MY_NUMBER fails check digit: {frag!r}")
        if s["label"] == "FINANCIAL":
            d = re.sub(r"\D", "", frag.translate(HAN))
            if len(d) >= 13 and not luhn_valid(frag):
                problems.append(f"card number fails Luhn: {frag!r}")
    return problems


def main() -> int:
    check_only = "--check" in sys.argv
    docs = [parse_doc(i, raw) for i, raw in read_source(SRC)]
    ids = Counter(d["id"] for d in docs)
    dup = [i for i, c in ids.items() if c > 1]
    if dup:
        print("duplicate ids:", dup)
        return 1
    bad = 0
    for d in docs:
        for p in validate(d):
            print(f"{d['id']}: {p}")
            bad += 1
    if bad:
        return 1
    if not check_only:
        with OUT.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    labels = Counter(s["label"] for d in docs for s in d["spans"])
    with_pi = sum(1 for d in docs if d["spans"])
    print(f"documents: {len(docs)}  with personal information: {with_pi}  "
          f"without: {len(docs) - with_pi}")
    lens = [len(d["text"]) for d in docs]
    print(f"characters: total {sum(lens)}, min {min(lens)}, max {max(lens)}")
    print("spans per label:")
    for lab in sorted(LABELS):
        print(f"  {lab:12s} {labels.get(lab, 0)}")
    print(f"  {'TOTAL':12s} {sum(labels.values())}")
    if not check_only:
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
