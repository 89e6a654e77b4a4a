"""Two people editing one register entry or review: the second is told, and nothing is silently undone."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.core.tests.forms import posted_data
from hogo.registers.models import PersonalInfoFile, Review


@pytest.fixture
def health_file(organisation):
    return PersonalInfoFile.objects.create(
        division=organisation["own"], name="乳幼児健康診査ファイル", purpose="乳幼児健康診査の実施",
        record_items="氏名、生年月日", record_scope="区内の乳幼児", collection_method="保護者から",
        request_office="区政情報課", registered_on=date(2024, 4, 1))


def test_it_refuses_the_second_save_of_a_file_and_shows_both_versions(client, health_file, staff, privacy):
    url = reverse("registers:file_edit", args=[health_file.pk])
    client.force_login(staff)
    first = posted_data(client.get(url))
    client.force_login(privacy)
    second = posted_data(client.get(url))

    client.force_login(staff)
    assert client.post(url, {**first, "purpose": "乳幼児健康診査と保健指導"}).status_code == 302
    client.force_login(privacy)
    response = client.post(url, {**second, "record_items": "氏名、生年月日、住所"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "他の利用者が先に更新しました" in page and "あなたの入力" in page and "現在の登録内容" in page
    assert "乳幼児健康診査と保健指導" in page and "氏名、生年月日、住所" in page
    health_file.refresh_from_db()
    assert health_file.purpose == "乳幼児健康診査と保健指導"
    assert health_file.record_items == "氏名、生年月日"


def test_it_refuses_the_second_save_of_a_review(client, organisation, staff):
    review = Review.objects.create(criterion="outsourcing", division=organisation["own"], content="健診の委託",
                                   contractor="株式会社サンプル")
    url = reverse("registers:review_edit", args=[review.pk])
    client.force_login(staff)
    first = posted_data(client.get(url))
    second = dict(first)
    assert client.post(url, {**first, "contractor": "株式会社みほん"}).status_code == 302
    response = client.post(url, {**second, "content": "健診と保健指導の委託"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "株式会社みほん" in page and "健診と保健指導の委託" in page
    review.refresh_from_db()
    assert review.contractor == "株式会社みほん" and review.content == "健診の委託"
