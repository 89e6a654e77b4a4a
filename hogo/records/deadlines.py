"""The records' deadlines on the dashboard: media still out (overdue in red)."""

from django.utils import timezone

from hogo.core.access import scope_for_user
from hogo.core.deadlines import Deadline
from hogo.records.models import Carryout


def records_deadlines(user, today):
    items = []
    carryouts = (scope_for_user(Carryout.objects.filter(returned_at__isnull=True, medium__lost_on__isnull=True),
                                user, division_field="medium__division")
                 .select_related("medium__division", "taken_by"))
    for carryout in carryouts:
        due = timezone.localtime(carryout.due_at)
        items.append(Deadline(due.date(), str(carryout.medium), "可搬媒体の返却", carryout.medium.get_absolute_url(),
                              carryout.medium.division.full_name,
                              f"返却予定 {due:%H:%M}・{carryout.taken_by}（{carryout.purpose[:40]}）"))
    return items
