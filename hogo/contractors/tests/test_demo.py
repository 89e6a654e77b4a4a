"""The demo (seed 004's kinds of contract) loads twice without duplicates and fills the dashboard."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from hogo.contractors.models import Contract, ContractIncident
from hogo.core.deadlines import deadlines_for
from hogo.core.models import User


def test_it_loads_the_yachiyo_contracts_with_inspections_done_due_and_overdue(db):
    call_command("demo", "--municipality", "yachiyo", "--no-migrate", stdout=StringIO())
    call_command("demo", "--municipality", "yachiyo", "--no-migrate", stdout=StringIO())
    assert Contract.objects.count() == 4
    assert Contract.objects.filter(designated_manager=True).count() == 1
    assert ContractIncident.objects.count() == 1
    survey = Contract.objects.get(title__contains="６か月")
    assert survey.required_inspections() == []
    today = timezone.localdate()
    items = [item for item in deadlines_for(User.objects.get(username="privacy"), today) if "委託先" in item.kind]
    assert any(item.is_overdue(today) for item in items) and any(not item.is_overdue(today) for item in items)
