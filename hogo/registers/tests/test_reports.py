"""The seeds' council tables, rebuilt from individual records and read back from the generated files."""

import io
from datetime import date

import pytest
from docx import Document

from hogo.registers import documents, reports
from hogo.registers.tests.conftest import sheet_rows, table_after

# 報告第359号 1 審査件数 (the oracle, cell by cell).
SEED_359 = {
    "外部委託の審査基準": [("区長", 766, 305, 115), ("教育委員会", 29, 4, 0), ("選挙管理委員会", 4, 0, 0),
                   ("監査委員", 0, 0, 0), ("農業委員会", 0, 0, 0), ("合計", 799, 309, 115)],
    "目的外利用の審査基準": [("区長", 7, 0, 0), ("教育委員会", 1, 0, 0), ("選挙管理委員会", 0, 0, 0),
                    ("監査委員", 0, 0, 0), ("農業委員会", 0, 0, 0), ("合計", 8, 0, 0)],
    "外部提供の審査基準": [("区長", 129, 49, 50), ("教育委員会", 4, 3, 1), ("選挙管理委員会", 4, 0, 0),
                   ("監査委員", 0, 0, 0), ("農業委員会", 0, 0, 0), ("合計", 137, 52, 51)],
    "オンライン結合・システム導入における審査基準": [("区長", 160, 49, 34), ("教育委員会", 13, 4, 3), ("選挙管理委員会", 0, 0, 0),
                                ("監査委員", 0, 0, 0), ("農業委員会", 0, 0, 0), ("合計", 173, 53, 37)],
}
# 報告第362号 (reviews decided 2023-04-02 – 2023-08-31).
SEED_362_TOTALS = {"外部委託の審査基準": (35, 4, 4), "目的外利用の審査基準": (3, 1, 1),
                   "外部提供の審査基準": (17, 2, 2), "オンライン結合・システム導入における審査基準": (11, 3, 3)}


@pytest.fixture
def report_359(setagaya):
    return reports.review_report(as_of=date(2023, 4, 1), number=359, reported_on=date(2023, 8, 18))


def test_it_rebuilds_the_359_count_tables_cell_by_cell_in_the_xlsx(report_359):
    rows = sheet_rows(documents.review_report_xlsx(report_359), "審査件数")
    assert rows[0][0] == "報告第359号"
    for title, expected in SEED_359.items():
        assert table_after(rows, title, 4) == expected, title


def test_it_lists_the_359_cases_in_the_seeds_order_with_its_numbers(report_359):
    data = documents.review_report_xlsx(report_359)
    outsourcing = sheet_rows(data, "外部委託")
    assert outsourcing[1][:6] == ["No", "委託の内容", "担当部課", "実施機関", "要配慮個人情報(有/無)", "条例要配慮個人情報(有/無)"]
    lines = outsourcing[2:]
    assert len(lines) == 319
    assert lines[0][:6] == [1, "避難行動要支援者の支援", "世田谷総合支所地域振興課", "区長", "有", "無"]
    # The seed's 「D X 推進担当部 D X 推進担当課」 is the organisation's DX推進担当部DX推進担当課.
    assert lines[46][0] == 47 and lines[46][2] == "DX推進担当部DX推進担当課" and lines[46][4:6] == ["無", "有"]
    assert lines[318][:4] == [319, "教職員人事情報システム運用サポート委託", "教育委員会事務局教育指導課", "教育委員会"]
    provision = sheet_rows(data, "外部提供")[2:]
    assert len(provision) == 58
    assert provision[17][:4] == [18, "市区町村の国民健康保険課等、他の行政機関、独立行政法人等",
                                 "国民健康保険法第113条の2第1項等に基づく調査・照会に対して提供するため", "第69条第2項第3号"]
    online = sheet_rows(data, "オンライン結合・システム導入")[2:]
    assert [line[0] for line in online] == list(range(1, 58))
    assert online[15][1] == "オンライン結合・システム導入" and online[16][1] == "システム導入"
    assert sheet_rows(data, "目的外利用")[2:] == []


def test_it_writes_the_359_report_as_docx(report_359):
    document = Document(io.BytesIO(documents.review_report_docx(report_359)))
    assert "報告第359号" in document.paragraphs[0].text
    first = document.tables[0]
    assert [cell.text for cell in first.rows[1].cells] == ["区長", "766", "305", "115"]
    assert [cell.text for cell in first.rows[-1].cells] == ["合計", "799", "309", "115"]
    assert len(document.tables[4].rows) == 1 + 319


def test_it_rebuilds_the_362_period_report_with_ordinance_contents(setagaya):
    report = reports.review_report(date_from=date(2023, 4, 2), date_to=date(2023, 8, 31))
    data = documents.review_report_xlsx(report)
    rows = sheet_rows(data, "審査件数")
    for title, total in SEED_362_TOTALS.items():
        assert table_after(rows, title, 4)[-1] == ("合計",) + total
    assert table_after(rows, "外部委託の審査基準", 4)[0] == ("区長", 31, 4, 4)
    outsourcing = sheet_rows(data, "外部委託")
    assert outsourcing[1][-1] == "条例要配慮個人情報の内容"
    assert outsourcing[2][-1] == "国籍\nドメスティック・バイオレンス"
    internal = sheet_rows(data, "目的外利用")
    assert internal[2][2:6] == ["第69条第1項", "区長", "保健福祉政策部保健福祉政策課", "保健福祉政策部保健福祉政策課"]


# Yachiyo (seed 004).
SEED_ACTIVITIES = [("市長", 477, 439), ("教育委員会", 101, 80), ("選挙管理委員会", 10, 10), ("監査委員", 1, 1),
                   ("農業委員会", 1, 1), ("固定資産評価審査委員会", 1, 1), ("消防長", 35, 36), ("事業管理者", 31, 28),
                   ("計", 657, 596)]
SEED_FILES = [("市長", 126, 118), ("教育委員会", 0, 0), ("選挙管理委員会", 0, 0), ("監査委員", 0, 0), ("農業委員会", 1, 1),
              ("固定資産評価審査委員会", 0, 0), ("消防長", 0, 0), ("事業管理者", 0, 0), ("計", 127, 119)]
SEED_INTERNAL = [("市長", 184, 676, 0, 56, 916), ("教育委員会", 0, 4, 0, 0, 4)] + [
    (name, 0, 0, 0, 0, 0) for name in ("選挙管理委員会", "監査委員", "農業委員会", "固定資産評価審査委員会", "消防長", "事業管理者")
] + [("計", 184, 680, 0, 56, 920)]
SEED_PROVISION = [("市長", 12, 29, 0, 13, 54), ("教育委員会", 0, 2, 0, 0, 2), ("選挙管理委員会", 0, 0, 0, 0, 0),
                  ("監査委員", 0, 0, 0, 0, 0), ("農業委員会", 0, 5, 0, 1, 6), ("固定資産評価審査委員会", 0, 0, 0, 0, 0),
                  ("消防長", 0, 3, 2, 0, 5), ("事業管理者", 0, 2, 0, 0, 2), ("計", 12, 41, 2, 14, 69)]


def test_it_rebuilds_yachiyos_register_and_art69_tables_in_the_xlsx(yachiyo):
    report = reports.register_report(2023, 2024, 2024)
    rows = sheet_rows(documents.register_report_xlsx(report))
    assert rows[rows.index(next(r for r in rows if r[0] == "個人情報取扱事務登録簿")) + 1][:3] == \
        ["市の機関", "令和5年度末", "令和6年度末"]
    assert table_after(rows, "個人情報取扱事務登録簿", 3) == SEED_ACTIVITIES
    assert table_after(rows, "個人情報ファイル簿", 3) == SEED_FILES
    assert table_after(rows, "個人情報の目的外利用", 6) == SEED_INTERNAL
    assert table_after(rows, "個人情報の外部提供", 6) == SEED_PROVISION
    notes = [row[0] for row in rows if row[0] and str(row[0]).startswith("※")]
    assert notes == ["※ 改正法施行時点の総件数は 662 件", "※ 改正法施行時点の総件数は 124 件"]


def test_it_writes_the_yachiyo_report_as_docx(yachiyo):
    document = Document(io.BytesIO(documents.register_report_docx(reports.register_report(2023, 2024, 2024))))
    assert [cell.text for cell in document.tables[0].rows[-1].cells] == ["計", "657", "596"]
    assert [cell.text for cell in document.tables[3].rows[-1].cells] == ["計", "12", "41", "2", "14", "69"]
