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
