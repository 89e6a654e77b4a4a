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
