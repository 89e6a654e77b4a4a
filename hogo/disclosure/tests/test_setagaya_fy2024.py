"""The demo's Setagaya FY2024 records print 報告第376号 and 第377号 (seed 000) as the seed prints them."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from hogo.core.models import User
from hogo.disclosure.models import Request

# The oracle: seed 000 lines 1198–1240 (報告第376号) and 1297–1370 (報告第377号), typed as printed,
# full-width digits, columns: 請求件数 全部開示 一部(部分)開示 [小計] 非(不)開示 不存在 存否応答拒否等 取下げ 拒否
# ３０日までの延長 ３０日を超える延長 (the lost header: docs/disclosure.md, assumption 5).
SEED_376 = """
区長 ４２６ １６７ １８９ ４０ ６ ２９ ５ ３０ ０ ４０ ５
教育委員会 ３４ ５ １６ ９ ３ ５ １ ４ ０ ５ ０
選挙管理委員会 ３ １ １ ０ ０ ０ ０ １ ０ ０ ０
監査委員 ３ ０ １ ２ ０ １ １ ０ ０ １ ０
農業委員会 ０ ０ ０ ０ ０ ０ ０ ０ ０ ０ ０
議会 ３ １ ２ ０ ０ ０ ０ ０ ０ １ ０
合計 ４６９ １７４ ２０９ ５１ ９ ３５ ７ ３５ ０ ４７ ５
"""
SEED_376_APPEALS = "１０ ０ ７ ２ １ ０"
SEED_377 = """
区長 ２７１ ２８ １６５ ６８ ５７ １０ １ ７ ３ ３５ １
教育委員会 １７ ９ ６ ２ ０ ０ ２ ０ ０ ４ ０
選挙管理委員会 ０ ０ ０ ０ ０ ０ ０ ０ ０ ０ ０
監査委員 ０ ０ ０ ０ ０ ０ ０ ０ ０ ０ ０
農業委員会 ０ ０ ０ ０ ０ ０ ０ ０ ０ ０ ０
合計 ２８８ ３７ １７１ ７０ ５７ １０ ３ ７ ３ ３９ １
"""
SEED_377_CORRECTION = """
区長 １ ０ １ ０ ０ ０ ０
教育委員会 ０ ０ ０ ０ ０ ０ ０
選挙管理委員会 ０ ０ ０ ０ ０ ０ ０
監査委員 ０ ０ ０ ０ ０ ０ ０
農業委員会 ０ ０ ０ ０ ０ ０ ０
合計 １ ０ １ ０ ０ ０ ０
"""
SEED_377_SUSPENSION = """
区長 ０ ０ ０ ０ ０ ０ ０
教育委員会 ０ ０ ０ ０ ０ ０ ０
選挙管理委員会 ０ ０ ０ ０ ０ ０ ０
監査委員 ０ ０ ０ ０ ０ ０ ０
農業委員会 ０ ０ ０ ０ ０ ０ ０
合計 ０ ０ ０ ０ ０ ０ ０
"""
SEED_377_APPEALS = "５ ０ ５ ０ ０ ０"


def _lines(text):
    return [line.split() for line in text.strip().splitlines()]


@pytest.fixture
def council_client(client, db):
    """The whole Setagaya demo (some 760 requests) and a council viewer, who may read statistics."""
    call_command("demo", "--no-migrate", stdout=io.StringIO())
    client.force_login(User.objects.get(username="council"))
    return client


def _printed(client, report):
    """Every table of the statistics page as printed: [label, cell, cell, …] per body row."""
    response = client.get(reverse("disclosure:statistics"), {"year": 2024, "report": report})
    assert response.status_code == 200
    return [[[label or "", *cells] for label, cells, _ in rows] for _, _, rows in response.context["tables"]]


def test_the_demo_prints_reports_376_and_377_cell_by_cell_from_its_records(council_client):
    information, information_appeals = _printed(council_client, "setagaya_information")
    assert information == _lines(SEED_376)
    assert information_appeals == [["", *SEED_376_APPEALS.split()]]
    disclosure, correction, suspension, appeals = _printed(council_client, "setagaya_appi")
    assert disclosure == _lines(SEED_377)
    assert correction == _lines(SEED_377_CORRECTION)
    assert suspension == _lines(SEED_377_SUSPENSION)
    assert appeals == [["", *SEED_377_APPEALS.split()]]
    # Counted from records: one request per result, the 議会's three among the 行政情報 requests.
    fy2024 = Request.objects.filter(note__startswith="デモデータ SG24")
    assert fy2024.count() == 469 + 288 + 1
    assert fy2024.filter(agency__name="議会", kind="information").count() == 3
    assert not fy2024.annotate(n=Count("decisions")).exclude(n=1).exists()
