from django.shortcuts import render
from django.utils import timezone

from hogo.core import deadlines


def dashboard(request):
    today = timezone.localdate()
    items = deadlines.deadlines_for(request.user, today)
    overdue = [item for item in items if item.is_overdue(today)]
    upcoming = [item for item in items if not item.is_overdue(today)]
    return render(request, "core/dashboard.html", {
        "today": today, "overdue": overdue, "upcoming": upcoming,
    })
