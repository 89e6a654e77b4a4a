from hogo.scanner import Analyzer, Finding, RecognizerRegistry, analyze
from hogo.scanner.analyzer import merge_overlaps
from hogo.scanner.recognizers import Pattern, PatternRecognizer

# The 373 case: a relative's given name only, the town name only, an illness
# and a disability in a published public comment.
CASE_373 = "意見：私の姪の花子（奥沢在住）は、幼い頃から喘息の持病があり、知的障害もあります。"


def test_it_finds_everything_in_the_373_case():
    found = {(CASE_373[f.start : f.end], f.label) for f in analyze(CASE_373)}
    assert found == {("花子", "PERSON"), ("奥沢", "ADDRESS"), ("喘息", "MEDICAL"), ("知的障害", "DISABILITY")}


def test_it_returns_offsets_into_the_original_text():
    text = "ＴＥＬ：０３－１２３４－５６７８（山田太郎様）"
    for f in analyze(text):
        assert f.end > f.start
    spans = {text[f.start : f.end] for f in analyze(text)}
    assert spans == {"０３－１２３４－５６７８", "山田太郎"}


def test_it_explains_each_finding():
    (finding,) = analyze("山田太郎様")
    assert isinstance(finding, Finding)
    assert finding.reason and 0 < finding.score <= 1


def test_it_applies_the_allow_list_last():
    text = "区役所 電話 03-5432-1111。自宅 03-3333-4444。住所：東京都世田谷区世田谷四丁目21番27号"
    allow = ("03-5432-1111", "東京都世田谷区世田谷4-21-27", "世田谷区世田谷四丁目21番27号")
    found = [text[f.start : f.end] for f in analyze(text, allow_list=allow)]
    assert found == ["03-3333-4444"]


def test_it_merges_overlaps_keeping_the_best():
    a = Finding(0, 10, "PHONE", 0.9, "")
    b = Finding(2, 5, "AGE", 0.5, "")
    c = Finding(12, 14, "AGE", 0.6, "")
    assert merge_overlaps([b, a, c]) == [a, c]


def test_it_filters_by_label():
    text = "山田太郎様 電話03-1234-5678"
    assert {f.label for f in analyze(text, labels=["PHONE"])} == {"PHONE"}


def test_it_accepts_a_custom_recognizer():
    class StaffCode(PatternRecognizer):
        name = "staff_code"
        label = "ID_NUMBER"
        PATTERNS = (Pattern("staff", r"STF-[0-9]{5}", 0.9),)

    analyzer = Analyzer(registry=RecognizerRegistry([StaffCode()]))
    (finding,) = analyzer.analyze("職員コード STF-12345")
    assert (finding.label, finding.recognizer) == ("ID_NUMBER", "staff_code")


def test_it_handles_empty_and_long_text():
    assert analyze("") == []
    long_text = ("本日の会議では予算について議論した。\n" * 3000) + "山田太郎様"
    found = analyze(long_text)
    assert [long_text[f.start : f.end] for f in found] == ["山田太郎"]
