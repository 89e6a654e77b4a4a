"""Each recogniser through analyze(labels=…): tables of positives and negatives."""

import pytest

from hogo.scanner import analyze


def found(text, label):
    return [text[f.start : f.end] for f in analyze(text, labels=[label])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("電話 03-1234-5678", ["03-1234-5678"]),
        ("電話 ０３－１２３４－５６７８", ["０３－１２３４－５６７８"]),
        ("携帯 090ー1234ー5678", ["090ー1234ー5678"]),
        ("TEL (03)3456-7890", ["(03)3456-7890"]),
        ("TEL 03(3456)7890", ["03(3456)7890"]),
        ("FAX：0312345678", ["0312345678"]),
        ("+81 90-1234-5678 まで", ["+81 90-1234-5678"]),
        ("03-1234-567", []),  # too few digits
        ("令和7年 2025-07-11", []),
        ("問合せ：区政情報課　電話03-5432-2043", []),  # office number
    ],
)
def test_it_finds_phone_numbers(text, expected):
    assert found(text, "PHONE") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("個人番号 1234 5678 9018", ["1234 5678 9018"]),
        ("マイナンバー：１２３４５６７８９０１８", ["１２３４５６７８９０１８"]),
        ("1234-5678-9018", ["1234-5678-9018"]),
        ("個人番号 1234 5678 9012", []),  # bad check digit
        ("注文番号 123456789012", []),
        ("12345678901812", []),  # longer number
    ],
)
def test_it_finds_my_numbers_only_with_a_valid_check_digit(text, expected):
    assert found(text, "MY_NUMBER") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("カード番号 4111-1111-1111-1111", ["4111-1111-1111-1111"]),
        ("カード番号 4111 1111 1111 1111", ["4111 1111 1111 1111"]),
        ("カード番号 4111-1111-1111-1112", []),  # fails Luhn
        ("普通預金 口座番号 1234567", ["1234567"]),
        ("ゆうちょ 記号 12345 番号 12345678", ["記号 12345 番号 12345678"]),
        ("426 167 189 40 6 29", []),  # statistics table
    ],
)
def test_it_finds_financial_numbers(text, expected):
    assert found(text, "FINANCIAL") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("基礎年金番号 1234-567890", ["1234-567890"]),
        ("被保険者番号：12345678", ["12345678"]),
        ("住民票コード 12345678901", ["12345678901"]),
        ("運転免許証番号 301234567810", ["301234567810"]),
        ("在留カード番号 AB12345678CD", ["AB12345678CD"]),
        ("旅券番号 TK1234567", ["TK1234567"]),
        ("被保険者番号が記載されていた", []),  # the word, not a number
    ],
)
def test_it_finds_id_numbers(text, expected):
    assert found(text, "ID_NUMBER") == expected


def test_a_licence_number_is_trusted_by_its_check_digit():
    good, = analyze("運転免許証番号 301234567810")
    mistyped, = analyze("運転免許証番号 301234567890")
    assert good.score > mistyped.score >= 0.5
    assert "チェックディジット不一致" in mistyped.reason
    # Without the licence named before it, twelve digits are not a licence number.
    assert found("注文番号 301234567890", "ID_NUMBER") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("〒154-0017 東京都世田谷区", ["154-0017"]),
        ("〒１５４－００１７", ["１５４－００１７"]),
        ("154-0017 東京都世田谷区世田谷", ["154-0017"]),
        ("資料番号 154-0017 参照", []),
    ],
)
def test_it_finds_postal_codes(text, expected):
    assert found(text, "POSTAL_CODE") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("連絡先 taro.yamada@example.jp まで", ["taro.yamada@example.jp"]),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ"]),
        ("@example のみ", []),
    ],
)
def test_it_finds_email_addresses(text, expected):
    assert found(text, "EMAIL") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("生年月日：昭和45年3月2日", ["昭和45年3月2日"]),
        ("生年月日 H2.5.6", ["H2.5.6"]),
        ("1990年5月6日生まれ", ["1990年5月6日"]),
        ("平成元年1月8日生", ["平成元年1月8日"]),
        ("令和7年7月11日に開催した", []),  # a meeting date
        ("2025/07/11 決定", []),
    ],
)
def test_it_finds_birth_dates_only_in_context(text, expected):
    assert found(text, "BIRTH_DATE") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("母（85歳）は", ["85歳"]),
        # A decade alone identifies no one (the weak-only rule); with a
        # sensitive fact about that person it is reported.
        ("相談者は40代の女性。元夫からのストーカー被害を訴えた。", ["40代"]),
        ("７２歳の男性が来庁した", ["７２歳"]),
        ("65歳以上の方が対象です", []),
        ("18歳未満の児童", []),
        ("３歳児健診のお知らせ", []),
    ],
)
def test_it_finds_ages_of_persons_not_thresholds(text, expected):
    assert found(text, "AGE") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("住所：東京都世田谷区奥沢三丁目５番２号", ["東京都世田谷区奥沢三丁目５番２号"]),
        ("東京都練馬区光が丘二丁目9番6号に送付", ["東京都練馬区光が丘二丁目9番6号"]),
        ("世田谷区北沢3-12-4 コーポ北沢203号室に住む", ["世田谷区北沢3-12-4 コーポ北沢203号室"]),
        ("奥沢在住の母", ["奥沢"]),
        ("練馬区在住の方", []),  # a municipality, not where one person lives
        ("会場：区民会館（世田谷区太子堂1-2-3）", []),  # a facility
        ("奥沢地区の公園整備", []),
    ],
)
def test_it_finds_addresses(text, expected):
    assert found(text, "ADDRESS") == expected


@pytest.mark.parametrize(
    "text, number",
    [
        ("被保護者番号　Ｓ２３－０７７１４\n世帯主　真壁 太郎", "Ｓ２３－０７７１４"),
        # an insurer's symbol in kanji before the number
        ("記号番号　世田谷 ４５－１２３０８７", "４５－１２３０８７"),
    ],
)
def test_case_and_insurance_numbers(text, number):
    assert (number, "ID_NUMBER") in [(text[f.start : f.end], f.label) for f in analyze(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本人確認書類\u3000運転免許証（第631102458390号）", ["631102458390"]),
        ("郵便等投票証明書番号\u3000第R05-0042号", ["R05-0042"]),
    ],
)
def test_numbers_of_a_licence_or_a_certificate_named_before_them(text, expected):
    assert found(text, "ID_NUMBER") == expected


def test_an_insurers_symbol_written_on_to_the_number():
    # the insurer's symbol (萩国) names the insurer, not the person: only the number is masked
    assert found("被保険者証記号番号\u3000萩国12-3087", "ID_NUMBER") == ["12-3087"]


def test_a_published_list_of_exam_numbers_is_not_personal():
    assert found("最終合格者の受験番号（上級・行政）\n1004\u30001011\u30001017", "ID_NUMBER") == []


def test_a_welfare_offices_file_numbers_are_not_a_persons():
    # most annotators leave ケース番号, 世帯番号 and 登録番号 unmarked
    for text in ("ケース番号：3-1187\u3000地区担当員：生活福祉課", "【登録番号 12-0031】\n", "世帯番号\u30002-0874"):
        assert found(text, "ID_NUMBER") == []
