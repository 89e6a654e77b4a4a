"""List the differences between the scanner and the gold spans.

    python bench/pii/errors.py bench/pii/dev.jsonl
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from hogo.scanner import analyze  # noqa: E402


def main(path):
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        text = doc["text"]
        # Officials named in their role are left out, as run.py leaves them out of the scores.
        pred = [(f.start, f.end, f.label) for f in analyze(text) if not f.official]
        gold = [(s["start"], s["end"], s["label"]) for s in doc["spans"] if not s.get("official")]
        for kind, a, b in (("MISS", gold, pred), ("FALSE", pred, gold)):
            for s, e, label in a:
                if not any(label == l2 and s < e2 and s2 < e for s2, e2, l2 in b):
                    print(f"{doc['id']:8} {kind:5} {label:11} {text[s:e]!r:24} …{text[max(0, s - 12):e + 8]!r}")


if __name__ == "__main__":
    main(sys.argv[1])
