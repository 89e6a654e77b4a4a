#!/usr/bin/env python3
"""Build blind4.jsonl from blind4_src.txt.

Source format: documents separated by header lines ``### <id>``.
Inside a document, personal information is marked ``[[surface|LABEL]]``.
Offsets are computed here (character offsets, end exclusive) and validated.
Run:  python3 bench/pii/blind4/build.py
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "blind4_src.txt"
OUT = HERE / "blind4.jsonl"

LABELS = {
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "POSTAL_CODE", "BIRTH_DATE", "AGE",
    "MY_NUMBER", "ID_NUMBER", "FINANCIAL", "MEDICAL", "DISABILITY", "CRIMINAL",
    "BELIEF", "ETHNICITY", "NATIONALITY", "DV",
}
HEADER = re.compile(r"^### (\S+)\s*$")
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z_]+)\]\]")


def digits(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if c.isdigit())


def my_number_ok(s):
    d = digits(s)
    if len(d) != 12:
        return False
    total = 0
    for n in range(1, 12):
        p = int(d[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    check = 0 if r <= 1 else 11 - r
    return check == int(d[11])


def luhn_ok(s):
    d = [int(c) for c in digits(s)][::-1]
    t = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        t += x
    return t % 10 == 0


def parse(src):
    docs, cur_id, buf = [], None, []
    for line in src.splitlines():
        m = HEADER.match(line)
        if m:
            if cur_id is not None:
                docs.append((cur_id, "\n".join(buf).strip("\n")))
            cur_id, buf = m.group(1), []
        elif cur_id is not None:
            buf.append(line)
        elif line.strip():
            raise SystemExit(f"text before first header: {line!r}")
    if cur_id is not None:
        docs.append((cur_id, "\n".join(buf).strip("\n")))
    return docs


def convert(doc_id, marked):
    text, spans, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(marked):
        plain = marked[pos:m.start()]
        text.append(plain)
        out_len += len(plain)
        surface, label = m.group(1), m.group(2)
        if label not in LABELS:
            raise SystemExit(f"{doc_id}: unknown label {label}")
        if surface != surface.strip():
            raise SystemExit(f"{doc_id}: surface has outer whitespace: {surface!r}")
        spans.append({"start": out_len, "end": out_len + len(surface), "label": label, "_s": surface})
        text.append(surface)
        out_len += len(surface)
        pos = m.end()
    text.append(marked[pos:])
    text = "".join(text)
    for bad in ("[[", "]]", "|"):
        if bad in text:
            raise SystemExit(f"{doc_id}: leftover markup {bad!r}")
    prev_end = -1
    for sp in spans:
        if text[sp["start"]:sp["end"]] != sp["_s"]:
            raise SystemExit(f"{doc_id}: span text mismatch {sp}")
        if sp["start"] < prev_end:
            raise SystemExit(f"{doc_id}: overlapping spans {sp}")
        prev_end = sp["end"]
        if sp["label"] == "MY_NUMBER" and not my_number_ok(sp["_s"]):
            raise SystemExit(f"{doc_id}: MY_NUMBER fails check digit: {sp['_s']}")
        if sp["label"] == "FINANCIAL" and 13 <= len(digits(sp["_s"])) <= 19 and not luhn_ok(sp["_s"]):
            raise SystemExit(f"{doc_id}: card number fails Luhn: {sp['_s']}")
        if sp["label"] == "POSTAL_CODE" and "〒" in sp["_s"]:
            raise SystemExit(f"{doc_id}: 〒 inside POSTAL_CODE span")
        if sp["label"] == "PERSON" and re.search(r"(様|さん|氏|くん|ちゃん)$", sp["_s"]):
            raise SystemExit(f"{doc_id}: honorific inside PERSON span: {sp['_s']}")
    # warn about unlabelled 12-digit sequences that pass the My Number check
    labelled = [(s["start"], s["end"]) for s in spans]
    norm = unicodedata.normalize("NFKC", text)
    for m in re.finditer(r"(?<!\d)\d{12}(?!\d)", norm):
        if my_number_ok(m.group()) and not any(a <= m.start() < b for a, b in labelled):
            print(f"WARNING {doc_id}: unlabelled 12-digit number passes My Number check: {m.group()}", file=sys.stderr)
    return text, [{k: v for k, v in s.items() if k != "_s"} for s in spans]


def main():
    docs = parse(SRC.read_text(encoding="utf-8"))
    ids = [d for d, _ in docs]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate ids")
    counts, n_pos, lengths = Counter(), 0, []
    with OUT.open("w", encoding="utf-8") as f:
        for doc_id, marked in docs:
            text, spans = convert(doc_id, marked)
            lengths.append(len(text))
            if not 200 <= len(text) <= 900:
                print(f"WARNING {doc_id}: length {len(text)} outside 200-900", file=sys.stderr)
            n_pos += bool(spans)
            counts.update(s["label"] for s in spans)
            f.write(json.dumps({"id": doc_id, "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    print(f"documents: {len(docs)}  with PII: {n_pos}  without: {len(docs) - n_pos}")
    print(f"length: min {min(lengths)} max {max(lengths)} mean {sum(lengths) / len(lengths):.0f}")
    print(f"spans: {sum(counts.values())}")
    for label in sorted(LABELS):
        print(f"  {label:12s} {counts.get(label, 0)}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
