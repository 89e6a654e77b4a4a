"""Would GiNZA (spaCy Japanese NER) add anything to the Hogo scanner?

Optional benchmark; GiNZA is not a dependency of Hogo.  Install it in a
separate virtualenv (the project's .venv stays as it is):

    python3 -m venv /tmp/ginza-venv && /tmp/ginza-venv/bin/pip install ja-ginza
    /tmp/ginza-venv/bin/python bench/pii/ginza_compare.py [CORPUS.jsonl …]

Default corpora: dev.jsonl and heldout.jsonl.  The Hogo side runs as
`.venv/bin/python -m hogo.scanner --jsonl` in a subprocess (override the
interpreter with HOGO_PYTHON).  Scoring is run.py's: officials named in their
role are left out, PERSON is scored with overlap match (exact F1 beside it).

Per file it prints PERSON for Hogo alone, GiNZA alone, the union (Hogo plus
GiNZA Person spans that overlap no Hogo PERSON span) and the gated union
(the same, only when an honorific follows or a form label precedes the
GiNZA span); the other mapped labels for GiNZA alone; and, per document,
how many clean documents GiNZA flags with a Person and how many documents
with personal information that Hogo missed entirely the union would catch.
Then GiNZA's load time, speed (one thread) and peak memory.
Exit status 2 when GiNZA is not installed.
"""

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import json
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from run import load, match_counts, prf, split_officials  # noqa: E402  (run.py's scoring)

# GiNZA (Sekine extended named-entity hierarchy) → Hogo labels; others are ignored.
LABEL_MAP = {
    "Person": "PERSON",
    "Province": "ADDRESS", "City": "ADDRESS", "County": "ADDRESS", "GPE_Other": "ADDRESS",
    "Domestic_Region": "ADDRESS", "Location_Other": "ADDRESS", "Postal_Address": "ADDRESS",
    "Phone_Number": "PHONE",
    "Email": "EMAIL",
}
HONORIFIC_AFTER = re.compile(r"[ 　]?(?:様|さま|さん|氏|くん|君|ちゃん|殿)")
FORM_LABEL_BEFORE = re.compile(
    r"(?:氏名|お名前|名前|フリガナ|申請者|申込者|相談者|届出人|世帯主|代表者|保護者|記入者|対象者|請求者|意見提出者)"
    r"[ 　]*[:：]?[ 　]*$"
)


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def hogo_predict(docs):
    """{id: spans} from the Hogo scanner, run with the project's interpreter."""
    python = os.environ.get("HOGO_PYTHON", str(ROOT / ".venv" / "bin" / "python"))
    lines = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run([python, "-m", "hogo.scanner", "--jsonl"], input=lines, capture_output=True,
                          text=True, cwd=ROOT)
    if proc.returncode not in (0, 1):
        sys.exit(f"hogo.scanner failed: {proc.stderr}")
    return {r["id"]: r["spans"] for r in map(json.loads, proc.stdout.splitlines())}


def gated(text, s):
    return bool(HONORIFIC_AFTER.match(text, s["end"]) or FORM_LABEL_BEFORE.search(text[max(0, s["start"] - 12):s["start"]]))


def add_persons(hogo, extra):
    """Hogo's spans plus the extra PERSON spans that overlap no Hogo PERSON span."""
    persons = [h for h in hogo if h["label"] == "PERSON"]
    return hogo + [e for e in extra if not any(e["start"] < h["end"] and h["start"] < e["end"] for h in persons)]


def score(docs, preds, label):
    """Overlap (tp_p, n_pred, tp_g, n_gold) and exact counts for one label, officials left out."""
    ovl, exa = [0, 0, 0, 0], [0, 0, 0, 0]
    for doc, pred in zip(docs, preds):
        gold, pred, _ = split_officials(doc["spans"], pred)
        gold = [g for g in gold if g["label"] == label]
        pred = [p for p in pred if p["label"] == label]
        for counts, overlap in ((ovl, True), (exa, False)):
            tp_pred, tp_gold = match_counts(gold, pred, overlap)
            for k, v in enumerate((len(tp_pred), len(pred), len(tp_gold), len(gold))):
                counts[k] += v
    return ovl, exa


def flagged(doc, pred):
    gold, pred, _ = split_officials(doc["spans"], pred)
    return bool(gold), bool(pred)


def main(argv):
    t0 = time.perf_counter()
    try:
        import spacy

        try:
            import torch

            torch.set_num_threads(1)
        except ImportError:
            pass
        rss_before = rss_mb()
        nlp = spacy.load("ja_ginza")
    except (ImportError, OSError) as exc:
        print(f"GiNZA is not installed ({exc}); see this file's docstring: pip install ja-ginza", file=sys.stderr)
        return 2
    nlp("起動確認の山田太郎様")
    load_s = time.perf_counter() - t0
    rss_loaded = rss_mb()

    paths = [Path(a) for a in argv] or [HERE / "dev.jsonl", HERE / "heldout.jsonl"]
    seen = Counter()
    all_texts = []
    for path in paths:
        docs = load(path)
        all_texts += [d["text"] for d in docs]
        hogo = hogo_predict(docs)
        systems = {"Hogo": [], "GiNZA": [], "union": [], "gated": []}
        ginza_all = []
        for doc in docs:
            text = doc["text"]
            ents = []
            for e in nlp(text).ents:
                seen[e.label_] += 1
                if e.label_ in LABEL_MAP:
                    ents.append({"start": e.start_char, "end": e.end_char, "label": LABEL_MAP[e.label_]})
            ginza_all.append(ents)
            gp = [e for e in ents if e["label"] == "PERSON"]
            h = hogo[doc["id"]]
            systems["Hogo"].append(h)
            systems["GiNZA"].append(gp)
            systems["union"].append(add_persons(h, gp))
            systems["gated"].append(add_persons(h, [e for e in gp if gated(text, e)]))

        print(f"\n## {path.name}: {len(docs)} documents")
        print(f"PERSON (overlap)  {'P':>6} {'R':>6} {'F1':>6} {'F1 exact':>8} {'pred':>5} {'gold':>5}")
        for name, preds in systems.items():
            o, e = score(docs, preds, "PERSON")
            p, r, f = prf(o)
            print(f"  {name:<15} {p:6.3f} {r:6.3f} {f:6.3f} {prf(e)[2]:8.3f} {o[1]:5d} {o[3]:5d}")
        for label in ("ADDRESS", "PHONE", "EMAIL"):
            o, _ = score(docs, ginza_all, label)
            if o[1] or o[3]:
                p, r, f = prf(o)
                print(f"  GiNZA {label:<9} {p:6.3f} {r:6.3f} {f:6.3f} {'':8} {o[1]:5d} {o[3]:5d}")
        clean = [i for i, d in enumerate(docs) if not flagged(d, [])[0]]
        g_clean = sum(flagged(docs[i], systems["GiNZA"][i])[1] for i in clean)
        h_clean = sum(flagged(docs[i], systems["Hogo"][i])[1] for i in clean)
        u_clean = sum(flagged(docs[i], systems["union"][i])[1] for i in clean)
        q_clean = sum(flagged(docs[i], systems["gated"][i])[1] for i in clean)
        missed = [i for i, d in enumerate(docs) if flagged(d, [])[0] and not flagged(d, systems["Hogo"][i])[1]]
        u_rec = sum(flagged(docs[i], systems["union"][i])[1] for i in missed)
        q_rec = sum(flagged(docs[i], systems["gated"][i])[1] for i in missed)
        print(f"clean documents {len(clean)}: GiNZA Person flags {g_clean}; false alarms Hogo {h_clean}, "
              f"union {u_clean}, gated {q_clean}")
        print(f"documents with PI that Hogo misses: {len(missed)}; union catches {u_rec}, gated {q_rec}")

    print("\nGiNZA labels seen, mapped: " + ", ".join(f"{lab} {seen[lab]} → {hogo}" for lab, hogo in LABEL_MAP.items()))
    others = [(lab, n) for lab, n in seen.most_common() if lab not in LABEL_MAP]
    print(f"not mapped ({len(others)} labels), most frequent: " + ", ".join(f"{lab} {n}" for lab, n in others[:12]))

    chars = 0
    t1 = time.perf_counter()
    for _ in range(2):
        for text in all_texts:
            nlp(text)
            chars += len(text)
    elapsed = time.perf_counter() - t1
    print(f"\nGiNZA speed {chars / elapsed:,.0f} chars/s ({chars:,} chars in {elapsed:.2f} s, one thread)")
    print(f"load {load_s:.2f} s (import spacy, spacy.load('ja_ginza'), first document)")
    print(f"peak RSS {rss_mb():.0f} MB (before load {rss_before:.0f} MB, after load {rss_loaded:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
