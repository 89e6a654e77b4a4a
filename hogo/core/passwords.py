"""Password rules beyond Django's: no simple sequences or repetitions.

Django's validators refuse short, common and all-digit passwords; they accept
``abcdefghijkl``, ``qwertyuiopas`` or ``あいうえおかきくけこさし``, which an
attacker tries first. A password is refused when, once the runs of consecutive
characters and keyboard rows are taken out, too little of it is left.
"""

from django.core.exceptions import ValidationError

# Orders a finger or a memory slides along, read in both directions: keyboard
# rows and columns, and the kana in 五十音 order (hiragana and katakana).
SEQUENCES = (
    "1234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "qaz", "wsx", "edc", "rfv", "tgb", "yhn", "ujm",
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
)

# A run this long of neighbours (abc, 321, qwe, あいう) counts as a sequence.
MIN_RUN = 3


def _is_step(previous, current):
    """``current`` repeats ``previous`` or follows it in the alphabet, the digits or SEQUENCES (either way)."""
    if previous == current:
        return True
    if abs(ord(current) - ord(previous)) == 1 and (previous + current).isascii() and (previous + current).isalnum():
        return True
    for row in SEQUENCES:
        index = row.find(previous)
        if index != -1 and (row[index + 1:index + 2] == current or (index > 0 and row[index - 1] == current)):
            return True
    return False


def predictable_share(password):
    """The share (0–1) of characters that sit in runs of MIN_RUN or more neighbours or repeats."""
    text = password.lower()
    if not text:
        return 1.0
    covered = 0
    run = 1
    for previous, current in zip(text, text[1:]):
        if _is_step(previous, current):
            run += 1
            continue
        if run >= MIN_RUN:
            covered += run
        run = 1
    if run >= MIN_RUN:
        covered += run
    return covered / len(text)


def distinct_characters(password):
    return len(set(password.lower()))


class SimpleSequenceValidator:
    """Refuses passwords made mostly of sequences (abc…, 123…, qwerty…, あいう…) or of few characters."""

    def __init__(self, max_predictable_share=0.5, min_distinct=5):
        self.max_predictable_share = max_predictable_share
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if distinct_characters(password) < self.min_distinct:
            raise ValidationError(
                "同じ文字の繰り返しが多すぎます。%(min)d種類以上の文字を使ってください。",
                code="password_too_repetitive", params={"min": self.min_distinct},
            )
        if predictable_share(password) > self.max_predictable_share:
            raise ValidationError(
                "「abcd」「1234」「qwerty」「あいうえ」のような並びや繰り返しが大半を占めるパスワードは使えません。",
                code="password_simple_sequence",
            )

    def get_help_text(self):
        return "連続した文字・キーボードの並び・同じ文字の繰り返しが大半を占めるパスワードは使えません。"
