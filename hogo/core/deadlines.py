"""The dashboard's deadline registry.

Each module that has deadlines (incidents, requests, inspections…) registers a
provider in its ``AppConfig.ready``: a function ``provider(user, today)`` that
returns ``Deadline`` items for the records the user may see. The dashboard
asks every provider and shows the result sorted by due date.
"""

from dataclasses import dataclass
from datetime import date

_providers = []


@dataclass(frozen=True)
class Deadline:
    due: date
    title: str
    kind: str
    url: str
    division: str = ""
    note: str = ""

    def is_overdue(self, today):
        return self.due < today

    def days_left(self, today):
        return (self.due - today).days


def register(provider):
    """Add a deadline provider; returns it so this can be used as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def deadlines_for(user, today):
    """Every open deadline the user may see, earliest first."""
    items = []
    for provider in _providers:
        items.extend(provider(user, today))
    return sorted(items, key=lambda item: (item.due, item.title))
