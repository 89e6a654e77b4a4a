"""The foundation's promise, end to end: division staff see only their division's records."""

from datetime import date

import pytest

from hogo.incidents.models import Incident

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_division_staff_see_only_their_records_and_a_typed_url_is_refused_and_audited(
        page, organisation, staff, privacy, browser_login):
    own = Incident.objects.create(title="健診記録票の紛失", division=organisation["own"],
                                  learned_on=date(2025, 2, 17), summary="記録票を紛失した。", individuals=1)
    other = Incident.objects.create(title="北沢の郵便誤送付", division=organisation["other"],
                                    learned_on=date(2025, 2, 17), summary="誤送付した。", individuals=1)

    browser_login(page, "staff1")
    page.goto("/incidents/")
    assert page.get_by_role("link", name=own.title).is_visible()
    assert page.get_by_text(other.title).count() == 0
    response = page.goto(other.get_absolute_url())
    assert response.status == 404
    page.goto("/")
    page.get_by_role("button", name="ログアウト").click()
    page.wait_for_url("**/login/")

    browser_login(page, "privacy")
    page.goto("/incidents/")
    assert page.get_by_role("link", name=other.title).is_visible()
    page.get_by_role("link", name="監査ログ").click()
    page.get_by_label("操作").select_option(label="アクセス拒否")
    page.get_by_role("button", name="絞り込む").click()
    row = page.locator("table.audit tbody tr").filter(has_text="staff1")
    assert row.count() == 1
    assert other.title in row.inner_text()
    assert other.get_absolute_url() in row.inner_text()
