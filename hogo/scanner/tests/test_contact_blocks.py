"""Issue 4, fourth pass: organisational contact blocks, company addresses,
case-example placeholders, attendance-list roles, organisations named after
sensitive words, statistics, cultural notices, relation violence and care
levels.  Each mechanism has positives and negatives."""

import pytest

from hogo.scanner import analyze


def found(text, official=False):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if official or not f.official]


def labels(text):
    return {label for _, label in found(text)}


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
    assert found(text) == []


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
    assert expected in found(text)


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
    assert "ADDRESS" not in labels(text) and "POSTAL_CODE" not in labels(text)


def test_address_block_does_not_swallow_a_phone_number():
    text = "住所：東京都狛江市和泉本町一丁目１番　03-3489-7730"
    assert ("東京都狛江市和泉本町一丁目１番", "ADDRESS") in found(text)


@pytest.mark.parametrize(
    "text, label",
    [
        ("誤送付先：祖師谷在住の中野 紀子様", "ADDRESS"),
        ("相談者：山田 太郎\n住所：世田谷区奥沢２丁目３番４号", "ADDRESS"),
    ],
)
def test_private_addresses_stay(text, label):
    assert label in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "事例１：Ａさん（８０歳代、女性、独居）。認知症の進行により金銭管理が難しくなった。",
        "事例２：Ｂさん（７０歳代、男性）。妻を介護していたが、自身もがんが見つかり、老老介護となった。",
        "対象年齢：２０歳、２５歳、３０歳",
    ],
)
def test_case_example_placeholders_are_not_persons(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a real record that uses a pseudonym stays personal
        ("相談者（Ａさん）は、元交際相手からのストーカー行為に悩んでいる。", ("ストーカー", "DV")),
        ("ケアマネジャーが相談者Ｃ（60代男性）のアルコール依存症に関する記録を紛失した。", ("60代", "AGE")),
        ("相談者：石田 彩（いしだ あや）　32歳", ("32歳", "AGE")),
        ("生年月日：大正１５年６月１日　98歳", ("98歳", "AGE")),
    ],
)
def test_real_people_keep_their_ages_and_facts(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("title", ["座長", "副座長", "会長", "副会長", "委員長", "委員", "部会長"])
def test_roles_in_attendance_lists_are_official(title):
    text = f"出席者：{title} 平井 雅人（大学教授）"
    assert found(text) == []
    assert any(label == "PERSON" for _, label in found(text, official=True))


def test_a_table_header_is_not_a_name():
    assert found("区分　氏名　所属等\n学識経験者　会長　石原 康弘　Ｔ大学教授") == []


def test_a_name_in_a_form_is_still_a_name():
    assert ("石原 康弘", "PERSON") in found("氏名　石原 康弘\n所属等　Ｔ大学")


@pytest.mark.parametrize(
    "text",
    [
        "東京保護観察所、世田谷区保護司会、区内協力雇用主が参加した。\n（保護司会）区内の保護観察対象者は減少している。",
        "外国籍の相談者は全体の約７％で、在留資格に関する不安を抱える人が多い。",
    ],
)
def test_organisations_and_statistics_are_not_about_a_person(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("母は保護司会の紹介で働いているが、窃盗の前科がある。", ("前科", "CRIMINAL")),
        ("相談者の妻はフィリピン国籍で、在留資格の更新に不安がある。", ("フィリピン国籍", "NATIONALITY")),
    ],
)
def test_facts_about_a_person_still_found_next_to_those_words(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "世田谷文学館では特集展示「病と文学」を開催します。晩年を病床で過ごした正岡子規、萩原朔太郎の娘である萩原葉子の随筆も紹介します。",
        "中央図書館で特集展示「徳冨蘆花と粕谷の里」を開催中です（蘆花の初版本を展示）。",
    ],
)
def test_names_in_cultural_notices_are_public_figures(text):
    assert "PERSON" not in labels(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # outside a cultural notice a bare full name stays a name
        ("昨日、正岡子規から電話があった。", ("正岡子規", "PERSON")),
        # in a cultural notice a named pupil keeps her honorific and her name
        ("作文コンクールでは村上 さくらさんの作品が最優秀賞に選ばれました。特集展示も開催。", ("村上 さくら", "PERSON")),
    ],
)
def test_names_outside_cultural_context_stay(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本人は日本語での会話が難しく、前夫からの暴力で転居を繰り返してきた。", ("前夫からの暴力", "DV")),
        ("相談内容：夫から日常的に暴言を受け、生活費を渡してもらえない。", ("夫から日常的に暴言を受け", "DV")),
        ("内容：元夫の暴力が原因で離婚。", ("元夫の暴力", "DV")),
        ("父は昨年脳梗塞で倒れ、今は要介護３の認定を受けています。", ("要介護３", "DISABILITY")),
        ("障害等：身体障害者手帳１級（両下肢機能全廃）", ("両下肢機能全廃", "DISABILITY")),
    ],
)
def test_relation_violence_and_care_levels(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "配偶者からの暴力の防止に関する計画を改定しました。",
        "要介護３以上の方は特別養護老人ホームに申し込めます。",
        "夫婦間の暴力について、相談窓口を案内しています。",
    ],
)
def test_general_violence_and_care_text_is_not_personal(text):
    assert found(text) == []
