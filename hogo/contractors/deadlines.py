"""Inspections of contractors on the dashboard: each one required in a fiscal year that has begun
and not yet done and closed (result notified, improvement report received when an item was 否)."""

from hogo.contractors.models import Contract
from hogo.contractors.schedule import KIND_LABELS, fiscal_year_of
from hogo.core.access import scope_for_user
from hogo.core.deadlines import Deadline


def inspection_deadlines(user, today):
    contracts = (scope_for_user(Contract.objects.filter(signed_on__isnull=False, handles_personal_info=True), user)
                 .select_related("division", "contractor").prefetch_related("inspections"))
    this_year = fiscal_year_of(today)
    items = []
    for contract in contracts:
        for required, done in contract.schedule_rows():
            if required.fiscal_year > this_year or (done and done.is_closed):
                continue
            kind = f"委託先の{KIND_LABELS[required.kind]}（{required.fiscal_year}年度）"
            if done is None:
                url, note = contract.get_absolute_url(), f"{contract.contractor.name}：{required.reason}"
            else:
                url, note = done.get_absolute_url(), f"{contract.contractor.name}：残り " + "、".join(done.open_steps())
            items.append(Deadline(required.due, contract.title, kind, url, contract.division.full_name, note))
    return items
