"""The general mechanisms added for unseen documents (issue 4, second pass):
names beside contact details and in lists, towns with a residence verb a few
words later, secondary terms, anchors that belong to the nearest term, and
the lexicon additions.  Each table has negatives next to its positives."""

import pytest

from hogo.scanner import analyze
from hogo.scanner.analyzer import in_sample
from hogo.scanner.finding import Finding


def found(text, label=None):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if label is None or f.label == label]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dictionary name right after an address or next to an e-mail address
        ("〒276-0045 八千代市大和田138-2　佐野　誠", "佐野\u3000誠"),
        ("連絡先：k-tanaka@example.co.jp（田中）", "田中"),
        # 「○○ほか△名」
        ("名簿（後藤ほか１１名分）を置き忘れた。", "後藤"),
        # a bracketed age after a name, and the age itself
        ("元職員の前田（47）が逮捕された。", "前田"),
        # self-introduction of a name Sudachi does not tag as a person
        ("意見：ヤマダと申します。", "ヤマダ"),
        # surname + space + a second surname-tagged word after a label
        ("意見者：伊藤 美咲（30代）", "伊藤 美咲"),
        # a comma list: an unknown romaji name next to recognised ones
        ("参加者：Taro Yamada、Hanako Suzuki、John Smith", "John Smith"),
        ("面接記録：申請者 Nguyen Van Nam（ベトナム国籍）", "Nguyen Van Nam"),
        # given names Sudachi does not know
        ("蒼空くんが転倒した。", "蒼空"),
        ("長女のあかりは不登校です。", "あかり"),
    ],
)
def test_names_found_by_their_surroundings(text, expected):
    assert expected in [s for s, label in found(text, "PERSON")]


@pytest.mark.parametrize(
    "text",
    [
        "お姉ちゃんが迎えに来た。",
        "赤ちゃんが泣いている。",
        "ワンちゃんを連れての入店はできません。",
        "母のことが心配です。",
        "株式会社ヤマダと申します。",
        "資料（２）及び（３）を参照。",
        "記入例　氏名：世田谷　太郎　住所：世田谷区○○町１－２－３",
    ],
)
def test_no_person_without_a_real_name(text):
    assert found(text, "PERSON") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("元職員の前田（47）が逮捕された。", [("47", "AGE")]),
        ("上記（１）の申請書類について確認した。", []),
        ("報告（３）に入ります。", []),
    ],
)
def test_bracketed_number_is_an_age_only_after_a_name(text, expected):
    assert found(text, "AGE") == expected


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
    assert expected in [s for s, label in found(text, "ADDRESS")]


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
    assert found(text, "ADDRESS") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the anchor 妻 belongs to 乳がん, not to the general word がん検診
        ("妻が乳がんの治療中で、がん検診の対象を広げてほしい。", [("乳がん", "MEDICAL")]),
        # secondary words are dropped next to the specific term of their label
        ("ネパール国籍のグルンさんから、在留資格の更新について相談があった。", [("ネパール国籍", "NATIONALITY")]),
        ("わが家はキリスト教徒で、日曜の礼拝と重なる行事が多い。", [("キリスト教徒", "BELIEF")]),
        ("次男が難聴で補聴器を使っています。", [("難聴", "DISABILITY")]),
        # ... but kept when they are all there is
        ("娘は補聴器を使っています。", [("補聴器", "DISABILITY")]),
        # lexicon additions and word-formation rules
        ("意見：母が骨粗しょう症で寝たきりになりました。", [("骨粗しょう症", "MEDICAL"), ("寝たきり", "MEDICAL")]),
        ("息子が窃盗罪で起訴された。", [("窃盗罪", "CRIMINAL"), ("起訴", "CRIMINAL")]),
        ("夫は道路交通法違反で罰金を科された。", [("道路交通法違反", "CRIMINAL"), ("罰金", "CRIMINAL")]),
        ("妻はイスラム教徒です。", [("イスラム教徒", "BELIEF")]),
        ("相談者の妻は、夫から暴言を受けていると訴えた。", [("夫から暴言を受け", "DV")]),
        ("うちの子は自閉症です。", [("自閉症", "DISABILITY")]),
    ],
)
def test_sensitive_terms_bound_to_a_person(text, expected):
    assert [(s, label) for s, label in found(text) if label not in ("PERSON", "AGE", "ADDRESS")] == expected


@pytest.mark.parametrize(
    "text",
    [
        # 「そのうち」 is not 「うち（我が家）」; statistics are general
        "令和６年度の身体障害者手帳所持者数は１万８千人で、そのうち肢体不自由が約半数を占める。",
        "障害者手帳の交付件数は前年度より５％増えた。",
        "道路交通法違反の取締りを強化する。",
        "白内障の手術は日帰りで行うことができる。",
        "骨粗しょう症による骨折を予防するため、検診を実施する。",
        "イスラム教徒の児童への給食対応について、学校に通知した。",
        "保護司会と連携し、刑務所出所者の就労を支援する。",
        "熱中症の救急搬送者数は、例年７月に最も多い。",
        "私の住む地域では、発達障害の子どもを支援する団体が活動しています。",
    ],
)
def test_general_text_raises_nothing(text):
    assert analyze(text) == []


@pytest.mark.parametrize(
    "address, personal",
    [("k-tanaka@example.co.jp", True), ("info@setagaya-npo.example.org", False), ("soudan@example.lg.jp", False)],
)
def test_role_mailboxes_are_not_personal(address, personal):
    assert bool(found(f"連絡先：{address}", "EMAIL")) is personal


@pytest.mark.parametrize(
    "text, sample",
    [("記入例　氏名：世田谷　太郎", True), ("（例）山田花子", True), ("氏名：山田花子", False), ("例えば山田花子", False)],
)
def test_sample_lines(text, sample):
    name_at = text.index("花子") if "花子" in text else text.index("太郎")
    assert in_sample(text, Finding(name_at, name_at + 2, "PERSON", 0.9, "")) is sample
