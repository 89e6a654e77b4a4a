import pytest

from hogo.scanner import analyze


def persons(text):
    return [(text[f.start : f.end], f.official) for f in analyze(text, labels=["PERSON"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("山田太郎様からの申請", [("山田太郎", False)]),
        ("鈴木さんが来庁した", [("鈴木", False)]),
        ("氏名：佐藤花子", [("佐藤花子", False)]),
        ("母・花子は", [("花子", False)]),
        ("ヤマダ タロウ様", [("ヤマダ タロウ", False)]),
        ("参加者 Taro Yamada さん", [("Taro Yamada", False)]),
        ("口座名義　スズキ イチロウ", [("スズキ イチロウ", False)]),
        ("利用者松本様", [("松本", False)]),
    ],
)
def test_it_finds_private_persons(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("区長 保坂展人", [("保坂展人", True)]),
        ("（岡本委員）質問します", [("岡本", True)]),
        ("田中一郎区長は", [("田中一郎", True)]),
        ("委員 小泉、吉田、菊地", [("小泉", True), ("吉田", True), ("菊地", True)]),
    ],
)
def test_it_marks_officials_in_their_role(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "区民Ａから苦情があり、職員Ｂが対応した。",
        "Ａ氏はＢ社の社員である。",
        "Ａさんの申請",
        "保育士Ｃが撮影した",
        "郵便で送付したが，内一通が戻った",
        "せたがやインクルーシブ教育ガイドライン",
    ],
)
def test_it_does_not_report_placeholders_or_words(text):
    assert persons(text) == []
