import pytest

from hogo.scanner import analyze


def labels(text):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if f.sensitive]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("母は糖尿病で通院しています。", [("糖尿病", "MEDICAL")]),
        ("息子は自閉症スペクトラム障害と診断された。", [("自閉症スペクトラム障害", "DISABILITY")]),
        ("娘は障害があります。", [("障害", "DISABILITY")]),
        ("相談者は夫からの暴力を受けている。", [("夫からの暴力", "DV")]),
        ("鈴木一郎容疑者は窃盗の疑いで逮捕された。", [("窃盗", "CRIMINAL"), ("逮捕", "CRIMINAL")]),
        ("陳さん（中国籍）の相談", [("中国籍", "NATIONALITY")]),
        ("私は在日韓国人三世です。", [("在日韓国人", "ETHNICITY")]),
        ("石田さんが創価学会の会員であることを話した。", [("創価学会", "BELIEF")]),
        ("区民の山田さんはうつ病で休職中である。", [("うつ病", "MEDICAL")]),
        ("既往：糖尿病、高血圧", [("糖尿病", "MEDICAL"), ("高血圧", "MEDICAL")]),
        ("母は奥沢に住んでいます。昨年から人工透析を受けています。", [("人工透析", "MEDICAL")]),
    ],
)
def test_it_reports_sensitive_facts_about_a_person(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "認知症の方への支援を充実させます。",
        "障害のある子どもの教育を推進する。",
        "ＤＶ防止法に基づく相談件数は120件であった。",
        "糖尿病や高血圧などの生活習慣病を予防する。",
        "身体障害者手帳をお持ちの方は利用料が免除になります。",
        "外国籍の区民に向けて多言語で発信する。",
        "私は、がん検診の受診率向上に賛成です。",
        "個人情報の項目：氏名、住所、病歴、障害の有無。",
        "私の意見です。特別支援学級を増やしてください。",
        "ＤＶＤを貸し出します。",
        # an anonymised placeholder is nobody in particular (issue 4)
        "区民Ａはうつ病で休職中である。",
        "みんなでがんばりましょう。",
    ],
)
def test_it_ignores_general_use(text):
    assert labels(text) == []
