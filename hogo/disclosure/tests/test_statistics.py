"""The annual tables, rebuilt from individual requests and decisions and compared with the seeds cell by cell."""

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from hogo.audit.models import AuditEntry
from hogo.disclosure import statistics as st

AGENCIES = ["市長", "教育委員会", "選挙管理委員会", "監査委員", "農業委員会", "固定資産評価審査委員会", "消防長", "事業管理者"]
EMPTY = [None] * 9

# Seed 004 (八千代市 資料1 §2). Blank cells are None, as the seed leaves them empty.
FY2023 = [
    ["市長", 12, 18, 1, 37, 10, None, 1, 8, 56],
    ["教育委員会", 4, 5, 1, 1, 4, None, None, None, 5],
    ["選挙管理委員会", *EMPTY], ["監査委員", *EMPTY], ["農業委員会", *EMPTY], ["固定資産評価審査委員会", *EMPTY],
    ["消防長", 3, 3, None, 2, 1, None, None, None, 3],
    ["事業管理者", *EMPTY],
    ["計", 19, 26, 2, 40, 15, 0, 1, 8, 64],
]
FY2024 = [
    ["市長", 12, 17, 2, 10, 4, 2, None, 2, 18],
    ["教育委員会", 2, 2, 1, 1, None, None, None, None, 1],
    ["選挙管理委員会", *EMPTY], ["監査委員", *EMPTY], ["農業委員会", *EMPTY], ["固定資産評価審査委員会", *EMPTY],
    ["消防長", 4, 4, None, 5, 2, None, None, None, 7],
    ["事業管理者", *EMPTY],
    ["計", 18, 23, 3, 16, 6, 2, 0, 2, 26],
]
GROUNDS_FY2023 = [
    ["第1号　開示請求者に関する情報", None, None, None, None],
    ["第2号　第三者の個人に関する情報", 9, None, 1, 10],
    ["第3号　法人等に関する情報", 1, None, None, 1],
    ["第4号　国の安全等に関する情報", None, None, None, None],
    ["第5号　公共の安全等に関する情報", None, None, None, None],
    ["第6号　審議，検討等に関する情報", None, None, None, None],
    ["第7号　事務又は事業に関する情報", 7, None, None, 7],
    ["計", 17, None, 1, 18],
]
GROUNDS_FY2024 = [
    ["第1号　開示請求者に関する情報", None, None, None, None],
    ["第2号　第三者の個人に関する情報", 5, None, None, 5],
    ["第3号　法人等に関する情報", 2, None, None, 2],
    ["第4号　国の安全等に関する情報", None, None, None, None],
    ["第5号　公共の安全等に関する情報", None, None, None, None],
    ["第6号　審議，検討等に関する情報", None, None, None, None],
    ["第7号　事務又は事業に関する情報", 1, 2, None, 3],
    ["計", 8, 2, None, 10],
]


def _download(client, user, year, report="yachiyo", output="xlsx"):
    client.force_login(user)
    response = client.get("/requests/statistics/", {"year": year, "report": report, "format": output})
    assert response.status_code == 200
    return response


def _body(sheet, first_row, width):
    rows = []
    for row in sheet.iter_rows(min_row=first_row, max_col=width, values_only=True):
        if row[0] is None:
            break
        rows.append(list(row))
    return rows


@pytest.mark.parametrize("year, expected_table, expected_grounds", [
    (2023, FY2023, GROUNDS_FY2023),
    (2024, FY2024, GROUNDS_FY2024),
])
def test_it_rebuilds_the_yachiyo_tables_cell_by_cell_from_the_xlsx(client, yachiyo, year, expected_table,
                                                                   expected_grounds):
    workbook = load_workbook(io.BytesIO(_download(client, yachiyo, year).content))
    table, grounds = workbook["表1"], workbook["表2"]
    era = "令和5年度" if year == 2023 else "令和6年度"
    assert table["A1"].value == f"① 保有個人情報開示請求（{era}）"
    # Header: 市の機関 | 実人数 | 請求件数 | 処理状況 (merged over seven columns) with its seven headings below.
    assert [table.cell(3, c).value for c in range(1, 5)] == ["市の機関", "実人数", "請求件数", "処理状況"]
    assert [table.cell(4, c).value for c in range(4, 11)] == [
        "取下げ", "全部開示", "部分開示", "不開示", "不開示（存否応答拒否）", "不開示（不存在）", "開示決定件数（取下げを除く）"]
    assert _body(table, 5, 10) == expected_table
    assert grounds["A1"].value == f"② 部分開示決定等における不開示事由（{era}）"
    assert [grounds.cell(3, c).value for c in range(1, 6)] == [
        "含まれる不開示情報（個人情報保護法第78条該当号）", "部分開示", "不開示", "不開示（存否応答拒否）", "計"]
    assert _body(grounds, 4, 5) == expected_grounds


def test_it_logs_the_export_and_offers_a_docx(client, yachiyo):
    response = _download(client, yachiyo, 2023, output="docx")
    document = Document(io.BytesIO(response.content))
    first = document.tables[0]
    total = [cell.text for cell in first.rows[-1].cells]
    assert total == ["計", "19", "26", "2", "40", "15", "0", "1", "8", "64"]
    assert [cell.text for cell in first.rows[4].cells][1:] == [""] * 9      # 選挙管理委員会: all blank
    assert AuditEntry.objects.filter(action="export", record_type="disclosure.statistics").exists()


def test_it_shows_the_tables_on_screen_to_council_viewers(client, yachiyo, django_user_model):
    client.force_login(django_user_model.objects.create(username="member", role="council_viewer"))
    response = client.get("/requests/statistics/", {"year": 2023, "report": "yachiyo"})
    assert response.status_code == 200
    assert "令和5年度" in response.content.decode()


def test_it_refuses_a_bad_year_with_a_message(client, yachiyo):
    client.force_login(yachiyo)
    response = client.get("/requests/statistics/", {"year": "abc", "report": "yachiyo"})
    assert response.status_code == 400


def _setagaya_facts(rows, kind):
    """Fact rows for 報告第377号's layout test: one request per result (their sums agree, so each request had one)."""
    requests, decisions = [], []
    outcomes = [st.FULL, st.PARTIAL, st.REFUSED, st.NOT_HELD, st.NCND, st.WITHDRAWN, st.DISMISSED]
    for agency, counts, up_to_30, over_30 in rows:
        number = 0
        for outcome, count in zip(outcomes, counts):
            for _ in range(count):
                extension = st.UP_TO_30 if number < up_to_30 else st.OVER_30 if number < up_to_30 + over_30 else ""
                requests.append(st.RequestFact(agency, kind, f"{agency}-{number}", extension))
                decisions.append(st.DecisionFact(agency, kind, outcome))
                number += 1
    return st.Facts(tuple(requests), tuple(decisions))


def test_the_setagaya_layout_reproduces_report_377():
    # Per result counts: 全部, 部分, 不開示, 不存在, 存否応答拒否等, 取下げ, 拒否; then the extensions.
    facts = _setagaya_facts([
        ("区長", (28, 165, 57, 10, 1, 7, 3), 35, 1),
        ("教育委員会", (9, 6, 0, 0, 2, 0, 0), 4, 0),
    ], st.DISCLOSURE)
    agencies = ["区長", "教育委員会", "選挙管理委員会", "監査委員", "農業委員会"]
    table = st.build_table(st.SETAGAYA_DISCLOSURE, facts, agencies, "令和6年度")
    printed = {label: values for label, values, _ in table.display_rows()}
    assert printed["区長"] == ["２７１", "２８", "１６５", "６８", "５７", "１０", "１", "７", "３", "３５", "１"]
    assert printed["教育委員会"] == ["１７", "９", "６", "２", "０", "０", "２", "０", "０", "４", "０"]
    assert printed["選挙管理委員会"] == ["０"] * 11
    assert printed["合計"] == ["２８８", "３７", "１７１", "７０", "５７", "１０", "３", "７", "３", "３９", "１"]


def test_the_setagaya_information_layout_reproduces_report_376():
    facts = _setagaya_facts([
        ("区長", (167, 189, 6, 29, 5, 30, 0), 40, 5),
        ("教育委員会", (5, 16, 3, 5, 1, 4, 0), 5, 0),
        ("選挙管理委員会", (1, 1, 0, 0, 0, 1, 0), 0, 0),
        ("監査委員", (0, 1, 0, 1, 1, 0, 0), 1, 0),
        ("議会", (1, 2, 0, 0, 0, 0, 0), 1, 0),
    ], st.INFORMATION)
    agencies = ["区長", "教育委員会", "選挙管理委員会", "監査委員", "農業委員会", "議会"]
    table = st.build_table(st.SETAGAYA_INFORMATION, facts, agencies, "令和6年度")
    total = table.rows[-1]
    assert total.label == "合計"
    assert total.values == [469, 174, 209, 51, 9, 35, 7, 35, 0, 47, 5]


def test_the_appeals_table_counts_by_outcome():
    facts = st.Facts(appeals=tuple(st.AppealFact(st.DISCLOSURE, "pending") for _ in range(5))
                     + (st.AppealFact(st.INFORMATION, "withdrawn"),))
    table = st.build_table(st.SETAGAYA_APPI_APPEALS, facts, [], "令和6年度")
    assert [row.values for row in table.rows] == [[5, 0, 5, 0, 0, 0]]


def test_the_header_merges_groups_as_the_seed_prints_them():
    header = st.header_rows(st.SETAGAYA_DISCLOSURE)
    assert header[0][2] == ("処理状況", 8, 1)
    assert header[0][3] == ("決定期間の延長", 2, 1)
    assert header[1][2] == ("不開示", 4, 1)
    assert header[2] == [("小計", 1, 1), ("不開示", 1, 1), ("不存在", 1, 1), ("存否応答拒否等", 1, 1)]


def test_the_demo_loader_is_safe_to_run_twice(yachiyo):
    from hogo.disclosure.demo import load_yachiyo_requests
    from hogo.disclosure.models import Decision, Request

    before = (Request.objects.count(), Decision.objects.count())
    assert load_yachiyo_requests(yachiyo) == 0
    assert (Request.objects.count(), Decision.objects.count()) == before == (49, 95)
