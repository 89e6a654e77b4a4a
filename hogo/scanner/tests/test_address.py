"""Address: what the scanner reports and what it leaves alone."""

import pytest
from hogo.scanner.tests.helpers import found_by_label, private_by_label, found_with_officials, labels_of


@pytest.mark.parametrize(
    "text, expected",
    [
        ("祖母は上北沢に一人で住んでおり", "上北沢"),
        ("母は等々力で一人暮らしをしています。", "等々力"),
        ("弟は太子堂のグループホームに住んでいます。", "太子堂"),
        ("桜新町在住の田中です。", "桜新町"),
        ("北烏山在住の者です。", "北烏山"),
        ("喜多見に住む母が入院した。", "喜多見"),
        ("自宅は三軒茶屋二丁目のマンションです。", "三軒茶屋二丁目"),
        ("住所：三軒茶屋2-14-3", "三軒茶屋2-14-3"),
    ],
)
def test_towns_where_someone_lives(text, expected):
    assert expected in [s for s, label in found_by_label(text, "ADDRESS")]


@pytest.mark.parametrize(
    "text",
    [
        "日本で暮らす外国人が増えている。",
        "上北沢に住む人々の交流の場をつくる。",
        "練馬区在住の方が対象です。",
        "資料2-1-3をご覧ください。",
        "佐藤に暮らしを支えてもらい感謝している。",
    ],
)
def test_no_address_for_general_or_non_place_text(text):
    assert found_by_label(text, "ADDRESS") == []


@pytest.mark.parametrize(
    "text, addresses",
    [
        ("住所：世田谷区太子堂二丁目１４番３号　グリーンハイツ太子堂２０３\n", ["世田谷区太子堂二丁目１４番３号　グリーンハイツ太子堂２０３"]),
        ("対象者：清水 健吾さん（３８歳、男性）　下馬在住\n", ["下馬"]),
        ("母（９８歳）、等々力で独居", ["等々力"]),
        ("Address: 1-12-7 Tsurumaki, Setagaya-ku, Tokyo 154-0016", ["1-12-7 Tsurumaki, Setagaya-ku, Tokyo"]),
        # not a home: an association, a blank form, a municipality, the ward in general
        ("推薦理由：弦巻三丁目町会の福祉部長を務めた。", []),
        ("住所：世田谷区＿＿＿＿＿＿＿＿", []),
        ("川崎市在住の方", []),
        ("区内在住の方が対象です。", []),
    ],
)
def test_addresses_of_people_only(text, addresses):
    assert [t for t, label in found_by_label(text, "ADDRESS")] == addresses


def test_address_tail_stops_before_a_phone_number():
    text = "住所：白老町大町1丁目2番3号 電話0144-82-1111"
    assert ("白老町大町1丁目2番3号", "ADDRESS") in private_by_label(text)


@pytest.mark.parametrize(
    "text",
    [
        "契約相手：株式会社フードサプライ世田谷（世田谷区桜新町一丁目３４番６号）　契約金額：単価契約",
        "契約相手：社会福祉法人ねむの木会（世田谷区上祖師谷五丁目１２番）",
        "第０４号　株式会社グリーンリサイクル多摩　東京都狛江市和泉本町一丁目１番　03-3489-7730",
        "〒154-8504　世田谷区世田谷4-21-27",
    ],
)
def test_company_and_business_code_addresses_are_not_personal(text):
    assert "ADDRESS" not in labels_of(text) and "POSTAL_CODE" not in labels_of(text)


def test_address_block_does_not_swallow_a_phone_number():
    text = "住所：東京都狛江市和泉本町一丁目１番　03-3489-7730"
    assert ("東京都狛江市和泉本町一丁目１番", "ADDRESS") in found_with_officials(text)


@pytest.mark.parametrize(
    "text, label",
    [
        ("誤送付先：祖師谷在住の中野 紀子様", "ADDRESS"),
        ("相談者：山田 太郎\n住所：世田谷区奥沢２丁目３番４号", "ADDRESS"),
    ],
)
def test_private_addresses_stay(text, label):
    assert label in labels_of(text)


@pytest.mark.parametrize(
    "text, town",
    [
        # Sudachi reads 三軒茶屋 as a surname and a given name
        ("先日、三軒茶屋の自宅近くの図書館で", "三軒茶屋"),
        # the school a child goes to in that town
        ("娘はダウン症で、烏山の特別支援学級に通っています。", "烏山"),
        ("被害生徒は桜上水の中学校に通う２年生", "桜上水"),
        # の between the block numbers, as people say it
        ("相手：えーと、八千代市大和田新田５０１の３。", "八千代市大和田新田５０１の３"),
    ],
)
def test_towns_of_homes_and_schools(text, town):
    assert (town, "ADDRESS") in found_by_label(text)


@pytest.mark.parametrize("text", ["烏山小学校の運動会", "職員の自宅に書類を持ち帰った"])
def test_a_school_name_or_a_common_noun_is_not_a_town(text):
    assert found_by_label(text, "ADDRESS") == []


def test_an_address_split_over_form_fields_is_found_field_by_field():
    text = (
        "住所　〒950-0916\n"
        "　都道府県　新潟県\n"
        "　市区町村　新潟市中央区\n"
        "　町名・番地　米山四丁目12番7号\n"
        "　建物名・部屋番号　アーバン米山　502\n"
    )
    found = found_by_label(text)
    for value in ("新潟県", "新潟市中央区", "米山四丁目12番7号", "アーバン米山　502"):
        assert (value, "ADDRESS") in found


def test_empty_or_mismatched_address_fields_are_not_addresses():
    text = "都道府県　＿＿＿＿\n市区町村　人数\n建物名・部屋番号　なし\n"
    assert [t for t, label in found_by_label(text) if label == "ADDRESS"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本籍　岐阜県揖斐郡池田町\n", "岐阜県揖斐郡池田町"),
        ("同居の別　☑別居（別居先：愛知県豊橋市、単身赴任）", "愛知県豊橋市"),
        ("子どもを連れて家を出たい。実家（愛知県一宮市）には頼れない。", "愛知県一宮市"),
    ],
)
def test_a_registered_domicile_a_separate_home_and_a_family_home(text, expected):
    assert (expected, "ADDRESS") in found_by_label(text)


def test_an_offices_phone_number_is_not_a_block_number():
    text = "提供元：大垣市 危機管理室　0584-47-7188"
    assert not any(label == "ADDRESS" for _, label in private_by_label(text))


def test_the_word_for_prefectures_is_not_a_prefecture():
    assert found_by_label("住所又は居所\n　都道府県　＿＿＿＿\n") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("現住所：汐見市東区川添3条6丁目1-22\n", "川添3条6丁目1-22"),
        ("〒059-0415\n汐見市北区新川8条4丁目3番1号\n北野 正樹\n", "新川8条4丁目3番1号"),
    ],
)
def test_hokkaido_grid_addresses(text, expected):
    assert any(expected in t and label == "ADDRESS" for t, label in found_by_label(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("真上の３０１号室のロドリゲスさん宅から水漏れがある。", "３０１号室"),
        ("管理人（４号棟１０１号の宇野さん）にも相談した。", "４号棟１０１号"),
        ("提出者：大西 正和（飯野西町、７４歳）", "飯野西町"),
        ("娘のはるかは綾歌北町の自宅から自転車で通学している。", "綾歌北町"),
    ],
)
def test_rooms_and_towns_no_dictionary_knows(text, expected):
    assert (expected, "ADDRESS") in found_by_label(text)


def test_a_meeting_room_is_not_a_dwelling():
    assert found_by_label("会場　本庁舎３階　３０１号室の会議室") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("氏名\u3000滝沢 亮介\n住所\u3000萩野1877-5\n", "萩野1877-5"),
        ("氏名\u3000滝沢 亮介\n\u3000住所\u3000萩野村大字萩野字宮ノ前877番地\n", "萩野村大字萩野字宮ノ前877番地"),
    ],
)
def test_the_value_of_an_address_field_whatever_the_dictionary_knows(text, expected):
    assert any(expected in t and label == "ADDRESS" for t, label in found_by_label(text))


def test_the_building_on_the_line_under_an_address():
    text = "住所：神戸市垂水区陸ノ町8番21号\n\u3000\u3000\u3000ヴィラ陸ノ町305号室\n【交付の内容】"
    assert ("ヴィラ陸ノ町305号室", "ADDRESS") in found_by_label(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("住所\u3000下京区新町通松原下る富永町１０７番地\n", "新町通松原下る富永町１０７番地"),
        ("納税義務者\n\u3000住所\u3000〒607-8142\u3000京都市山科区東野百拍子町１９－７\n", "東野百拍子町１９－７"),
    ],
)
def test_kyoto_streets_and_an_address_field_that_opens_with_the_postcode(text, expected):
    assert any(expected in t and label == "ADDRESS" for t, label in found_by_label(text))
    assert not any(t.startswith("〒") for t, _ in found_by_label(text))
