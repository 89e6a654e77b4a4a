from datetime import date

import pytest

from hogo.contractors.models import Checklist, Contract, Contractor, SpecialClauses


@pytest.fixture
def contractor(db):
    return Contractor.objects.create(name="株式会社八千代情報サービス", address="千葉県八千代市大和田新田1-1",
                                     representative="代表取締役 山田太郎")


@pytest.fixture
def clauses(db):
    return SpecialClauses.objects.create(number=1, adopted_on=date(2025, 1, 16), text="（基本的事項）\n第１条 …")


@pytest.fixture
def contract(organisation, contractor, clauses):
    return Contract.objects.create(title="健診システム保守業務委託", division=organisation["own"], contractor=contractor,
                                   starts_on=date(2025, 4, 1), ends_on=date(2028, 3, 31), clauses=clauses)


@pytest.fixture
def approved(contract, staff, privacy):
    from django.utils import timezone

    return Checklist.objects.create(contract=contract, answers={str(n): "yes" for n in range(1, 8)},
                                    answered_by=staff, answered_at=timezone.now(),
                                    approved_by=privacy, approved_at=timezone.now())
