"""Ages: what the scanner reports and what it leaves alone."""

import pytest
from hogo.scanner.tests.helpers import found_by_label, found_with_officials, private_by_label


@pytest.mark.parametrize(
    "text, expected",
    [
        ("元職員の前田（47）が逮捕された。", [("47", "AGE")]),
        ("上記（１）の申請書類について確認した。", []),
        ("報告（３）に入ります。", []),
    ],
)
def test_bracketed_number_is_an_age_only_after_a_name(text, expected):
    assert found_by_label(text, "AGE") == expected


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
    assert [t for t, label in found_by_label(text, "AGE")] == ages


@pytest.mark.parametrize(
    "text, expected",
    [
        ("相談者：石田 彩（いしだ あや）　32歳", ("32歳", "AGE")),
        ("生年月日：大正１５年６月１日　98歳", ("98歳", "AGE")),
    ],
)
def test_real_people_keep_their_ages_and_facts(text, expected):
    assert expected in found_with_officials(text)


@pytest.mark.parametrize(
    "text",
    [
        # Placeholders are not persons (issue 4), and neither their ages, their
        # family nor the facts about them identify anyone.
        "相談者（Ａさん）は、元交際相手からのストーカー行為に悩んでいる。",
        "ケアマネジャーが相談者Ｃ（60代男性）のアルコール依存症に関する記録を紛失した。",
        "本人　Ｂ氏（７０代、女性）\n状況　知的障害があり、グループホームに入所中。母親（９０代）が入院したため",
        "事例\n　Ａさん（８０代女性）は認知症があり、息子Ｂさん（５０代）と二人暮らし。",
        "３　当事者　利用者Ａ（４０代、男性、知的障害・てんかん）、支援員Ｂ",
    ],
)
def test_anonymised_people_and_their_families_are_not_reported(text):
    assert found_by_label(text) == []


def test_a_real_person_next_to_a_placeholder_is_still_reported():
    text = "職員Ａが、山田 花子さん（８２歳）の母親の介護記録を誤って送付した。山田さんは認知症がある。"
    found = found_by_label(text)
    assert ("８２歳", "AGE") in found and ("認知症", "MEDICAL") in found


@pytest.mark.parametrize(
    "text, ages",
    [
        # a household's members, not a count of cases
        ("相談者　山田 花子\n子ども２人（7歳・4歳）と同居。", ["7歳", "4歳"]),
        ("ご家族４名（ご夫婦と、10歳・6歳のお子様）でのご来場", ["10歳", "6歳"]),
        ("吉川 ふささんは、このたび満１００歳を迎えられました", ["満１００歳"]),
    ],
)
def test_ages_of_family_members_and_centenarians(text, ages):
    assert [t for t, label in found_by_label(text, "AGE")] == ages


def test_an_age_band_heading_is_not_an_age():
    assert found_by_label("年齢３区分別人口の推移\n区分　令和３年　令和５年", "AGE") == []


@pytest.mark.parametrize(
    "text",
    [
        "利用者の状況\n　平均年齢　８７．２歳（最年少６８歳、最高齢１０３歳）",
        "現在５８人で、平均年齢は６６．８歳と高齢化が進んでいます。",
    ],
)
def test_averages_and_extremes_of_a_group_are_not_ages(text):
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("島在住の鈴木 正三さん（大正13年生まれ）を訪問した。", ["大正13年"]),
        ("請求者　中村 敏彦様（大池町五丁目）、1958年生", ["1958年"]),
        ("昭和30年生まれ以前の方は対象外です。", []),
        ("平成元年生まれの人が多い職場です。", []),
    ],
)
def test_a_year_of_birth_alone(text, expected):
    assert [t for t, label in found_by_label(text) if label == "BIRTH_DATE"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "年齢５歳階級別人口（抜粋）\n年齢\t男\t女\t計\n",
        "世帯の例と所得の基準額（目安）\n５人世帯（祖母７０歳、父４５歳、母４３歳、子１４歳・１１歳）\u3000約３４０万円\n",
        "【相談事例】\n・８０歳代の男性。認知症の診断を受けている父が高額な契約をしていたと、息子から相談。\n",
    ],
)
def test_age_bands_model_households_and_anonymised_cases(text):
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "乳幼児健診\n　対象：4か月児（令和6年7月生まれ）、1歳6か月児（令和5年5月生まれ）\n",
        "ワクチン\t接種時期\t回数\n麻しん風しん（MR）\t1歳、年長児\t2回\n水痘\t1歳〜1歳3か月\t2回\n",
        "　夫婦（30代）と子1人（4歳）の世帯\u3000約158,600円\n",
        "令和５年度は23人が申請しました（平均年齢81.6歳、最年少は67歳）。",
    ],
)
def test_cohorts_schedules_and_examples_are_not_anyones_age(text):
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "・結核\u30003件\u3000年齢：60歳代1、80歳代2\n・腸管出血性大腸菌感染症\u30002件\u3000年齢：10歳未満1、30歳代1\n",
        "児童（18歳到達後最初の3月31日までの児童）\n",
    ],
)
def test_counts_by_age_band_and_legal_age_limits(text):
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("夫は脳梗塞の後遺症があり、妻（86）と二人暮らしである。", "86"),
        ("14時訪問。世帯主（58）在宅。", "58"),
    ],
)
def test_a_bare_age_after_a_kinship_word_or_role(text, expected):
    assert (expected, "AGE") in found_by_label(text)


@pytest.mark.parametrize(
    "text",
    [
        "対象\u3000国民健康保険に加入している方（昭和26年4月1日〜昭和61年3月31日生まれ）\n",
        "■二十歳のつどい\n\u3000対象\u3000平成16年4月2日〜平成17年4月1日生まれの方\n",
    ],
)
def test_ranges_of_birth_dates_say_who_a_service_is_for(text):
    assert private_by_label(text) == []
