"""Build a corpus JSONL from a marked source file (blind5, blind6, blind7).

Source format: a document starts with a line "#### <id> pii|clean"; its text is
every following line up to the next header, with leading/trailing blank lines
removed.  Personal information is marked [[surface|LABEL]]; offsets are computed
here (character offsets into the plain text, end exclusive).

Validation: known labels, no overlap, no leftover markup, span text equals the
marked surface, pii docs have spans and clean docs have none, the declared
split and length range, MY_NUMBER passes the official check digit, card-like FINANCIAL
spans (13-19 digits) pass Luhn, and clean documents contain no 12-digit run
that passes the My Number check nor a 13-19 digit run that passes Luhn.
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# The statutory check digits, as the scanner itself applies them.
from hogo.scanner.checkdigits import luhn_is_valid, my_number_is_valid  # noqa: E402
from hogo.scanner.text import digits_only  # noqa: E402


LABELS = {
    "PERSON", "ADDRESS", "PHONE", "EMAIL", "POSTAL_CODE", "BIRTH_DATE", "AGE",
    "MY_NUMBER", "ID_NUMBER", "FINANCIAL", "MEDICAL", "DISABILITY", "CRIMINAL",
    "BELIEF", "ETHNICITY", "NATIONALITY", "DV",
}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z_]+)\]\]")
HEADER = re.compile(r"^#### (\S+) (pii|clean)\s*$")


def parse(src):
    docs, cur = [], None
    for line in src.splitlines():
        m = HEADER.match(line)
        if m:
            cur = {"id": m.group(1), "kind": m.group(2), "lines": []}
            docs.append(cur)
        elif cur is None:
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"text before first header: {line!r}")
        else:
            cur["lines"].append(line)
    return docs


def render(doc):
    raw = "\n".join(doc["lines"]).strip("\n")
    text, spans, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(raw):
        chunk = raw[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        surface, label = m.group(1), m.group(2)
        spans.append({"start": out_len, "end": out_len + len(surface), "label": label, "_surface": surface})
        text.append(surface)
        out_len += len(surface)
        pos = m.end()
    text.append(raw[pos:])
    return "".join(text), spans


def build(src, out, documents, max_length):
    """Validate `src` and write `out`; `documents` is the total, half of them with PI."""
    errors = []
    docs = parse(Path(src).read_text(encoding="utf-8"))
    records, counts, kinds = [], Counter(), Counter()
    seen = set()
    for doc in docs:
        did = doc["id"]
        if did in seen:
            errors.append(f"{did}: duplicate id")
        seen.add(did)
        text, spans = render(doc)
        kinds[doc["kind"]] += 1
        if "[[" in text or "]]" in text or "|" in text:
            errors.append(f"{did}: leftover markup")
        if not 150 <= len(text) <= max_length:
            errors.append(f"{did}: length {len(text)} outside 150-{max_length}")
        prev_end = -1
        for sp in sorted(spans, key=lambda s: s["start"]):
            lab, surf = sp["label"], sp["_surface"]
            if lab not in LABELS:
                errors.append(f"{did}: unknown label {lab}")
            if text[sp["start"]:sp["end"]] != surf:
                errors.append(f"{did}: span text mismatch {surf!r}")
            if surf != surf.strip():
                errors.append(f"{did}: span has outer whitespace {surf!r}")
            if sp["start"] < prev_end:
                errors.append(f"{did}: overlapping spans at {sp['start']}")
            prev_end = sp["end"]
            if lab == "MY_NUMBER" and not my_number_is_valid(digits_only(surf)):
                errors.append(f"{did}: MY_NUMBER fails check digit {surf!r}")
            if lab == "FINANCIAL" and 13 <= len(digits_only(surf)) <= 19 and not luhn_is_valid(digits_only(surf)):
                errors.append(f"{did}: card number fails Luhn {surf!r}")
            if lab in ("PERSON", "POSTAL_CODE") and ("〒" in surf or re.search(r"(様|さん|氏|くん|ちゃん)$", surf)):
                errors.append(f"{did}: honorific or 〒 inside span {surf!r}")
            counts[lab] += 1
        if doc["kind"] == "pii" and not spans:
            errors.append(f"{did}: pii document without spans")
        if doc["kind"] == "clean":
            if spans:
                errors.append(f"{did}: clean document with spans")
            norm = unicodedata.normalize("NFKC", text)
            for run in re.findall(r"\d+", norm):
                if len(run) == 12 and my_number_is_valid(run):
                    errors.append(f"{did}: clean doc has a valid My Number {run}")
                if 13 <= len(run) <= 19 and luhn_is_valid(run):
                    errors.append(f"{did}: clean doc has a Luhn-valid number {run}")
        records.append({"id": did, "text": text,
                        "spans": [{k: v for k, v in s.items() if k != "_surface"} for s in spans]})
    half = documents // 2
    if len(docs) != documents or kinds["pii"] != half or kinds["clean"] != half:
        errors.append(f"expected {documents} docs {half}/{half}, got {len(docs)} {dict(kinds)}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    with Path(out).open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    lens = [len(r["text"]) for r in records]
    print(f"wrote {out} : {len(records)} docs ({kinds['pii']} with PI, {kinds['clean']} without), "
          f"{sum(counts.values())} spans, text length {min(lens)}-{max(lens)}")
    for lab in sorted(LABELS, key=lambda l: (-counts[l], l)):
        print(f"  {lab:12s} {counts[lab]}")
    return 0


