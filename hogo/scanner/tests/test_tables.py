"""Rosters and lists: cells are read by their column header."""

from hogo.scanner import analyze
from hogo.scanner.tests.helpers import found_by_label, private_by_label

CSV_ROSTER = (
    "防災訓練　参加者名簿（第３地区）\n\n"
    "No,氏名,生年月日,住所,電話\n"
    "1,浅野 光男,S22.4.5,緑が丘1-3-7,048-263-5512\n"
    "2,吉川 大輔,H8.1.17,緑が丘2-11-4-305,070-3358-0921\n"
    "※名簿は自主防災会長が保管する。"
)
SPACED_ROSTER = (
    "ボランティア参加者名簿（内部用）\n\n"
    "No.　氏名　　　　　　　年齢　連絡先　　　　　　　担当\n"
    "１　立花 るみ子　　　６８　03-3706-2291　　受付\n"
    "２　ゴメス・アナ　　　３２　080-6510-3372　多言語案内\n"
    "３　野上 さくら　　　２１　n.sakura@example.com　子ども広場\n"
    "\n集合　８月２日（土）１５時"
)


def test_a_csv_roster_gives_names_and_birth_dates_by_column():
    found = found_by_label(CSV_ROSTER)
    assert ("浅野 光男", "PERSON") in found and ("吉川 大輔", "PERSON") in found
    assert ("S22.4.5", "BIRTH_DATE") in found and ("H8.1.17", "BIRTH_DATE") in found


def test_a_roster_laid_out_with_spaces_gives_unknown_names_and_bare_ages():
    found = found_by_label(SPACED_ROSTER)
    for name in ("立花 るみ子", "ゴメス・アナ", "野上 さくら"):
        assert (name, "PERSON") in found
    assert [t for t, label in found if label == "AGE"] == ["６８", "３２", "２１"]


def test_rows_end_at_a_blank_line():
    # 「８月２日」 after the blank line is not a row of the roster.
    assert all(f.start < SPACED_ROSTER.index("集合") for f in analyze(SPACED_ROSTER))


def test_a_list_with_a_post_column_is_a_list_of_officials():
    text = "委員名簿\n氏名　　所属　　役職\n山田 太郎　　区民委員　　委員長\n鈴木 花子　　公募　　委員\n"
    assert private_by_label(text) == []
    assert [f.official for f in analyze(text)] == [True, True]


def test_a_table_of_counts_is_not_a_roster():
    text = "年齢別の参加者数\n年齢　人数　割合\n６５　１２　３０％\n７０　２８　７０％\n"
    assert found_by_label(text) == []


VOLUNTEER_CSV = (
    "通訳ボランティア登録者名簿\n\n"
    "No.,Name,氏名（カナ）,国籍,住所（町名）,受給者証番号,年齢,連絡先,備考\n"
    "1,Tran Van Duc,チャン　ヴァン　ドゥック,ベトナム,湘南台,1200453016,34,080-6138-2295,\n"
    "2,小池 正男,コイケ マサオ,,本町,,74,,平日夜のみ、土日可\n"
)


def test_every_cell_of_a_csv_roster_is_read_by_its_column():
    found = found_by_label(VOLUNTEER_CSV)
    for expected in (
        ("Tran Van Duc", "PERSON"), ("チャン　ヴァン　ドゥック", "PERSON"), ("ベトナム", "NATIONALITY"),
        ("湘南台", "ADDRESS"), ("1200453016", "ID_NUMBER"), ("34", "AGE"),
        ("小池 正男", "PERSON"), ("コイケ マサオ", "PERSON"), ("本町", "ADDRESS"), ("74", "AGE"),
    ):
        assert expected in found


def test_empty_cells_keep_the_columns_in_line():
    # Row 2 has no nationality and no number: 「本町」 is still the town, 「74」 the age.
    found = found_by_label(VOLUNTEER_CSV)
    assert ("本町", "NATIONALITY") not in found and ("74", "ID_NUMBER") not in found


def test_column_kinds_come_from_the_header():
    from hogo.scanner.recognizers.tables import column_kind

    assert column_kind("氏名（カナ）") == "reading"
    assert column_kind("住所（町名）") == "address"
    assert column_kind("納税義務者氏名") == "name"
    assert column_kind("宛名番号") == "id"
    assert column_kind("電話番号") == "personal" and column_kind("No") is None
    assert column_kind("業者名") == "facility"


def test_a_list_of_firms_is_not_a_roster():
    text = (
        "許可業者一覧\n\n業者名,所在地,電話\n"
        "株式会社世田谷クリーン,世田谷区桜丘五丁目２８番１０号,03-3426-5511\n"
        "有限会社玉川衛生,世田谷区玉川台二丁目９番１８号,03-3700-2108\n"
    )
    assert private_by_label(text) == []


def test_a_form_line_with_a_name_and_its_reading_is_not_a_header():
    text = (
        "児童手当認定請求書\n"
        "氏名　渡部　恭平　　ふりがな　わたなべ　きょうへい\n"
        "生年月日　昭和６２年９月１８日　　性別　男\n"
        "電話番号　025-247-6630\n"
    )
    people = [t for t, label in found_by_label(text) if label == "PERSON"]
    assert people == ["渡部　恭平", "わたなべ　きょうへい"]


def test_numbers_of_requests_and_decisions_are_not_a_persons_number():
    text = "受付番号,児童氏名,生年月日,希望園\nR7-0118,佐藤 蒼,R5.4.2,港町保育園\n"
    found = found_by_label(text)
    assert ("佐藤 蒼", "PERSON") in found and not any(label == "ID_NUMBER" for _, label in found)


def test_a_tab_separated_log_with_a_name_column_is_a_list_of_people():
    text = "日付\t時刻\t学年組\t氏名\t主訴\n11/13\t9:15\t1-1\tレイエス アンジェロ\t気分不良\n"
    assert ("レイエス アンジェロ", "PERSON") in found_by_label(text)


def test_estate_and_room_columns_and_the_holder_column():
    text = "団地名,棟-号室,名義人,滞納月数\n鶴見台団地,B-412,KIM SOYEON,6\n美園団地,3-205,松本 隆之,11\n"
    found = found_by_label(text)
    for expected in (("鶴見台団地", "ADDRESS"), ("B-412", "ADDRESS"), ("KIM SOYEON", "PERSON"), ("松本 隆之", "PERSON")):
        assert expected in found


def test_a_name_and_its_reading_in_one_cell():
    text = "No\t氏名\t国籍\t連絡先\n1\tNGUYEN THI LAN（グエン・ティ・ラン）\tベトナム\t090-9126-3357\n"
    found = found_by_label(text)
    assert ("NGUYEN THI LAN", "PERSON") in found and ("グエン・ティ・ラン", "PERSON") in found


def test_certificate_numbers_with_the_offices_mark_and_kanji_readings():
    text = "No\t氏名\t手帳番号\t年齢\n1\tPark Soo-jin（朴 秀珍）\t垂第 48217 号\t34\n"
    found = found_by_label(text)
    for expected in (("Park Soo-jin", "PERSON"), ("朴 秀珍", "PERSON"), ("垂第 48217 号", "ID_NUMBER"), ("34", "AGE")):
        assert expected in found


def test_a_name_column_headed_in_hiragana():
    text = "No.\tなまえ\t国籍\t連絡先\n1\tTRAN VAN DUC（チャン・バン・ドゥック）\tベトナム\t090-9126-3358\n"
    found = found_by_label(text)
    assert ("TRAN VAN DUC", "PERSON") in found and ("ベトナム", "NATIONALITY") in found
