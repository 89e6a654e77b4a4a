"""Yachiyo 議題4 (seed 004): the list of cases reported to the PPC, as the seed prints it."""

import io

import pytest
from django.urls import reverse

from hogo.core import demo as core_demo
from hogo.core.models import User
from hogo.incidents import demo
from hogo.incidents.documents import docx_text, fiscal_year_blocks
from hogo.incidents.models import Incident

# Seed 004 lines 2008–2020: 「№ 発生部署 事案の件名」, in this order.
SEED_LIST = [
    ("1", "健康づくり課", "健診記録票の紛失"),
    ("2", "健康づくり課", "予診票の紛失"),
    ("3", "障害者支援課", "郵送物の誤送付による個人情報の漏えい"),
    ("4", "上水道課・給排水相談課", "委託先のネットワークへの不正アクセス"),
    ("5", "子ども相談センター", "郵送物盗難のおそれ"),
    ("6", "学務課", "委託先のシステム管理を行っている会社への不正アクセス"),
]


@pytest.fixture
def yachiyo(db):
    profile = core_demo.PROFILES["yachiyo"]
    core_demo.load(profile, io.StringIO())
    demo.load(profile, io.StringIO())
    return User.objects.get(username="privacy")


def test_it_lists_the_cases_in_the_seeds_order(yachiyo):
    # The records' learned_on order puts 障害者支援課 (3/5) before the second 健康づくり課 case (5/8);
    # the seed groups each 発生部署's cases together.
    incidents = list(Incident.objects.order_by("learned_on", "pk"))
    table = next(block for block in fiscal_year_blocks(incidents, 2023, 2024) if block.kind == "table")
    assert [tuple(row[:3]) for row in table.rows[1:]] == SEED_LIST


def test_it_titles_the_list_with_cases_that_occurred_as_the_seed(client, yachiyo):
    # Seed 004 line 2006: 「令和５，６年度に発生した事案一覧（…報告分）」.
    client.force_login(yachiyo)
    response = client.get(reverse("incidents:fiscal_year") + "?first=2023&last=2024&format=docx")
    text = docx_text(response.content)
    assert "令和5，6年度に発生した事案一覧（個人情報保護委員会報告分）" in text
    assert "判明した事案一覧" not in text
