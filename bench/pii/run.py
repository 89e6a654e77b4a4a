"""Accuracy and speed of the Hogo scanner on the labelled corpora.

    python bench/pii/run.py [--count-officials] [CORPUS.jsonl …]

Default corpora: bench/pii/dev.jsonl and bench/pii/heldout.jsonl, each
reported separately.  Exact match: same start, end and label.  Overlap
match: same label and at least one character in common.  Document level:
a document "contains personal information" when it has a span that is not
an official named in their role.

Officials named in their role (区長 山田太郎) are reported by the scanner
with `official: true`; they are not personal information, so span scores
leave them out (gold spans marked official, predictions marked official and
predictions overlapping a gold official span).  `--count-officials` scores
them as ordinary PERSON spans instead, as the first versions of this script
did.
"""

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def match_counts(gold, pred, overlap):
    """(tp_pred, tp_gold) per label: matched predictions and matched gold spans."""
    def hit(a, b):
        if a["label"] != b["label"]:
            return False
        if overlap:
            return a["start"] < b["end"] and b["start"] < a["end"]
        return a["start"] == b["start"] and a["end"] == b["end"]

    tp_pred = [p for p in pred if any(hit(p, g) for g in gold)]
    tp_gold = [g for g in gold if any(hit(g, p) for p in pred)]
    return tp_pred, tp_gold


def split_officials(gold, pred):
    """Officials named in their role are not personal information: the
    scanner reports them with `official` and the span scores leave them out.

    Gold spans marked official, predictions marked official, and predictions
    that overlap a gold official span are set aside; the rest is scored.
    Returns (gold, pred, (official gold found, official gold)).
    """
    gold_off = [g for g in gold if g.get("official")]
    found = sum(1 for g in gold_off if any(p["start"] < g["end"] and g["start"] < p["end"] for p in pred))

    def is_official(p):
        return p.get("official") or any(p["start"] < g["end"] and g["start"] < p["end"] for g in gold_off)

    return [g for g in gold if not g.get("official")], [p for p in pred if not is_official(p)], (found, len(gold_off))


def evaluate(docs, predict, count_officials=False):
    stats = {}
    doc_tp = doc_pos = doc_fp = doc_neg = 0
    officials = [0, 0]
    for doc in docs:
        pred = predict(doc["text"])
        gold = doc["spans"]
        if not count_officials:
            gold, pred, (found, total) = split_officials(gold, pred)
            officials[0] += found
            officials[1] += total
        for mode in ("exact", "overlap"):
            tp_pred, tp_gold = match_counts(gold, pred, mode == "overlap")
            for label in {s["label"] for s in gold + pred}:
                s = stats.setdefault((mode, label), [0, 0, 0, 0])  # tp_p, n_pred, tp_g, n_gold
                s[0] += sum(1 for p in tp_pred if p["label"] == label)
                s[1] += sum(1 for p in pred if p["label"] == label)
                s[2] += sum(1 for g in tp_gold if g["label"] == label)
                s[3] += sum(1 for g in gold if g["label"] == label)
        has_gold = any(not s.get("official") for s in gold)
        has_pred = any(not s.get("official") for s in pred)
        if has_gold:
            doc_pos += 1
            doc_tp += has_pred
        else:
            doc_neg += 1
            doc_fp += has_pred
    evaluate.officials = officials
    return stats, (doc_tp, doc_pos, doc_fp, doc_neg)


def prf(s):
    p = s[0] / s[1] if s[1] else 1.0
    r = s[2] / s[3] if s[3] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(name, docs, predict, count_officials=False):
    from hogo.scanner import IDENTIFIER_LABELS, SENSITIVE_LABELS

    stats, (doc_tp, doc_pos, doc_fp, doc_neg) = evaluate(docs, predict, count_officials)
    print(f"\n## {name}: {len(docs)} documents ({doc_pos} with personal information, {doc_neg} without)")
    print(f"{'label':<12} {'P exact':>8} {'R exact':>8} {'F1 exact':>8} {'P ovl':>7} {'R ovl':>7} {'F1 ovl':>7} {'gold':>5}")
    groups = {"identifiers": IDENTIFIER_LABELS, "sensitive": SENSITIVE_LABELS}
    for label in IDENTIFIER_LABELS + SENSITIVE_LABELS:
        e = stats.get(("exact", label))
        o = stats.get(("overlap", label))
        if not e:
            continue
        pe, re_, fe = prf(e)
        po, ro, fo = prf(o)
        print(f"{label:<12} {pe:8.3f} {re_:8.3f} {fe:8.3f} {po:7.3f} {ro:7.3f} {fo:7.3f} {e[3]:5d}")
    for group, labels in groups.items():
        for mode in ("exact", "overlap"):
            total = [0, 0, 0, 0]
            for label in labels:
                for k, v in enumerate(stats.get((mode, label), [0, 0, 0, 0])):
                    total[k] += v
            p, r, f = prf(total)
            print(f"{group:<12} {mode:<8} P={p:.3f} R={r:.3f} F1={f:.3f}")
    recall = doc_tp / doc_pos if doc_pos else 1.0
    false_alarm = doc_fp / doc_neg if doc_neg else 0.0
    print(f"document recall {recall:.3f} ({doc_tp}/{doc_pos}), false-alarm rate {false_alarm:.3f} ({doc_fp}/{doc_neg})")
    if count_officials:
        print("(officials counted as ordinary PERSON spans: --count-officials)")
    else:
        found, total = evaluate.officials
        print(f"officials (left out of the span scores): {found}/{total} labelled officials found")


def main(argv):
    t0 = time.perf_counter()
    from hogo.scanner import analyze

    analyze("起動確認の山田太郎様")  # loads the dictionary and compiles every regex
    startup = time.perf_counter() - t0

    def predict(text):
        out = []
        for f in analyze(text):
            span = {"start": f.start, "end": f.end, "label": f.label}
            if f.official:
                span["official"] = True
            out.append(span)
        return out

    count_officials = "--count-officials" in argv
    argv = [a for a in argv if a != "--count-officials"]
    paths = [Path(a) for a in argv] or [p for p in (HERE / "dev.jsonl", HERE / "heldout.jsonl") if p.exists()]
    all_docs = []
    for path in paths:
        docs = load(path)
        all_docs.extend(docs)
        report(path.name, docs, predict, count_officials)

    # Speed: the corpus texts plus the seed council documents, several passes.
    texts = [d["text"] for d in all_docs]
    seeds = HERE.parent.parent.parent / "shared" / "seeds"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    chars = 0
    t1 = time.perf_counter()
    for _ in range(3):
        for text in texts:
            analyze(text)
            chars += len(text)
    elapsed = time.perf_counter() - t1
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nspeed {chars / elapsed:,.0f} chars/s ({chars:,} chars in {elapsed:.2f} s, one process, one thread)")
    print(f"start-up {startup:.2f} s (import, Sudachi dictionary, first analysis)")
    print(f"peak memory {rss:.0f} MB (maximum resident set size of this process)")


if __name__ == "__main__":
    main(sys.argv[1:])
