"""Who must attend training, who did, and each division's completion rate (管理指針3)."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from hogo.core.models import User
from hogo.safety import rules
from hogo.safety.models import Attendance


@dataclass(frozen=True)
class PersonStatus:
    name: str
    division: object
    last_attended: date | None
    due_on: date

    def overdue(self, today):
        return self.due_on < today


def people_status(divisions, today):
    """Every active user of the divisions with their last attendance and when they must attend again.

    An attendance counts for a user when the list tied it to them, or names them (family and given
    name as in Hogo) in the same division.
    """
    divisions = list(divisions)
    attended = {}
    for division_id, user_id, name, held_on in Attendance.objects.filter(
            division__in=divisions, session__held_on__lte=today).values_list(
            "division_id", "user_id", "person_name", "session__held_on"):
        for key in ((division_id, "user", user_id), (division_id, "name", "".join(name.split()))):
            if key[2] is not None and (key not in attended or attended[key] < held_on):
                attended[key] = held_on
    people = []
    for user in User.objects.filter(division__in=divisions, is_active=True).select_related("division"):
        name = str(user)
        dates = [attended.get((user.division_id, "user", user.pk)),
                 attended.get((user.division_id, "name", "".join(name.split())))]
        last = max((day for day in dates if day), default=None)
        started = user.date_joined.date()
        people.append(PersonStatus(name, user.division, last, rules.training_due_on(last, started)))
    return sorted(people, key=lambda person: (person.division.full_name, person.name))


def division_rates(divisions, today):
    """[(division, attended within the period, people, rate %, overdue people)] for each division."""
    by_division = {}
    for person in people_status(divisions, today):
        by_division.setdefault(person.division.pk, []).append(person)
    rows = []
    for division in divisions:
        people = by_division.get(division.pk, [])
        current = [person for person in people if person.last_attended and not person.overdue(today)]
        rows.append((division, len(current), len(people), rules.completion_rate(len(current), len(people)),
                     [person for person in people if person.overdue(today)]))
    return rows


def status_url():
    return reverse("safety:training_status")
