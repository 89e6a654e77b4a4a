"""The mechanisms of the third pass (issue 4): binding sensitive words to an
identifiable person only, office and company numbers, statistics ages, names
in role fields, readings and speakers, addresses of associations and blank
forms, and the span conventions (honorifics outside, modifiers and grades
inside).  Every table has negatives next to its positives."""

import pytest

from hogo.scanner import analyze


def found(text, label=None):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if label is None or f.label == label]


def private(text, label=None):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if not f.official and (label is None or f.label == label)]


# --- sensitive words: who they are about ------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # anonymised placeholders identify nobody
        "生徒Ａは不安障害の診断を受け、その後転校した。",
        "区民Ａの氏名、住所、被保険者番号、要介護度",
        "相談者Ｃはうつ病で休職中である。",
        # a class of people, not one person
        "祖父母が要介護となっている家庭の子どもへの配慮が見当たりません。",
        # the name of an institution, a law or a form
        "母に対し、配偶者暴力相談支援センターへの相談を勧奨した。",
        "障害者差別解消法の改正により、合理的配慮が義務化された。",
        "特別障害者手当認定請求書（受付控）",
        # statistics
        "・麻しん：１件（３０代女性、海外渡航歴あり）",
        "年代別では４０歳代と５０歳代が多く、うつ病等の精神疾患が最も多い。",
    ],
)
def test_sensitive_words_not_about_an_identifiable_person(text):
    assert [x for x in private(text) if x[1] not in ("PERSON", "ADDRESS", "PHONE")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a record about one person: the terms of the whole record are about them
        ("対象者：山本 拓也（平成７年１１月２２日生）\n回答：対象者は、窃盗罪により刑に服した。\n本人はアルコール依存症の治療を継続中。",
         [("窃盗罪", "CRIMINAL"), ("アルコール依存症", "MEDICAL")]),
        # a form field ties its value, 等 after the field name included
        ("氏名：佐藤 陽翔\n既往歴等：卵アレルギーあり。熱性けいれんの既往あり。",
         [("卵アレルギー", "MEDICAL"), ("熱性けいれん", "MEDICAL")]),
        ("故人氏名：遠藤 キミ子\n宗教・宗派：浄土真宗本願寺派", [("浄土真宗本願寺派", "BELIEF")]),
        # a secondary word is dropped when the document names the condition
        ("長男の翔太は白血病と診断され、２年間の入院治療を経て復学した。", [("白血病", "MEDICAL")]),
        ("相談者：グエンさん（ベトナム国籍）\n在留資格が夫の配偶者ビザで不安。", [("ベトナム国籍", "NATIONALITY")]),
        ("夫（大西 健一、５８歳）が世界平和統一家庭連合に多額の献金を続けている。", [("世界平和統一家庭連合", "BELIEF")]),
    ],
)
def test_sensitive_words_bound_to_a_person(text, expected):
    assert [x for x in found(text) if x[1] not in ("PERSON", "ADDRESS", "PHONE", "AGE", "BIRTH_DATE")] == expected


@pytest.mark.parametrize(
    "text, term",
    [
        # modifiers are part of the illness, 「軽度の」 is not
        ("母は２型糖尿病で通院中。", "２型糖尿病"),
        ("長男は急性リンパ性白血病と診断された。", "急性リンパ性白血病"),
        ("母のキヌが大腿骨頸部骨折で入院した。", "大腿骨頸部骨折"),
        ("父は軽度の心疾患がある。", "心疾患"),
        # the whole word, and adjacent terms as one
        ("本人（山田さん）はＨＩＶ感染症と診断された。", "ＨＩＶ感染症"),
        ("父は脳梗塞後遺症がある。", "脳梗塞後遺症"),
        # a certificate's grade and a sentence's length belong to the term
        ("娘は身体障害者手帳２級を持っています。", "身体障害者手帳２級"),
        ("父は傷害罪で懲役２年執行猶予４年の判決を受けた。", "懲役２年執行猶予４年"),
    ],
)
def test_sensitive_span_boundaries(text, term):
    assert term in [t for t, label in found(text)]


# --- phone numbers of offices and companies ---------------------------------

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
    assert [t for t, label in found(text, "PHONE")] == personal


# --- ages -------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, ages",
    [
        ("腸管出血性大腸菌感染症：２件（１０歳未満女児、２０代男性）", []),
        ("１　被処分者　土木部　主事（３０代・男性）", []),
        ("年代別では４０歳代と５０歳代が多い。", []),
        ("世帯主：鈴木 一郎（昭和３１年２月１７日生、６８歳）", ["６８歳"]),
        ("斉藤さんという方から相談を受けました。８２歳で、人工肛門を造設されている。", ["８２歳"]),
        # (a decade alone is weak evidence: see test_fifth_pass.py)
        ("相談者は40代の女性。元夫からのストーカー被害を訴えた。", ["40代"]),
    ],
)
def test_ages_of_persons_not_statistics(text, ages):
    assert [t for t, label in found(text, "AGE")] == ages


# --- names ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, names",
    [
        ("滞納者：小林 正和\n", ["小林 正和"]),
        ("配偶者：中島 美咲（1997年1月30日生）", ["中島 美咲"]),
        ("対象児：佐藤 陽翔くん（２歳児クラス）", ["佐藤 陽翔"]),
        ("保護者：母　村上 瞳\n", ["村上 瞳"]),
        ("児童氏名：クマール・アーリヤン（Aryan KUMAR）", ["クマール・アーリヤン", "Aryan KUMAR"]),
        ("申出者：高橋 美和（たかはし みわ）", ["高橋 美和", "たかはし みわ"]),
        ("奥沢レジデンス３０２\n長谷部 光　様\n", ["長谷部 光"]),
        ("延長してほしいです。\n（ヤマグチ）\n【区の考え方】", ["ヤマグチ"]),
        ("I am Michael BROWN, living in Tokyo.", ["Michael BROWN"]),
        # not names: a title, a common noun, a company, a building
        ("報告者：校長\n", []),
        ("関係生徒：被害生徒　２年３組", []),
        ("落札者：株式会社東都設備工業", []),
        ("2-5-18 Kamiuma, Setagaya-ku, Tokyo, Meiwa Residence 305", []),
        ("資料は（ホームページ）に掲載", []),
    ],
)
def test_names_in_role_fields(text, names):
    assert [t for t, label in private(text, "PERSON")] == names


@pytest.mark.parametrize(
    "text, name",
    [
        ("○障害福祉部長（青木 誠一）　補足いたします。", "青木 誠一"),
        ("○区長（長谷川 浩）　お答えします。", "長谷川 浩"),
    ],
)
def test_speakers_in_minutes_are_officials(text, name):
    hits = [f for f in analyze(text) if f.label == "PERSON"]
    assert [text[f.start : f.end] for f in hits] == [name]
    assert all(f.official for f in hits)


# --- addresses --------------------------------------------------------------

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
    assert [t for t, label in found(text, "ADDRESS")] == addresses


def test_postal_code_and_birth_date_in_english():
    text = "Date of birth: 1988/04/02\nAddress: 1-12-7 Tsurumaki, Setagaya-ku, Tokyo 154-0016"
    got = found(text)
    assert ("1988/04/02", "BIRTH_DATE") in got
    assert ("154-0016", "POSTAL_CODE") in got
