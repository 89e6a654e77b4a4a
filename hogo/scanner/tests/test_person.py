import pytest

from hogo.scanner import analyze
from hogo.scanner.tests.helpers import found_by_label, private_by_label, found_with_officials, labels_of


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
    assert expected in [s for s, label in found_by_label(text, "PERSON")]


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
    assert found_by_label(text, "PERSON") == []


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
    assert [t for t, label in private_by_label(text, "PERSON")] == names


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
    assert [t for t, label in private_by_label(text, "PERSON")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "事例１：Ａさん（８０歳代、女性、独居）。認知症の進行により金銭管理が難しくなった。",
        "事例２：Ｂさん（７０歳代、男性）。妻を介護していたが、自身もがんが見つかり、老老介護となった。",
        "対象年齢：２０歳、２５歳、３０歳",
    ],
)
def test_case_example_placeholders_are_not_persons(text):
    assert found_with_officials(text) == []


@pytest.mark.parametrize("title", ["座長", "副座長", "会長", "副会長", "委員長", "委員", "部会長"])
def test_roles_in_attendance_lists_are_official(title):
    text = f"出席者：{title} 平井 雅人（大学教授）"
    assert found_with_officials(text) == []
    assert any(label == "PERSON" for _, label in found_with_officials(text, official=True))


def test_a_table_header_is_not_a_name():
    assert found_with_officials("区分　氏名　所属等\n学識経験者　会長　石原 康弘　Ｔ大学教授") == []


def test_a_name_in_a_form_is_still_a_name():
    assert ("石原 康弘", "PERSON") in found_with_officials("氏名　石原 康弘\n所属等　Ｔ大学")


@pytest.mark.parametrize(
    "text",
    [
        "世田谷文学館では特集展示「病と文学」を開催します。晩年を病床で過ごした正岡子規、萩原朔太郎の娘である萩原葉子の随筆も紹介します。",
        "中央図書館で特集展示「徳冨蘆花と粕谷の里」を開催中です（蘆花の初版本を展示）。",
    ],
)
def test_names_in_cultural_notices_are_public_figures(text):
    assert "PERSON" not in labels_of(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # outside a cultural notice a bare full name stays a name
        ("昨日、正岡子規から電話があった。", ("正岡子規", "PERSON")),
        # in a cultural notice a named pupil keeps her honorific and her name
        ("作文コンクールでは村上 さくらさんの作品が最優秀賞に選ばれました。特集展示も開催。", ("村上 さくら", "PERSON")),
    ],
)
def test_names_outside_cultural_context_stay(text, expected):
    assert expected in found_with_officials(text)


@pytest.mark.parametrize(
    "text, name",
    [
        # a form that spaces out every character of the name
        ("請求者\n　氏　名　　山 本　　健 一\n　フリガナ　ヤマモト　ケンイチ", "山 本　　健 一"),
        # a column of a form, the label followed by spaces instead of a colon
        ("来所者　ブラウン ジェームズ\n生年月日　1985年3月2日", "ブラウン ジェームズ"),
        ("児童　ファム・ティ・ラン（１０歳）　区立小学校", "ファム・ティ・ラン"),
        ("　奨学生　イ・ジウ（区立中学校２年）", "イ・ジウ"),
        ("　口座番号０３２８７１６　名義　タカハタ　ミホ\n", "タカハタ　ミホ"),
        # a katakana reading written with a middle dot
        ("相談者　金 英淑（キム・ヨンスク）　７２歳", "キム・ヨンスク"),
        # a name with the town in brackets, at the start of a line
        ("　陳 美玲（太子堂）　外国人住民向けの健康相談の通訳", "陳 美玲"),
        # a numbered row: the given name need not be in the dictionary
        ("１　相川 蒼（保護者　相川 直美）", "相川 蒼"),
        ("１年　林 心春　　アナフィラキシー（ピーナッツ）", "林 心春"),
    ],
)
def test_names_in_form_columns_and_list_rows(text, name):
    assert (name, "PERSON") in found_by_label(text)


@pytest.mark.parametrize(
    "text",
    [
        "部長級\n　総務部長　　　　　　　　　　高野　正典（財務部長）\n退職\n　土木部長　　　　　　　　　　松浦　健一\n",
        "議長　　　加藤　たかし（自由民主党）\n",
    ],
)
def test_a_title_with_a_gap_of_spaces_still_makes_an_official(text):
    found = analyze(text, labels=["PERSON"])
    assert found and all(f.official for f in found)


def test_a_field_label_is_not_a_name():
    assert found_by_label("届出人　氏名　＿＿＿＿＿＿") == []


def test_the_person_a_lecture_is_about_is_a_public_figure():
    text = (
        "伊能忠敬　測量の旅　講演会\n\n"
        "　５５歳から全国の測量を始めた伊能忠敬。晩年は持病に悩まされながらも測量を続けた。"
    )
    assert private_by_label(text) == []


def test_everyone_on_an_attendance_line_is_an_official():
    text = "出席委員　委員長　石橋　雄一、副委員長　森山　和代、委員　岡田　俊夫、須藤　真理、野本　千晶、吉岡　幸男\n"
    found = analyze(text, labels=["PERSON"])
    assert len(found) >= 5 and all(f.official for f in found)


def test_a_members_list_with_a_post_column_makes_every_name_official():
    text = (
        "区分　　　　　　氏名　　　　　　役職等\n"
        "学識経験者　　　森田　恭子　　　千葉経済大学経済学部教授（会長）\n"
        "公募市民　　　　松井　浩二\n"
    )
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("【記入例】住民票の写し等交付申請書\n\n氏名　八王子　太郎\n電話　042-000-0000", []),
        # 「記入例ではありません」 says the opposite
        ("要介護認定申請書（記入例ではありません・受付控）\n氏名：森田 敏子", [("森田 敏子", "PERSON")]),
    ],
)
def test_a_document_titled_as_a_sample(text, expected):
    assert private_by_label(text) == expected


def test_a_caption_before_a_name_with_an_honorific_is_not_a_staff_field():
    assert private_by_label("作成者 山田太郎様") == [("山田太郎", "PERSON")]


def test_a_name_once_established_is_found_again_without_honorific():
    text = (
        "隣の家に住む浅野　武という男性のことで困っています。浅野は夜中に大声で騒ぎます。"
        "どうか浅野に注意してください。長男佐久間 隆（５８歳）とも相談しました。佐久間は市外に住んでいます。"
    )
    people = [t for t, label in found_by_label(text) if label == "PERSON"]
    assert people.count("浅野") == 2 and "佐久間" in people


def test_a_repeated_name_must_stand_alone():
    # 「浅野川」 is a river and 「浅野委員」 someone else in their role.
    text = "申請者　浅野　武\n浅野川の河川敷で転倒した。浅野委員から質問があった。"
    assert private_by_label(text) == [("浅野　武", "PERSON")]


def test_foreign_names_in_qualified_name_fields():
    text = (
        "転入届\n"
        "氏名（在留カード表記）　NGUYEN THI THANH HUONG\n"
        "カナ　グエン　ティ　タイン　フオン\n"
        "国籍・地域　ベトナム\n"
    )
    found = found_by_label(text)
    assert ("NGUYEN THI THANH HUONG", "PERSON") in found
    assert ("グエン　ティ　タイン　フオン", "PERSON") in found
    assert ("ベトナム", "NATIONALITY") in found


def test_a_name_field_left_blank_or_sample_is_not_a_name():
    assert private_by_label("氏名（アルファベット）　\nカナ　（　　　　）\n") == []


def test_an_attendance_line_carried_on_indented_lines_is_all_officials():
    text = (
        "出席委員：（被保険者代表）田辺 清、山内 みどり\n"
        "　　　　　（保険医・保険薬剤師代表）松浦 恵一、加納 真由美、福田 章\n"
        "　　　　　（被用者保険等保険者代表）石原 誠\n"
    )
    assert private_by_label(text) == []


def test_a_post_in_the_representative_field_is_not_a_name():
    assert private_by_label("事業者名　株式会社東雲設備\n代表者　代表取締役\n") == []


def test_a_blank_form_line_is_not_a_roster_header():
    text = (
        "■申込書の記入欄\n"
        "　保護者氏名　＿＿＿＿＿＿＿＿＿＿　続柄　＿＿＿＿\n"
        "　電話番号（日中連絡のつく番号）　　　（　　　　）\n"
        "　個人番号　□□□□□□□□□□□□\n"
    )
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("相談者氏名　SILVA, Rafael Augusto　（シルバ ラファエル アウグスト）\n", ["SILVA, Rafael Augusto", "シルバ ラファエル アウグスト"]),
        ("受給者　Kim Ji-yeon（キム・ジヨン）\n", ["Kim Ji-yeon", "キム・ジヨン"]),
        ("口座名義（カタカナ）　ハラ ケンジロウ\n", ["ハラ ケンジロウ"]),
        ("担当者　ヤマダ タロウ\n", []),
    ],
)
def test_names_on_a_field_line_whatever_the_field_is_called(text, expected):
    assert [t for t, label in private_by_label(text) if label == "PERSON"] == expected


def test_a_name_the_writer_introduces():
    assert ("川端", "PERSON") in private_by_label("休憩室で、同僚の川端という人物から、からかう発言を受けている。")


@pytest.mark.parametrize(
    "text",
    [
        "出席委員（１２名）　後藤光男（会長）、片桐悦子（副会長）、青山誠、稲垣英雄\n",
        "委員　会長 弁護士 長谷川 亮、委員 大学教授 小島 佳代、委員 社会保険労務士 野田 聡\n",
    ],
)
def test_member_lines_are_officials(text):
    assert private_by_label(text) == []


def test_a_member_speaking_in_the_minutes_may_name_a_resident():
    text = "○委員　先日、区民の方から、上用賀に住む東 菜々子さんという方が、バスの乗車を断られたと聞いた。"
    assert any("菜々子" in t and label == "PERSON" for t, label in private_by_label(text))


def test_a_letter_written_in_english():
    text = (
        "I moved to Ogaki last month with my husband Arjun.\n"
        "I would like to enroll my son Vihaan (7 years old, born 12 May 2017) in a school.\n"
        "Our passport numbers (for your record): mine Z4417382, my son's Z5520916.\n"
        "Best regards,\nPriya\n"
    )
    found = found_by_label(text)
    for expected in (
        ("Arjun", "PERSON"), ("Vihaan", "PERSON"), ("Priya", "PERSON"), ("7 years old", "AGE"),
        ("12 May 2017", "BIRTH_DATE"), ("Z4417382", "ID_NUMBER"), ("Z5520916", "ID_NUMBER"),
    ):
        assert expected in found


def test_english_notices_name_no_one():
    text = "Children aged 6 to 12 years old may join. Best regards,\nOgaki City Office\n"
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "丸亀市監査委員　岡 伸介\n同　　　　　　　十河 由紀子\n",
        "各支所ご担当者様\n\nお疲れ様です。危機管理課の山下です。\n訓練についてご連絡します。",
        "申請日　令和　　年　　月　　日\n氏名　　　　　　　　　　㊞\n住所　丸亀市　　　　　　町　　　　番地\n",
    ],
)
def test_ditto_lines_staff_and_blank_forms_name_no_private_person(text):
    assert private_by_label(text) == []


def test_romaji_names_after_a_kinship_word_with_the_kanji_name():
    text = "家族構成：父 WANG Jun（王 軍）　38歳　水産加工会社勤務\n　　　　母 LI Mei（李 梅）\n"
    people = [t for t, label in private_by_label(text) if label == "PERSON"]
    assert "WANG Jun" in people and "LI Mei" in people


def test_a_foreign_name_field_that_goes_on_after_the_name():
    text = "相談者（被害者）：Emily Carter（エミリー・カーター）　29歳　英語指導助手\n"
    people = [t for t, label in private_by_label(text) if label == "PERSON"]
    assert "Emily Carter" in people and "エミリー・カーター" in people


def test_staff_posts_in_a_personnel_list_are_officials():
    text = "【新規採用】\n総務課主事\u3000\u3000\u3000\u3000小松\u3000悠真\n保健福祉課保健師\u3000山田\u3000彩花\n"
    assert private_by_label(text) == []


def test_the_head_of_a_municipality_addressed_by_post_is_not_a_private_person():
    assert private_by_label("令和６年３月４日\n萩野村長\u3000様\n") == []


def test_a_note_on_the_post_between_title_and_name():
    text = "中北保健所長（医監）\u3000\u3000\u3000樋貝 恵（峡東保健所副所長）\n"
    assert private_by_label(text) == []
    # an age in the bracket belongs to a person in a disciplinary notice, not to a post
    assert ("川島 浩二", "PERSON") in private_by_label("被処分者\u3000市民部\u3000主任（45歳）\u3000川島 浩二\n")


def test_staff_named_with_their_office_and_opinions_signed_by_age_group():
    assert private_by_label("From: 北村 浩（東山区役所 地域力推進室）\nTo: 各課\n") == []
    text = "（２）一人暮らしの高齢者が孤立しないよう、障害のある人も含めて見守りを強化してほしい。（７０歳代・女性）\n"
    assert private_by_label(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("【家族】\n\u3000母\u3000佐野 あゆみ（32）\u3000パート勤務\n\u3000子\u3000ひなた（3歳5か月）、そら（0歳8か月）\n【内容】\n\u3000ひなたの左頬にあざがある。", ["ひなた", "ひなた"]),
        ("世帯主　山田 一郎\n長女美咲（高2）は今月から不登校。", ["美咲"]),
    ],
)
def test_a_relatives_given_name_followed_by_an_age_or_school_year(text, expected):
    people = [t for t, label in private_by_label(text) if label == "PERSON"]
    assert all(people.count(name) >= expected.count(name) for name in expected)


def test_honorifics_and_kinship_words_are_not_given_names():
    people = [t for t, label in private_by_label("浜口 ヨシ子さん（91）と母親（60代）が来所した。") if label == "PERSON"]
    assert "さん" not in people and "親" not in people


def test_staff_signatures_and_residents_association_posts():
    text = "From: 生活環境課 環境保全係 佐伯\nTo: 生活衛生課\n\n生活環境課 環境保全係\n佐伯 隆\nTEL 046-260-5521（内線3417）\n"
    assert private_by_label(text) == []
    roster = "さくら台自治会 役員名簿\n\n役職\t氏名\t班\t連絡先\n会長\t田辺 義男\t3班\t046-272-1185\n"
    assert ("田辺 義男", "PERSON") in private_by_label(roster)
