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


def private_persons(findings):
    """The persons found with confidence who are not officials: the people
    whose details, ages and facts the other recognisers look for."""
    return [f for f in findings if f.label == "PERSON" and f.score >= 0.5 and not f.official]


def block_start(text, line_start, lines=3):
    """Start of the block of lines ending at `line_start`: up to `lines`
    lines back, stopping at a blank line (a contact block, a venue)."""
    start = line_start
    for _ in range(lines):
        if start == 0:
            break
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text[prev : start - 1].strip():
            break
        start = prev
    return start


# A count after an item: 「肢体不自由 2,391人」「20歳代 9％」「ＤＶ・家族関係 176件」.
COUNT = re.compile(r"[0-9][0-9,，.]*\s?(?:人|件|名|世帯|例|%|％|割|か所|箇所)(?![ぁ-んァ-ヶ\u4e00-\u9fff])")
_COUNT_AFTER = re.compile(
    r"(?:[・/／][^\s、。,，\n0-9]{1,12})*[\s:：]?(?:約|計|延べ)?[0-9][0-9,，.]*\s?(?:人|件|名|世帯|例|%|％|割|か所|箇所)(?![ぁ-んァ-ヶ\u4e00-\u9fff])"
)


def counted(text, end):
    """True when a count follows the item ending at `end` (「内部障害 1,466人」)."""
    return _COUNT_AFTER.match(text, end) is not None


def statistics_line(text, pos, persons=()):
    """True when the line around `pos` is a table of counts: at least two
    items each followed by a count, 「障害種別：肢体不自由 2,391人、内部障害
    1,466人」「相談者の年代：20歳代 9％、30歳代 14％」, and no person named
    on it. Such a line is about a group, never about one person."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if sum(1 for _ in COUNT.finditer(text, line_start, line_end)) < 2:
        return False
    return not any(line_start <= p.start < line_end for p in persons)


# 「区民Ａ」「利用者Ｃさん」「Ｂ氏」: an anonymised person. (「当該児童」 is not one:
# it points back at a particular child.)
PLACEHOLDER_PERSON = re.compile(
    r"(?:区民|市民|町民|住民|職員|児童|生徒|園児|利用者|男性|女性|患者|相談者|申請者|請求者|保護者|本人|女児|男児|乳児|幼児|高齢者|入所者|被害者|加害者|委員|息子|娘|夫|妻|母|父)[A-Z](?![A-Za-z])"
    r"|(?<![A-Za-z])[A-Z](?:さん|氏|様|君|くん|ちゃん)"
    # 「・７０歳代の女性。」: a case described by age group and sex only
    r"|(?:^|(?<=[・\s]))[1-9]0\s?歳?代(?:前半|後半)?の(?:男性|女性|方)"
    # 「…してほしい。（７０歳代・女性）」: who wrote an opinion, by age group and sex only
    r"|[(（][1-9]0\s?歳?代(?:前半|後半)?[・、,，]\s?(?:男性|女性)[)）]"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def anonymous_block(text, pos, persons=()):
    """True when the paragraph up to `pos` is about an anonymised person: it
    names a placeholder (「本人　Ｂ氏（７０代）」) and no real person. Family
    words there (「母親（９０代）が入院」) are the placeholder's family, and
    as anonymous as the placeholder."""
    lo = max(0, pos - 400)
    breaks = list(_BLANK_LINE.finditer(text, lo, pos))
    if breaks:
        lo = breaks[-1].end()
    if PLACEHOLDER_PERSON.search(text, lo, pos) is None:
        return False
    line_end = text.find("\n", pos)
    hi = len(text) if line_end < 0 else line_end
    return not any(lo <= p.start < hi and p.label == "PERSON" for p in persons)
