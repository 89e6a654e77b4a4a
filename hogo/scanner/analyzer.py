"""The pipeline: detect → context → merge overlaps → threshold → allow-list.

1. detect:  every recogniser proposes Findings on the normalised text;
2. context: every recogniser adjusts its own scores from the surrounding
            words and the other findings (sensitive words need a person);
3. merge:   overlapping findings are reduced to the best one;
4. threshold: findings below `threshold` are dropped;
5. weak-only: when every finding of the text is weak (an age given only as
   a decade), none is reported (`keep_weak=True` returns them at score 0.45
   for a 「要確認」 report);
6. allow-list: the municipality's own phone numbers and addresses are dropped.

Merging before the threshold lets a confident finding suppress a weak one
that overlaps it (a date inside an ID number), instead of both surviving.
"""

import re

from .finding import Finding
from .nlp import get_tokenizer
from .registry import RecognizerRegistry
from .text import digits_only, normalize

DEFAULT_THRESHOLD = 0.5


class Analyzer:
    def __init__(self, registry=None, threshold=DEFAULT_THRESHOLD, allow_list=()):
        self.registry = registry or RecognizerRegistry()
        self.threshold = threshold
        self.allow_list = tuple(allow_list)
        self.tokenizer = get_tokenizer()

    def analyze(self, text: str, *, allow_list=(), labels=None, threshold=None, keep_weak=False) -> list:
        if not text:
            return []
        norm = normalize(text)
        artifacts = self.tokenizer.analyze(norm)
        recognizers = self.registry.get(labels)
        # 1. detect
        found = {r.name: r.analyze(norm, artifacts) for r in recognizers}
        everything = [f for fs in found.values() for f in fs]
        # 2. context
        for r in recognizers:
            r.enhance(norm, artifacts, found[r.name], everything)
        # 3. merge overlaps
        merged = merge_overlaps(everything)
        # 4. threshold (and filled-in examples on a form are not about anyone)
        limit = self.threshold if threshold is None else threshold
        kept = [f for f in merged if f.score >= limit and not in_sample(norm, f)]
        if labels is not None:
            kept = [f for f in kept if f.label in labels]
        # 5. a document whose only evidence is weak identifies no one (judged
        #    on the full analysis only: a label filter hides the other evidence)
        if labels is None and weak_only(norm, kept):
            for f in kept:
                if not f.official:
                    f.score = min(f.score, WEAK_SCORE)
                    f.reason += "（文書中に他の手がかりがなく、これだけでは特定の人を示さない：要確認）"
            if not keep_weak:
                kept = [f for f in kept if f.official]
        # 6. allow-list
        allowed = self.allow_list + tuple(allow_list)
        if allowed:
            kept = [f for f in kept if not is_allowed(norm[f.start : f.end], f.label, allowed)]
        return kept


WEAK_SCORE = 0.45
# 「受講者Ａ（70歳代男性）」: a decade is shared by millions of people.
_DECADE = re.compile(r"[0-9一二三四五六七八九十]+\s?(?:歳代|代)")


def is_weak(text: str, finding) -> bool:
    """Evidence that identifies no one on its own: an age given as a decade."""
    return finding.label == "AGE" and _DECADE.search(text, finding.start, finding.end) is not None


def weak_only(text: str, findings) -> bool:
    """True when every finding not about an official is weak: a document whose
    only finding is 「受講者Ａ（70歳代男性）」 names, locates and describes no one.
    Any name, contact detail, identifier or sensitive finding makes the ages count."""
    private = [f for f in findings if not f.official]
    return bool(private) and all(is_weak(text, f) for f in private)


def merge_overlaps(findings: list) -> list:
    """Keep, among overlapping findings, the highest score, then the longest."""
    ranked = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    chosen: list = []
    # One byte per character marks what is taken; find() keeps this linear.
    taken = bytearray(max((f.end for f in findings), default=0))
    for f in ranked:
        if f.score <= 0 or taken.find(1, f.start, f.end) != -1:
            continue
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
        chosen.append(f)
    chosen.sort(key=lambda f: f.start)
    return chosen


# 「記入例　氏名：世田谷　太郎」「（例）山田花子」: sample entries on a form.
_SAMPLE_MARK = re.compile(r"記入例|記載例|入力例|\(例\)|【例】|［例］|\[例\]|例[:：]|例）")


def in_sample(text: str, finding) -> bool:
    """True when the finding's line says, before it, that it is an example,
    or the document's title does (「【記入例】住民票の写し等交付申請書」)."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    if _SAMPLE_MARK.search(text, line_start, finding.start) is not None:
        return True
    if _SAMPLE_AFTER.match(text, finding.end):
        return True  # 「口座番号は「普通　1234567」のように右詰めで」
    title_end = text.find("\n")
    return _SAMPLE_TITLE.search(text, 0, len(text) if title_end < 0 else title_end) is not None


_SAMPLE_AFTER = re.compile(r"[」』]?\s?(?:のように|のような)")
# 「【記入例】…申請書」「…届（記入例）」, but not 「（記入例ではありません）」.
_SAMPLE_TITLE = re.compile(r"(?:^|[【\[(])\s?(?:記入例|記載例|入力例)\s?(?:$|[】\])])")


def is_allowed(value: str, label: str, allow_list) -> bool:
    """True when the finding is one of the municipality's own contact details.

    Phone numbers compare by digits (「03-5432-1111」 = 「03(5432)1111」);
    addresses by normalised text with spaces removed, either way round.
    """
    if label in ("PHONE", "POSTAL_CODE"):
        digits = digits_only(value)
        return any(digits and digits == digits_only(a) for a in allow_list)
    if label == "ADDRESS":
        squeezed = "".join(normalize(value).split())
        for entry in allow_list:
            other = "".join(normalize(entry).split())
            if other and (squeezed in other or other in squeezed):
                return True
        return False
    if label == "EMAIL":
        return value.lower() in {a.lower() for a in allow_list}
    return False


_default = None


def get_analyzer() -> Analyzer:
    global _default
    if _default is None:
        _default = Analyzer()
    return _default


def analyze(text: str, *, allow_list=(), labels=None, threshold=None, keep_weak=False) -> list[Finding]:
    """Find personal and sensitive information in `text`.

    Offsets are into `text` itself.  `allow_list` holds the office's own phone
    numbers, addresses and e-mail addresses, which are not reported.
    """
    return get_analyzer().analyze(text, allow_list=allow_list, labels=labels, threshold=threshold, keep_weak=keep_weak)
