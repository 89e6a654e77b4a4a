"""Fifth pass (issue 4, blind3 studied): each mechanism with positives and negatives."""

import pytest

from hogo.scanner import analyze
from hogo.scanner.documents import scan_file


def found(text, label=None):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if not f.official and (label is None or f.label == label)]


# --- counts: a term or an age followed by a count is a statistic -------------

@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("障害種別：肢体不自由 2,391人、内部障害 1,466人、視覚障害 305人", "DISABILITY", []),
        ("相談者の年代：20歳代 9％、30歳代 14％、40歳代 21％", "AGE", []),
        ("主な相談内容：精神疾患・メンタルヘルス 684件、ＤＶ・家族関係 176件", "MEDICAL", []),
        ("難病患者は統合失調症 12人", "MEDICAL", []),
        # a person on the line: a record, not a table of counts
        ("対象者：山本 拓也（45歳）、統合失調症で通院中。", "MEDICAL", [("統合失調症", "MEDICAL")]),
        ("母は視覚障害があり、白杖を使っています。", "DISABILITY", [("視覚障害", "DISABILITY")]),
        ("山田 花子さん（82歳）、世帯人数 2人、家賃 5万円", "AGE", [("82歳", "AGE")]),
    ],
)
def test_counts_are_statistics(text, label, expected):
    assert found(text, label) == expected


# --- public figures: authors, famous lists, names in titles -----------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("・知里幸恵『アイヌ神謡集』の朗読会（町立図書館）", []),
        ("川端康成、芥川龍之介、夏目漱石など、鎌倉ゆかりの文豪の短編を朗読します。", []),
        ("歴史講座「北条氏と小田原城」の終了間際に", []),
        # a private person is still found
        ("申請者：森本 湊（5歳）", ["森本 湊"]),
        ("北条さんから電話があり、母の介護について相談を受けた。", ["北条"]),
        ("「田中さんに会った」と話した。", ["田中"]),
    ],
)
def test_public_figures_are_not_persons(text, expected):
    assert [t for t, label in found(text, "PERSON")] == expected


# --- organisations' addresses, postal codes, numbers and accounts -----------

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
    got = found(text)
    if expected is None:  # a person's contact block: everything is reported
        assert {label for _, label in got} >= {"POSTAL_CODE", "ADDRESS", "PHONE", "PERSON"}
    else:
        assert [g for g in got if g[1] != "PERSON"] == expected


def test_address_tail_stops_before_a_phone_number():
    text = "住所：白老町大町1丁目2番3号 電話0144-82-1111"
    assert ("白老町大町1丁目2番3号", "ADDRESS") in found(text)


def test_yucho_joined_number_is_an_account():
    text = "振込先（ゆうちょ銀行 記号番号10880-28104731）"
    assert [label for _, label in found(text)] == ["FINANCIAL"]
    assert [label for _, label in found("被保険者証 記号番号 12345678")] == ["ID_NUMBER"]


# --- anonymous attributes and the weak-only document rule --------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("No.8　受付：5月12日（市内・50代・女性）\n【要旨】高齢の親が認知症になり、通院の付き添いが増えた。", []),
        ("受講者Ａ（70歳代男性）が気分不良を訴えた。", []),
        ("相談者は40代の女性。", []),
        # a decade with a sensitive fact, a name or a contact detail counts
        ("相談者Ｃ（60代男性）のアルコール依存症に関する記録を紛失した。", [("60代", "AGE"), ("アルコール依存症", "MEDICAL")]),
        ("山田 太郎さん（70代）から電話があった。", [("山田 太郎", "PERSON"), ("70代", "AGE")]),
        ("母（85歳）は", [("85歳", "AGE")]),
    ],
)
def test_weak_only_documents(text, expected):
    assert found(text) == expected


def test_weak_only_findings_still_reach_the_report(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("受講者Ａ（70歳代男性）が気分不良を訴えた。\n", encoding="utf-8")
    report = scan_file(path)
    assert report.verdict == "要確認"
    assert [f.label for f in analyze("受講者Ａ（70歳代男性）", keep_weak=True)] == ["AGE"]


# --- kinds of classes and services, 総合相談窓口 --------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("母は自閉症と診断され、通級指導教室（自閉症・情緒障害）に通う。", [("自閉症", "DISABILITY")]),
        ("特定医療費（指定難病）支給認定申請書", []),
        ("法務局の人権相談窓口及びアイヌ総合相談窓口を案内した。相談者の萱沼 りえさん", []),
    ],
)
def test_kinds_of_institutions(text, expected):
    assert [g for g in found(text) if g[1] != "PERSON"] == expected
