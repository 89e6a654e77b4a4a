"""A computed legal date together with the rule that produced it.

Every deadline function in Hogo returns ``ComputedDate`` so that the UI, the
`hogo deadline` command and the council documents can say *why* a date is what
it is. Plain Python: no Django.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ComputedDate:
    date: date
    label: str              # what the date is, e.g. 「決定期限」「確報期限」
    rule: str               # how it was computed, in Japanese
    source: str             # the provision, e.g. 「個人情報保護法第83条第1項」
    moved_from: date | None = None   # the unmoved last day, when a closure day moved it
    warnings: tuple = field(default_factory=tuple)

    def as_dict(self):
        return {
            "label": self.label,
            "date": self.date.isoformat(),
            "rule": self.rule,
            "source": self.source,
            "moved_from": self.moved_from.isoformat() if self.moved_from else None,
            "warnings": list(self.warnings),
        }
