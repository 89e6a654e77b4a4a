"""Two people editing one incident: the second is told, and nothing is silently undone."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.core.tests.forms import posted_data
from hogo.incidents.models import Incident, PersonalInfoItem


@pytest.fixture
def incident(organisation):
    incident = Incident.objects.create(title="名簿の紛失", division=organisation["own"], learned_on=date(2025, 2, 17),
                                       summary="名簿を紛失した。", individuals=90)
    PersonalInfoItem.objects.create(incident=incident, name="氏名", order=1)
    return incident


def test_it_refuses_the_second_save_and_keeps_the_first(client, incident, staff, privacy):
    url = reverse("incidents:edit", args=[incident.pk])
    client.force_login(staff)
    first = posted_data(client.get(url))
    client.force_login(privacy)
    second = posted_data(client.get(url))
    items = {"items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "1", "items-MIN_NUM_FORMS": "0",
             "items-MAX_NUM_FORMS": "1000", "items-0-id": str(incident.items.get().pk),
             "items-0-incident": str(incident.pk), "items-0-name": "氏名", "items-0-sensitivity": "ordinary"}

    client.force_login(staff)
    assert client.post(url, {**first, **items, "individuals": "120"}).status_code == 302
    client.force_login(privacy)
    response = client.post(url, {**second, **items, "cause": "持ち出し時の確認漏れ"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "他の利用者が先に更新しました" in page and "あなたの入力" in page and "現在の登録内容" in page
    assert "120" in page and "持ち出し時の確認漏れ" in page
    incident.refresh_from_db()
    assert incident.individuals == 120 and incident.cause == ""
    assert incident.ppc_required  # the first save's decision stands


@pytest.mark.browser
def test_it_shows_the_second_browser_both_versions(browser, live_server, browser_login, incident, staff, privacy):
    pages = []
    for username in ("staff1", "privacy"):
        context = browser.new_context(base_url=live_server.url, locale="ja-JP")
        page = context.new_page()
        page.set_default_timeout(15_000)
        browser_login(page, username)
        page.goto(reverse("incidents:edit", args=[incident.pk]))
        pages.append(page)
    first, second = pages

    first.get_by_label("本人の数", exact=True).fill("120")
    first.get_by_role("button", name="保存").click()
    first.wait_for_url(f"**{incident.get_absolute_url()}")
    second.get_by_label("発生原因", exact=True).fill("持ち出し時の確認漏れ")
    second.get_by_role("button", name="保存").click()

    conflict = second.get_by_role("alert")
    assert "他の利用者が先に更新しました" in conflict.inner_text()
    assert "120" in conflict.inner_text() and "持ち出し時の確認漏れ" in conflict.inner_text()
    assert second.get_by_label("発生原因", exact=True).input_value() == "持ち出し時の確認漏れ"  # the input is still there
    incident.refresh_from_db()
    assert incident.individuals == 120 and incident.cause == ""
    for page in pages:
        page.context.close()
