"""The incident list's ?year= never answers 500 (issue #19)."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.incidents.models import Incident


@pytest.mark.parametrize("year", ["0", "9999", "99999999999999999999", "１９８８", "-1", "abc"])
def test_it_ignores_a_year_it_cannot_compute_with_and_says_so(client, staff, organisation, year):
    Incident.objects.create(title="名簿の紛失", division=organisation["own"], learned_on=date(2025, 2, 17),
                            summary="名簿を紛失した。", individuals=90)
    client.force_login(staff)
    response = client.get(reverse("incidents:list"), {"year": year})
    page = response.content.decode()
    assert response.status_code == 200
    assert "名簿の紛失" in page
    assert "年度は1989〜2099年度の西暦" in page


def test_it_filters_by_a_fiscal_year_in_range(client, staff, organisation):
    Incident.objects.create(title="名簿の紛失", division=organisation["own"], learned_on=date(2025, 2, 17),
                            summary="名簿を紛失した。", individuals=90)
    client.force_login(staff)
    assert "名簿の紛失" in client.get(reverse("incidents:list"), {"year": "2024"}).content.decode()
    page = client.get(reverse("incidents:list"), {"year": "2025"}).content.decode()
    assert "名簿の紛失" not in page and "年度は" not in page
