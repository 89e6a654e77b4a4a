from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

from django.urls import reverse
from django.utils import timezone

from hogo.safety.deadlines import safety_deadlines as deadlines_for
from hogo.incidents.models import Incident
from hogo.safety.models import Destination, DestinationCheck, Send


def _destination(division, created_on=date(2024, 8, 6)):
    return Destination.objects.create(division=division, channel="fax", name="子ども家庭課", address="03-0000-0000",
                                      speed_dial="12", created_on=created_on)


def _send_data(checker, **extra):
    return {"sent_on": "2024-08-05", "channel": "fax", "destination": "", "recipient": "子ども・若者部子ども家庭課",
            "address": "03-0000-0000", "content": "世田谷区産前・産後訪問支援申請書", "method": "fax_cover",
            "checker": checker.pk if checker else "", **extra}


def test_it_records_a_fax_with_a_second_checker(client, staff, colleague):
    client.force_login(staff)
    destination = _destination(staff.division)
    response = client.post(reverse("safety:send_create"),
                           _send_data(colleague, destination=destination.pk, recipient="", address=""))
    assert response.status_code == 302
    send = Send.objects.get()
    assert (send.sender, send.checker, send.division) == (staff, colleague, staff.division)
    assert send.address == "03-0000-0000" and send.recipient == "子ども家庭課"


def test_it_refuses_a_send_without_a_second_person(client, staff, colleague):
    client.force_login(staff)
    assert client.post(reverse("safety:send_create"), _send_data(None)).status_code == 400
    response = client.post(reverse("safety:send_create"), _send_data(colleague, method="registered"))
    assert "送付の方法が送付手段に合っていません" in response.content.decode()
    # the sender cannot be picked as their own checker: the choice is not offered
    response = client.post(reverse("safety:send_create"), _send_data(staff))
    assert response.status_code == 400 and not Send.objects.exists()


def test_it_opens_an_incident_prefilled_from_a_misdirected_send(client, staff, colleague):
    client.force_login(staff)
    client.post(reverse("safety:send_create"), _send_data(colleague))
    send = Send.objects.get()
    client.post(reverse("safety:send_misdirection", args=[send.pk]),
                {"misdirected_on": "2024-08-05", "misdirection": "Ｂ社から誤送信の連絡があった。"})
    page = client.get(send.get_absolute_url()).content.decode()
    send.refresh_from_db()
    assert send.misdirected_on == date(2024, 8, 5)
    from hogo.safety.views import incident_prefill_url
    url = incident_prefill_url(send)
    assert url.replace("&", "&amp;") in page
    params = parse_qs(urlparse(url).query)
    assert params["division"] == [str(staff.division_id)]
    assert params["occurred_on"] == ["2024-08-05"] and params["learned_on"] == ["2024-08-05"]
    assert params["document_name"] == ["世田谷区産前・産後訪問支援申請書"]
    assert params["discovered_how"] == ["Ｂ社から誤送信の連絡があった。"]
    form_page = client.get(url).content.decode()
    assert "世田谷区産前・産後訪問支援申請書" in form_page
    incident = Incident.objects.create(title="誤送信", division=staff.division, learned_on=date(2024, 8, 5),
                                       summary="x")
    response = client.post(reverse("safety:send_link_incident", args=[send.pk]), {"incident": incident.pk})
    assert response.status_code == 302
    send.refresh_from_db()
    assert send.incident == incident


def test_it_hides_another_divisions_sends(client, staff, colleague, other_staff):
    client.force_login(staff)
    client.post(reverse("safety:send_create"), _send_data(colleague))
    client.force_login(other_staff)
    assert client.get(Send.objects.get().get_absolute_url()).status_code == 404
    assert "子ども・若者部子ども家庭課" not in client.get(reverse("safety:sends")).content.decode()


def test_it_puts_an_overdue_verification_on_the_dashboard(client, staff):
    today = timezone.localdate()
    _destination(staff.division, created_on=today - timedelta(days=400))
    items = [item for item in deadlines_for(staff, today) if item.kind == "送付先の定期点検"]
    assert items and items[0].is_overdue(today)
    client.force_login(staff)
    client.post(reverse("safety:destination_check"), {"checked_on": today.isoformat(), "note": "短縮登録を一斉点検"})
    assert DestinationCheck.objects.get().checked_by == staff
    assert not [item for item in deadlines_for(staff, today) if item.kind == "送付先の定期点検"]


def test_it_summarises_sends_by_month_as_xlsx(client, staff, colleague):
    client.force_login(staff)
    client.post(reverse("safety:send_create"), _send_data(colleague))
    response = client.get(reverse("safety:send_summary") + "?year=2024")
    assert "2024年8月" in response.content.decode()
    response = client.get(reverse("safety:send_summary") + "?year=2024&format=xlsx")
    assert response.status_code == 200
    from io import BytesIO

    from openpyxl import load_workbook
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][0] == "2024年8月" and rows[2][1] == 1


def test_it_shows_the_send_on_the_incident_page_only_when_linked(client, staff, colleague):
    client.force_login(staff)
    client.post(reverse("safety:send_create"), _send_data(colleague))
    send = Send.objects.get()
    incident = Incident.objects.create(title="誤送信", division=staff.division, learned_on=date(2024, 8, 5), summary="x")
    assert "安全管理の記録" not in client.get(incident.get_absolute_url()).content.decode()
    send.incident = incident
    send.save()
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "安全管理の記録" in page and send.get_absolute_url() in page
