from datetime import date

import pytest

from hogo.core.choices import Role
from hogo.safety.choices import CheckCategory, Post


@pytest.fixture
def items(db):
    from hogo.safety.models import CheckItem

    return [
        CheckItem.objects.create(order=1, category=CheckCategory.STORAGE, text="個人情報を含む文書を施錠できる書庫に保管している",
                                 rule="管理指針"),
        CheckItem.objects.create(order=2, category=CheckCategory.FAX_MAIL,
                                 text="ファクシミリの短縮ダイヤルを定期的に点検している", rule="管理指針12(3)"),
    ]


@pytest.fixture
def auditor(organisation):
    """A person of the general affairs division who holds the 監査責任者 post (Yachiyo 12(1): 総務部長)."""
    from conftest import _user
    from hogo.safety.models import PostAssignment

    user = _user("auditor", Role.DIVISION_STAFF, organisation["privacy_office"])
    PostAssignment.objects.create(post=Post.AUDIT_OFFICER, user=user, job_title="総務部長", starts_on=date(2023, 4, 1))
    return user


@pytest.fixture
def colleague(organisation):
    """A second person of the owner division (the second checker of a send)."""
    from conftest import _user

    return _user("staff1b", Role.DIVISION_STAFF, organisation["own"])
