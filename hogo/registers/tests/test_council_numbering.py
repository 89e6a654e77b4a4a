"""Issuing the same council report twice (a double click) keeps one 報告第N号 (issue #19)."""

from datetime import date

from django.urls import reverse

from hogo.core.models import CouncilReport
from hogo.registers.models import IssuedReport


def test_it_answers_a_repeated_issue_with_the_first_number(client, privacy):
    CouncilReport.objects.create(number=358, title="前の報告", reported_on=date(2023, 7, 1))
    client.force_login(privacy)
    form = {"kind": "reviews_as_of", "date_to": "2023-04-01", "reported_on": "2023-08-18"}
    client.post(reverse("registers:issue_report", args=["reviews"]), form)
    response = client.post(reverse("registers:issue_report", args=["reviews"]), form, follow=True)
    assert response.status_code == 200
    assert "すでに報告第359号" in response.content.decode()
    assert IssuedReport.objects.count() == 1
    assert list(CouncilReport.objects.values_list("number", flat=True)) == [359, 358]
