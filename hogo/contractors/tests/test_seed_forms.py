"""The seed's forms (資料2, 資料6/7, 第2号様式) rebuilt from ``seed_forms`` and read back; the checklist and follow-up rules.

The oracles are lines of seed 004 as its text has them (spaces and line breaks of
the PDF extraction removed), never the output of the code under test.
"""

import io
import re

import pytest
from openpyxl import load_workbook

from hogo.contractors import documents, seed_forms
from hogo.contractors.seed_forms import NO, NOT_APPLICABLE, NG, OK, YES, checklist_problems, follow_up_steps
from hogo.incidents.documents import docx_text

# Seed 004, 資料2 (each line as printed in the seed).
CHECKLIST_LINES = [
    "個人情報の取扱いの委託に係るチェックリスト",
    "当該委託において，個人情報を取り扱いますか。",
    "個人情報の取扱いに係る業務を派遣労働者によって行わせる場合は，契約書に秘密保持義務等個人情報の取扱いに関する事項を明記していますか。",
    "取扱いを委託する個人情報の範囲は，委託する業務内容に照らして必要最小限ですか。",
    "漏えい等による被害発生のリスクを低減する観点から，提供先の利用目的，委託する業務の内容，保有個人情報の秘匿性等その内容などを考慮し，必要に応じ，特定の個人を識別することができる記載の全部又は一部を削除し，又は別の記号等に置き換える等の措置を講じてください。",
    "契約した業務を開始する前に，委託先から「個人情報の取扱いに関する管理体制等報告書（第２号様式）又は準ずる書面」を提出させ，特記仕様書に明記した事項を遵守する体制が整っていることを確認してください。",
    "委託先の選定に当たっては，「個人情報の取扱いに関する特記仕様書」を使用し，個人情報の適切な管理を行う能力を有しない者を選定することがないようにしていますか。",
    "契約した業務の履行期間中に，委託先における特記仕様書に明記した事項を遵守状況について「個人情報の取扱いに係る安全管理措置の遵守状況検査書」を活用した実地検査又は書面検査にて確認してください。",
    "□はい", "□いいえ", "□該当なし", "確認印", "部署コード", "電話番号", "担当者氏名", "部署名", "案件名",
]
# Seed 004, 資料6/7: items 3–10 and the item labels as printed.
INSPECTION_LINES = [
    "委託者の指示又は承諾がある場合を除き，業務に関して知り得た個人情報を業務の目的以外の目的のために利用し，又は第三者に提供していないか",
    "委託者から事前に承諾を得ることなく再委託を行っていないか",
    "委託者の指示又は承諾を得ることなく業務において取り扱う個人情報を複製し，又は当該個人情報が記録された資料を複写していないか",
    "個人情報の漏えい，滅失，改ざん及び毀損防止その他個人情報の適切な管理のために必要な措置が講じられているか",
    "事故発生時の報告について個人情報の取扱いに関する特記仕様書に沿って適切に行われる体制となっているか",
    "個人情報の消去等について個人情報の取扱いに関する特記仕様書に沿って適切に行われる体制となっているか",
    "従業者に対する教育について個人情報の取扱いに関する特記仕様書に沿って適切に行われているか",
    "責任者及び業務従事者の管理体制及び実施体制に関して，個人情報の取扱いに関する特記仕様書（様式２）にて報告している内容と相違はないか",
    "個人情報の目的外利用及び第三者への提供の禁止", "再委託の制限等", "複製等の禁止", "漏えい，滅失等の防止",
    "事故発生時の報告義務", "個人情報の消去等", "従業者に対する監督・教育", "責任者及び業務従事者の管理体制等の報告",
    "契約件名", "受託者", "点検項目", "点検事項", "実施状況", "備考", "適・否", "受託者検査対応者",
]
ON_SITE_LINES = ["個人情報の取扱いに係る安全管理措置の遵守状況検査書(実地検査）", "検査実施日", "補職名", "職員名"]
DOCUMENT_LINES = ["個人情報の取扱いに係る安全管理措置の遵守状況検査書(書面検査）", "報告日", "上記のとおり報告します。"]
REPORT_LINES = [
    "第２号様式（第１２条）", "個人情報の取扱いに係る管理体制等報告書（新規／変更）",
    "次の契約における個人情報の取扱いに係る管理体制等について，以下のとおり報告します。",
    "１契約件名", "２個人情報の管理体制に関する事項", "３個人情報の保管，管理等に関する事項",
    "管理者区分", "部署名", "役職名", "氏名", "業務責任者", "業務従事者", "□有（写しを添付してください）", "□無",
    "※記入欄に収まりきらない場合は，別紙を添付してください。",
]


def flat(text):
    return re.sub(r"\s+", "", text)


def assert_all_in(lines, text):
    missing = [line for line in lines if flat(line) not in flat(text)]
    assert not missing, missing


def test_it_rebuilds_the_blank_checklist_of_the_seed():
    text = docx_text(documents.docx(documents.checklist_blocks()))
    assert_all_in(CHECKLIST_LINES, text)
    assert len(seed_forms.CHECKLIST_QUESTIONS) == 7


@pytest.mark.parametrize("kind, own_lines", [("on_site", ON_SITE_LINES), ("document", DOCUMENT_LINES)])
def test_it_rebuilds_the_blank_inspection_forms_of_the_seed(kind, own_lines):
    text = docx_text(documents.docx(documents.inspection_blocks(kind)))
    assert_all_in(INSPECTION_LINES + own_lines, text)
    assert len(seed_forms.INSPECTION_ITEMS) == 10
    sheet = load_workbook(io.BytesIO(documents.inspection_xlsx(kind))).active
    cells = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell)
    assert_all_in(INSPECTION_LINES[:8] + [own_lines[0]], cells)


def test_it_rebuilds_the_blank_management_report_of_the_seed():
    assert_all_in(REPORT_LINES, docx_text(documents.docx(documents.management_report_blocks())))


def test_it_ties_each_inspection_item_to_its_special_clause():
    # 資料4: 第4条 目的外利用, 第5条 再委託, 第7条 複製, 第8条 漏えい防止, 第9条 事故報告, 第10条 消去, 第11条 教育, 第12条 体制報告
    assert [item.clause for item in seed_forms.INSPECTION_ITEMS[2:]] == [4, 5, 7, 8, 9, 10, 11, 12]


ALL_YES = {number: YES for number in range(1, 8)}

CHECKLIST_CASES = [
    ({}, ["№1（個人情報を取り扱うか）に回答してください。"], "nothing answered"),
    ({1: NO}, [], "question 1 「いいえ」 ends the list (⇒終了)"),
    (ALL_YES, [], "every box ticked"),
    ({**ALL_YES, 3: NOT_APPLICABLE}, [], "question 3 allows 「該当なし」 (no dispatched workers)"),
    ({**ALL_YES, 2: NOT_APPLICABLE}, ["№2 が未確認です（「はい」で回答します）。"], "only question 3 has 「該当なし」"),
    ({**ALL_YES, 5: NO}, ["№5 が未確認です（「はい」で回答します）。"], "question 5 has only 「はい」"),
    ({1: YES}, [f"№{n} が未確認です（「はい」で回答します）。" if n != 3 else
                "№3 が未確認です（「はい」・「該当なし」で回答します）。" for n in range(2, 8)],
     "question 1 「はい」 leads on to №2–7"),
]


@pytest.mark.parametrize("answers, problems, reason", CHECKLIST_CASES, ids=[case[-1] for case in CHECKLIST_CASES])
def test_it_checks_the_checklist_with_its_branching(answers, problems, reason):
    assert checklist_problems(answers) == problems, reason


ALL_OK = {number: OK for number in range(1, 11)}
FOLLOW_UP_CASES = [
    (ALL_OK, (None, None, None), ["検査結果の委託先への通知"], "all 適: the result is still to be notified (5(2))"),
    (ALL_OK, ("2025-11-20", None, None), [], "all 適 and notified: closed"),
    ({**ALL_OK, 6: NG}, ("2025-11-20", None, None), ["改善報告書の提出依頼", "改善報告書の受領"],
     "one 否: an improvement report is requested and received"),
    ({**ALL_OK, 6: NG}, ("2025-11-20", "2025-11-21", None), ["改善報告書の受領"], "requested, not yet received"),
    ({**ALL_OK, 6: NG}, ("2025-11-20", "2025-11-21", "2025-12-10"), [], "report received: closed"),
    ({1: OK}, ("2025-11-20", None, None), ["点検項目の記入（№2・3・4・5・6・7・8・9・10）"], "items left blank"),
]


@pytest.mark.parametrize("results, dates, steps, reason", FOLLOW_UP_CASES, ids=[case[-1] for case in FOLLOW_UP_CASES])
def test_it_follows_an_inspection_up_until_closed(results, dates, steps, reason):
    notified, requested, received = dates
    assert follow_up_steps(results, notified_on=notified, improvement_requested_on=requested,
                           improvement_received_on=received) == steps, reason
