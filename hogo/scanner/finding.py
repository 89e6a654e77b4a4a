"""The one result type every recogniser returns."""

from dataclasses import asdict, dataclass

IDENTIFIER_LABELS = (
    "PERSON",
    "ADDRESS",
    "PHONE",
    "EMAIL",
    "POSTAL_CODE",
    "BIRTH_DATE",
    "AGE",
    "MY_NUMBER",
    "ID_NUMBER",
    "FINANCIAL",
)
SENSITIVE_LABELS = (
    "MEDICAL",
    "DISABILITY",
    "CRIMINAL",
    "BELIEF",
    "ETHNICITY",
    "NATIONALITY",
    "DV",
)
ALL_LABELS = IDENTIFIER_LABELS + SENSITIVE_LABELS

# How reports and the web UI name each label.
LABEL_NAMES = {
    "PERSON": "氏名", "ADDRESS": "住所・所在", "PHONE": "電話・FAX", "EMAIL": "メールアドレス",
    "POSTAL_CODE": "郵便番号", "BIRTH_DATE": "生年月日", "AGE": "年齢", "MY_NUMBER": "個人番号",
    "ID_NUMBER": "各種番号", "FINANCIAL": "口座・カード番号", "MEDICAL": "病歴・健康",
    "DISABILITY": "障害", "CRIMINAL": "犯罪歴等", "BELIEF": "信条", "ETHNICITY": "人種・民族",
    "NATIONALITY": "国籍", "DV": "DV被害",
}


@dataclass
class Finding:
    """A span of the input text that looks like personal information.

    `start`/`end` are character offsets into the text given to `analyze()`
    (end exclusive), so `text[start:end]` is the finding.
    """

    start: int
    end: int
    label: str
    score: float
    reason: str
    official: bool = False
    recognizer: str = ""

    @property
    def sensitive(self) -> bool:
        return self.label in SENSITIVE_LABELS

    def overlaps(self, other: "Finding") -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict:
        return asdict(self)
