"""報告第359号 and 第362号 in the seeds' own wording: introductions, scope line, headings, column order."""

import io
from datetime import date

from docx import Document

from hogo.registers import documents, reports
from hogo.registers.tests.conftest import sheet_rows

# Seed 001, lines 13 and 15 (報告第359号), as printed.
SEED_359_INTRO = (
    "令和5年4月1日時点で実施している個人情報を取り扱う業務（外部委託、目的外利用、外部提供、オンライン結合及び"
    "システム導入）について、世田谷区個人情報保護管理基準に基づき、各所管課において審査基準による審査を実施した。",
    "当該業務のうち、要配慮個人情報又は条例要配慮個人情報を含む案件について、世田谷区個人情報保護条例第4条第2項"
    "第1号及び世田谷区個人情報の保護に関する規則第4条の規定に基づき、下記のとおり報告する。",
)
# Seed 002, lines 761–775 (報告第362号), lines joined; the seed prints full-width digits.
SEED_362_INTRO = (
    "区の各実施機関（区長、教育委員会、選挙管理委員会、監査委員及び農業委員会）が個人情報を取り扱う業務（外部委託、"
    "目的外利用、外部提供、オンライン結合及びシステム導入）を実施する際には、世田谷区個人情報保護管理基準に基づき、"
    "各所管課において審査基準による審査を実施することとしている。",
    "令和５年４月２日から同年８月３１日までの期間に審査が行われた業務のうち、要配慮個人情報又は条例要配慮個人情報を"
    "取り扱う案件について、世田谷区個人情報保護条例第４条第２項第１号及び世田谷区個人情報の保護に関する規則第４条の"
    "規定に基づき、下記のとおり報告する。",
)
# Seed 002, line 749: 「（令和５年４月２日から同年８月３１日までの審査分）」.
SEED_362_SCOPE = "令和５年４月２日から同年８月３１日までの審査分"

DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _width(text):
    """Full-width digits as the seed prints them → the half-width Hogo writes (digits only)."""
    return text.translate(DIGITS)


def test_it_writes_the_359_introduction_as_the_seed(setagaya):
    report = reports.review_report(as_of=date(2023, 4, 1), number=359, reported_on=date(2023, 8, 18))
    assert report.intro_paragraphs == SEED_359_INTRO
    # Seed 001 line 59: 「2 要配慮個人情報又は条例要配慮個人情報を含む案件（一覧）」.
    assert report.list_section_title == "2 要配慮個人情報又は条例要配慮個人情報を含む案件（一覧）"
    document = Document(io.BytesIO(documents.review_report_docx(report)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert SEED_359_INTRO[0] in texts and SEED_359_INTRO[1] in texts


def test_it_writes_the_362_introduction_and_scope_as_the_seed(setagaya):
    report = reports.review_report(date_from=date(2023, 4, 2), date_to=date(2023, 8, 31), number=362)
    assert report.intro_paragraphs == tuple(_width(paragraph) for paragraph in SEED_362_INTRO)
    assert report.scope == _width(SEED_362_SCOPE)
    document = Document(io.BytesIO(documents.review_report_docx(report)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert f"（{_width(SEED_362_SCOPE)}）" in texts
    assert "2 要配慮個人情報又は条例要配慮個人情報を取り扱う案件（一覧）" in texts


def test_it_prints_the_362_count_headings_as_the_seed(setagaya):
    # Seed 002 lines 800–806: 「審査件数のうち、要配慮個人情報を取り扱うもの」 (359 prints 「うち、…」).
    report = reports.review_report(date_from=date(2023, 4, 2), date_to=date(2023, 8, 31))
    rows = sheet_rows(documents.review_report_xlsx(report), "審査件数")
    headings = next(row for row in rows if row[0] == "実施機関")
    assert headings[:4] == ["実施機関", "審査件数", "審査件数のうち、要配慮個人情報を取り扱うもの",
                            "審査件数のうち、条例要配慮個人情報を取り扱うもの"]


def test_it_prints_the_362_lists_with_the_agency_before_the_division(setagaya):
    # Seed 002, 報告資料No.2-2: 「No 委託の内容 実施機関 担当部課 …」, first line 区長 / 保健福祉政策部保健福祉政策課;
    # No.2-4: 「No 提供先 提供先での利用目的 該当条項 実施機関 担当部課」; No.2-5: 「… の内容 実施機関 担当部課」.
    report = reports.review_report(date_from=date(2023, 4, 2), date_to=date(2023, 8, 31))
    data = documents.review_report_xlsx(report)
    outsourcing = sheet_rows(data, "外部委託")
    assert outsourcing[1][:4] == ["No", "委託の内容", "実施機関", "担当部課"]
    assert outsourcing[2][2:4] == ["区長", "保健福祉政策部保健福祉政策課"]
    assert sheet_rows(data, "外部提供")[1][:6] == ["No", "提供先", "提供先での利用目的", "該当条項", "実施機関", "担当部課"]
    assert sheet_rows(data, "オンライン結合・システム導入")[1][3:5] == ["実施機関", "担当部課"]
    # Seed 002 No.2-3 names the 目的外利用 contents column 「条例要配慮個人情報の内訳」.
    assert sheet_rows(data, "目的外利用")[1][-1] == "条例要配慮個人情報の内訳"


def test_it_keeps_the_359_lists_with_the_division_before_the_agency(setagaya):
    # Seed 001 line 65: 「No 委託の内容 担当部課 実施機関 …」.
    report = reports.review_report(as_of=date(2023, 4, 1))
    assert report.list_headings("outsourcing")[:4] == ("No", "委託の内容", "担当部課", "実施機関")


def test_it_names_the_same_year_once_in_a_period():
    # Seed 002: 「令和５年４月２日から同年８月３１日まで」; across years both are named.
    assert reports.period_text(date(2023, 4, 2), date(2023, 8, 31)) == "令和5年4月2日から同年8月31日まで"
    assert reports.period_text(date(2023, 12, 1), date(2024, 1, 31)) == "令和5年12月1日から令和6年1月31日まで"


def test_it_leaves_the_council_out_of_the_review_tables(setagaya):
    # 法第2条第11項第2号 excludes the 議会 from 行政機関等; seed 001's tables list five agencies, no 議会,
    # though the demo's 議会 is an 実施機関 of the information ordinance (報告第376号).
    from hogo.core.models import Agency
    from hogo.disclosure.models import RequestSettings

    parliament = Agency.objects.create(name="議会", order=6)
    RequestSettings.current().information_only_agencies.add(parliament)
    report = reports.review_report(as_of=date(2023, 4, 1))
    assert report.agencies == ["区長", "教育委員会", "選挙管理委員会", "監査委員", "農業委員会"]
