"""Build the labelled JSONL corpora from the marked-up sources in src/.

Spans are written inline as [[LABEL:text]] ([[PERSON+:text]] for an official
named in their role) and their offsets are computed here, never by hand.

    python bench/pii/build.py   # writes dev.jsonl and heldout.jsonl
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([A-Z_]+)(\+?):(.+?)\]\]")


def parse(source: str):
    docs = []
    current = None
    for line in source.splitlines(keepends=True):
        if line.startswith("### "):
            current = {"id": line[4:].strip(), "raw": ""}
            docs.append(current)
        elif line.startswith("#") and current is None:
            continue
        elif current is not None:
            current["raw"] += line
    return [strip_marks(d["id"], d["raw"].rstrip("\n")) for d in docs]


def strip_marks(doc_id, raw):
    text, spans, pos = "", [], 0
    for m in MARK.finditer(raw):
        text += raw[pos : m.start()]
        span = {"start": len(text), "end": len(text) + len(m.group(3)), "label": m.group(1)}
        if m.group(2):
            span["official"] = True
        text += m.group(3)
        spans.append(span)
        pos = m.end()
    text += raw[pos:]
    assert "[[" not in text, doc_id
    return {"id": doc_id, "text": text, "spans": spans}


def main():
    for name in ("dev", "heldout"):
        src = HERE / "src" / f"{name}.txt"
        if not src.exists():
            continue
        docs = parse(src.read_text(encoding="utf-8"))
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for d in docs:
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"{name}: {len(docs)} documents")


if __name__ == "__main__":
    main()
