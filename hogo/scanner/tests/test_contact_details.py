"""Contact details: what the scanner reports and what it leaves alone."""

import pytest
from hogo.scanner.tests.helpers import found_by_label, private_by_label, found_with_officials


@pytest.mark.parametrize(
    "address, personal",
    [("k-tanaka@example.co.jp", True), ("info@setagaya-npo.example.org", False), ("soudan@example.lg.jp", False)],
)
def test_role_mailboxes_are_not_personal(address, personal):
    assert bool(found_by_label(f"連絡先：{address}", "EMAIL")) is personal


@pytest.mark.parametrize(
    "text, personal",
    [
        ("※問合せは、財務部経理課契約係（電話 03-5432-2164、ＦＡＸ 03-5432-3018）まで。", []),
        ("施工業者：株式会社玉川土木　東京都世田谷区玉川台二丁目１０番５号　電話 03-3700-5521", []),
        ("見守りについて：高齢者安心コール　０３－５４３２－２９０７（２４時間）", []),
        ("国保・年金課（電話 03-5432-2345）までお問い合わせください。", []),
        # a person's number, even after an office word earlier in the line
        ("代理人：母　佐々木 多恵子（電話 03-3422-8176）", ["03-3422-8176"]),
        ("保護者：母　西村 恵美　080-4471-2063", ["080-4471-2063"]),
        ("電話：03（3428）6051　携帯：090 4417 2386", ["03（3428）6051", "090 4417 2386"]),
    ],
)
def test_office_and_company_numbers(text, personal):
    assert [t for t, label in found_by_label(text, "PHONE")] == personal


def test_postal_code_and_birth_date_in_english():
    text = "Date of birth: 1988/04/02\nAddress: 1-12-7 Tsurumaki, Setagaya-ku, Tokyo 154-0016"
    got = found_by_label(text)
    assert ("1988/04/02", "BIRTH_DATE") in got
    assert ("154-0016", "POSTAL_CODE") in got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("甲 高崎市高松町35番地1 高崎市長 関口 誠", []),
        ("乙 高崎市問屋町二丁目7番地8 株式会社上州情報センター 代表取締役", []),
        ("会場：中央図書館 2階 多目的室（鎌倉市御成町20番35号）", []),
        ("問合せ：白老町役場 アイヌ総合政策課\n〒059-0995 白老町大町1丁目1番1号 電話0144-82-8215", []),
        ("掛川市役所 市民課 / Kakegawa City Hall, Citizens Division\n〒436-8650 掛川市長谷一丁目1番地の1　TEL 0537-21-1134", []),
        ("収納口座：山梨中央銀行 県庁支店 普通預金 口座番号0100235 口座名義 甲府市会計管理者", []),
        # a private person's details stay
        ("住所：高崎市高松町35番地1 株式会社Ａ勤務", [("高崎市高松町35番地", "ADDRESS")]),
        ("発生場所：新発田市大栄町四丁目2番16号（自宅）", [("新発田市大栄町四丁目2番16号", "ADDRESS")]),
        ("〒059-0001 白老町大町1丁目2番3号 電話0144-82-1111 佐藤 花子", None),
        ("振込先：ゆうちょ銀行 普通預金 口座番号1234567 口座名義 ヤマダ ハナコ", [("1234567", "FINANCIAL")]),
    ],
)
def test_organisation_contacts(text, expected):
    got = private_by_label(text)
    if expected is None:  # a person's contact block: everything is reported
        assert {label for _, label in got} >= {"POSTAL_CODE", "ADDRESS", "PHONE", "PERSON"}
    else:
        assert [g for g in got if g[1] != "PERSON"] == expected


def test_yucho_joined_number_is_an_account():
    text = "振込先（ゆうちょ銀行 記号番号10880-28104731）"
    assert [label for _, label in private_by_label(text)] == ["FINANCIAL"]
    assert [label for _, label in private_by_label("被保険者証 記号番号 12345678")] == ["ID_NUMBER"]


@pytest.mark.parametrize(
    "text",
    [
        "問合せ：保健福祉政策部介護予防・地域支援課\n電話 03-5432-2956　FAX 03-5432-3085",
        "■相談窓口\n犯罪被害者等相談窓口（区民相談担当）\n電話 03-5432-2075（平日午前８時３０分～午後５時）",
        "東京都いのちの電話　03-3264-4343",
        "相談専用電話：03-5432-2262（平日午前９時～午後５時）",
        "場所：世田谷保健所\n予約：03-5432-2441（感染症対策課）",
        "■申込先・問合せ　〒154-8504　世田谷区世田谷４－２１－２７\n　生活福祉課　電話 03-5432-2261",
        "問合せ：人権・男女共同参画課\n電話 03-6304-3452　メール seikatsu-jinken@city.setagaya.tokyo.jp",
        "契約担当　経理課契約係\n〒154-8504 世田谷区世田谷4-21-27　電話03-5432-2152",
    ],
)
def test_office_contact_blocks_are_not_personal(text):
    assert found_with_officials(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a private person named in the block makes it theirs
        ("問合せ：山田 花子様\n電話 03-3412-5678", ("03-3412-5678", "PHONE")),
        # a mobile number next to an employer is the person's own
        ("保護者１：加藤 誠\n勤務先：株式会社Ｆ　電話：070-1234-8890", ("070-1234-8890", "PHONE")),
        # 「代表者」 is a person, not a switchboard
        ("記載内容：代表者 野口 正和、世田谷区新町２丁目７番１５号、03-3706-2280", ("03-3706-2280", "PHONE")),
        # an ordinary postal code before a home address
        ("住所：〒154-0017 世田谷区世田谷１丁目２番３号", ("154-0017", "POSTAL_CODE")),
        # a free-mail address in a list of leaked addresses
        ("２　漏えいした情報（一部）\n　yuki.hoshino0312@docomo.ne.jp ほか", ("yuki.hoshino0312@docomo.ne.jp", "EMAIL")),
        # a form on which the number is the applicant's
        ("世帯主氏名：長尾 弘\n医療機関：区内総合病院\n振込先：みずほ銀行 普通 1928374\n電話：03-3487-0061", ("03-3487-0061", "PHONE")),
        # 「(090) 2418-6637」: a bracketed area code and a space
        ("連絡先：(090) 2418-6637", ("(090) 2418-6637", "PHONE")),
    ],
)
def test_private_contact_details_stay_personal(text, expected):
    assert expected in found_with_officials(text)


@pytest.mark.parametrize(
    "text",
    [
        # free dial and navi dial: no household has one
        "ＤＶ相談＋（プラス）　電話0120-279-889（24時間）",
        "予約センター　0570-012-345",
        # lg.jp is issued only to local governments
        "Ｅメール　jinken-dan@example.lg.jp",
        # the office is named at the end of the line before, with a particle
        "申込　電話またはＦＡＸで健康推進課へ\n　　　電話　03-5432-2447　ＦＡＸ　03-5432-3038",
    ],
)
def test_numbers_and_addresses_of_public_services(text):
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text, phone",
    [
        ("電　話　　０４７ (４５９) ８８２１", "０４７ (４５９) ８８２１"),
        # spoken or vertical writing
        ("相手：〇九〇の三二一八の七七四五。", "〇九〇の三二一八の七七四五"),
    ],
)
def test_phone_numbers_in_other_writings(text, phone):
    assert (phone, "PHONE") in found_by_label(text)


def test_a_mobile_number_after_lg_jp_mail_of_a_private_person_stays():
    text = "申請者　山田 花子　携帯 090-1234-5678"
    assert ("090-1234-5678", "PHONE") in found_by_label(text)


@pytest.mark.parametrize(
    "text",
    [
        # a business postal code anywhere before the address on its line
        "〒604-8571　京都市中京区寺町通御池上る上本能寺前町488番地\n電話　075-222-3808",
        # an office named before the address, the address inside a facility
        "熊本市保健所感染症対策課　〒862-0971　熊本市中央区大江5丁目1番1号（ウェルパルくまもと内）　電話　096-364-3189",
        # the venue on the line before the address
        "会場　青森市福祉増進センター（しあわせプラザ）３階　研修室\n　　　青森市中央三丁目16番1号",
        # a facility's name before the bracket that holds its address
        "研修本番は、区民・産業プラザ（練馬区練馬一丁目17番1号）で実施します。",
        # a table of facilities
        "施設名,所在地,電話番号,設置場所\n福島市保健所,福島市森合町10番1号,024-533-3051,１階ロビー\n",
        # the office's fax on the line after its main number
        "会場　八千代市総合福祉センター\n　　　電話　０４７－４８３－１１５１（代表）\n　　　ＦＡＸ　０４７－４８６－１４００",
        # a public service with its area in brackets
        "・いのちの電話（札幌）　０１１－２３１－４３４３（２４時間）",
    ],
)
def test_offices_facilities_and_services_are_not_private(text):
    assert private_by_label(text) == []


def test_a_person_in_a_facility_table_is_still_a_person():
    text = "氏名,住所,電話\n山田 花子,世田谷区奥沢一丁目2番3号,090-1234-5678\n"
    assert {label for _, label in private_by_label(text)} >= {"PERSON", "ADDRESS", "PHONE"}


@pytest.mark.parametrize(
    "text",
    [
        "港町小学校　〒430-0901 東雲市港町一丁目５番１号　電話 054-261-0245",
        "東雲市立中央図書館\n〒430-0911　東雲市本町二丁目７番１号\n電話 054-331-2200　ＦＡＸ 054-331-2209",
        "問合せ先\n東雲市市民生活部国際交流課\n〒430-8601 東雲市本町1-1-1　Tel. 054-330-1150　Email: kokusai@city.shinonome.lg.jp",
        "問合せ先　健康福祉部障害福祉課　計画担当　TEL 054-330-1261",
    ],
)
def test_a_school_a_library_and_an_office_keep_their_contact_details(text):
    assert private_by_label(text) == []


def test_a_fax_number_written_right_after_fax():
    assert ("054-259-3081", "PHONE") in private_by_label("松風町の吉川 登美子（FAX054-259-3081）より、夫の件で相談。")


def test_a_mail_address_written_on_after_an_offices_number():
    text = (
        "多文化共生相談窓口\n　場所：大垣市国際交流協会（スイトピアセンター内）\n"
        "　時間：火曜日～土曜日\n　電話：0584-82-2311　メール：tabunka@ogaki-ia.example.jp\n"
    )
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "※聴覚に障害のある方は、FAXまたはメール（tarumi-shogai@office.city.kobe.example.jp）でもご相談いただけます。",
        "■問い合わせ\n垂水図書館\u3000〒655-0027 神戸市垂水区神田町1-20\u3000電話 078-708-3401",
        "不審な電話があったときは、萩野駐在所（電話026-269-2010）へ。",
        "記入の注意\u3000口座番号は「普通\u30001234567」のように右詰め７桁でご記入ください。",
    ],
)
def test_offices_invitations_and_examples_are_not_personal(text):
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "■ 募集住宅\n湯村団地（甲府市湯村三丁目）3DK 2戸\n",
        "金融機関：山梨中央銀行 県庁支店\n預金種目：普通預金\n口座番号：0210558\n口座名義：山梨県会計管理者\n",
        "※ 北杜市、富士吉田市及び身延町にお住まいの方は、各市町の窓口でも申請できます。",
        "（以上）\n広聴広報グループ 055-223-1336",
    ],
)
def test_estates_public_accounts_residents_in_general_and_press_offices(text):
    assert private_by_label(text) == []


def test_a_kyoto_homes_postcode_is_not_a_business_postcode():
    text = "納税義務者\n\u3000住所\u3000〒607-8142\u3000京都市山科区東野百拍子町１９－７\n\u3000氏名\u3000山口 誠\n"
    assert ("607-8142", "POSTAL_CODE") in private_by_label(text)
    # a large office's own code stays an office's
    assert private_by_label("問合せ\u3000世田谷区役所\u3000〒154-8504 世田谷区世田谷4-21-27") == []
