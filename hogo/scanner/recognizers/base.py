"""The recogniser contract, modelled on Presidio's EntityRecognizer.

A recogniser has two steps, called by the Analyzer in this order:

* `analyze(text, artifacts)` (detect): candidate Findings with a base score;
* `enhance(text, artifacts, own, everything)` (context): adjust the scores of
  its own findings using the words around them and, if needed, the other
  recognisers' findings (sensitive words look for the person they are about).

It does not decide overlaps or thresholds: the Analyzer does that once.
"""

import re
from dataclasses import dataclass

from ..finding import Finding


class Recognizer:
    name = "recognizer"
    labels: tuple = ()

    def analyze(self, text: str, artifacts) -> list:
        raise NotImplementedError

    def enhance(self, text: str, artifacts, own: list, everything: list) -> None:
        return None


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str
    score: float


class PatternRecognizer(Recognizer):
    """Regex candidates, an optional validator, and a context boost.

    Subclasses declare PATTERNS and CONTEXT, and may override
    `validate_result()` (check digits) which returns True (valid: score
    raised to `valid_score`), False (invalid: dropped) or None (cannot tell).
    A regex may use a group named `v` to mark the part that is reported.
    """

    label = ""
    PATTERNS: tuple = ()
    CONTEXT: tuple = ()
    context_window = 20  # characters before the match searched for CONTEXT words
    context_boost = 0.35
    valid_score = 0.95
    reason = ""

    def __init__(self):
        self.labels = (self.label,)
        self._compiled = [(p, re.compile(p.regex)) for p in self.PATTERNS]
        self._context_re = re.compile("|".join(map(re.escape, self.CONTEXT))) if self.CONTEXT else None

    def validate_result(self, value: str):
        return None

    def analyze(self, text: str, artifacts) -> list:
        results = []
        for pattern, regex in self._compiled:
            for m in regex.finditer(text):
                start, end = m.span("v") if "v" in regex.groupindex else m.span()
                valid = self.validate_result(text[start:end])
                if valid is False:
                    continue
                score = pattern.score
                reason = self.reason or pattern.name
                if valid:
                    score = max(score, self.valid_score)
                    reason += "・検査数字が一致"
                results.append(Finding(start, end, self.label, score, reason, recognizer=self.name))
        return results

    def has_context(self, text: str, start: int, end: int) -> bool:
        if self._context_re is None:
            return False
        line_start = text.rfind("\n", 0, start) + 1
        window = text[max(line_start, start - self.context_window) : start]
        return self._context_re.search(window) is not None

    def enhance(self, text, artifacts, own, everything):
        for finding in own:
            if self.has_context(text, finding.start, finding.end):
                finding.score = min(1.0, finding.score + self.context_boost)
                finding.reason += "・直前に手がかりとなる語"
