"""Statistics context: what the scanner reports and what it leaves alone."""

import pytest
from hogo.scanner import analyze
from hogo.scanner.analyzer import in_sample
from hogo.scanner.documents import scan_file
from hogo.scanner.finding import Finding
from hogo.scanner.tests.helpers import private_by_label, found_with_officials


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
    "text, sample",
    [("記入例　氏名：世田谷　太郎", True), ("（例）山田花子", True), ("氏名：山田花子", False), ("例えば山田花子", False)],
)
def test_sample_lines(text, sample):
    name_at = text.index("花子") if "花子" in text else text.index("太郎")
    assert in_sample(text, Finding(name_at, name_at + 2, "PERSON", 0.9, "")) is sample


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
    assert private_by_label(text, label) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("No.8　受付：5月12日（市内・50代・女性）\n【要旨】高齢の親が認知症になり、通院の付き添いが増えた。", []),
        ("受講者Ａ（70歳代男性）が気分不良を訴えた。", []),
        ("相談者は40代の女性。", []),
        # a decade with a sensitive fact, a name or a contact detail counts
        ("相談者（60代男性）のアルコール依存症に関する記録を紛失した。", [("60代", "AGE"), ("アルコール依存症", "MEDICAL")]),
        ("山田 太郎さん（70代）から電話があった。", [("山田 太郎", "PERSON"), ("70代", "AGE")]),
        ("母（85歳）は", [("85歳", "AGE")]),
    ],
)
def test_weak_only_documents(text, expected):
    assert private_by_label(text) == expected


def test_weak_only_findings_still_reach_the_report(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("受講者（70歳代男性）が気分不良を訴えた。\n", encoding="utf-8")
    report = scan_file(path)
    assert report.verdict == "要確認"
    assert [f.label for f in analyze("受講者（70歳代男性）", keep_weak=True)] == ["AGE"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("母は自閉症と診断され、通級指導教室（自閉症・情緒障害）に通う。", [("自閉症", "DISABILITY")]),
        ("特定医療費（指定難病）支給認定申請書", []),
        ("法務局の人権相談窓口及びアイヌ総合相談窓口を案内した。相談者の萱沼 りえさん", []),
    ],
)
def test_kinds_of_institutions(text, expected):
    assert [g for g in private_by_label(text) if g[1] != "PERSON"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "東京保護観察所、世田谷区保護司会、区内協力雇用主が参加した。\n（保護司会）区内の保護観察対象者は減少している。",
        "外国籍の相談者は全体の約７％で、在留資格に関する不安を抱える人が多い。",
    ],
)
def test_organisations_and_statistics_are_not_about_a_person(text):
    assert found_with_officials(text) == []
