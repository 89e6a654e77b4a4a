"""The seed's forms, declared once (seed 004, 議題3, 資料2, 資料6, 資料7, 第2号様式).

Plain Python: no Django. The web forms, the .docx/.xlsx documents and the import
of a contractor's filled-in sheet are all built from these declarations, so the
wording printed for the contractor is the wording the records are checked against.

Two reconstructions, both explained in docs/contractors.md:
- The PDF text of 資料2 lists the questions out of their table order. Question 3 is
  the one with 「該当なし」 on the form, which only fits the 派遣労働者 question, and
  the remaining questions follow the order of the standard's own summary table
  (選定 → チェックリスト → 第2号様式 → 検査).
- The seed's text of 資料6/7 lost rows 1 and 2 at a page break; they are the
  special clauses 第2条 (個人情報の項目) and 第3条 (秘密の保持) worded like rows 3–10,
  each of which restates one clause (第4条, 第5条, 第7条–第12条).
"""

from dataclasses import dataclass

YES, NO, NOT_APPLICABLE = "yes", "no", "not_applicable"
ANSWER_LABELS = {YES: "はい", NO: "いいえ", NOT_APPLICABLE: "該当なし"}


@dataclass(frozen=True)
class Question:
    number: int
    text: str
    answers: tuple  # the boxes printed on the form
    note: str = ""  # the arrows printed beside the boxes


CHECKLIST_TITLE = "個人情報の取扱いの委託に係るチェックリスト"
CHECKLIST_HEADER = ("部署コード", "部署名", "電話番号", "所属長氏名", "担当者氏名", "案件名")
CHECKLIST_STAMP = "確認印"
CHECKLIST_QUESTIONS = (
    Question(1, "当該委託において，個人情報を取り扱いますか。", (YES, NO), "はい⇒№２ヘ／いいえ⇒終了"),
    Question(2, "取扱いを委託する個人情報の範囲は，委託する業務内容に照らして必要最小限ですか。", (YES,)),
    Question(3, "個人情報の取扱いに係る業務を派遣労働者によって行わせる場合は，契約書に秘密保持義務等"
                "個人情報の取扱いに関する事項を明記していますか。", (YES, NOT_APPLICABLE)),
    Question(4, "漏えい等による被害発生のリスクを低減する観点から，提供先の利用目的，委託する業務の内容，"
                "保有個人情報の秘匿性等その内容などを考慮し，必要に応じ，特定の個人を識別することができる"
                "記載の全部又は一部を削除し，又は別の記号等に置き換える等の措置を講じてください。", (YES,)),
    Question(5, "委託先の選定に当たっては，「個人情報の取扱いに関する特記仕様書」を使用し，個人情報の適切な"
                "管理を行う能力を有しない者を選定することがないようにしていますか。", (YES,)),
    Question(6, "契約した業務を開始する前に，委託先から「個人情報の取扱いに関する管理体制等報告書（第２号様式）"
                "又は準ずる書面」を提出させ，特記仕様書に明記した事項を遵守する体制が整っていることを確認して"
                "ください。", (YES,)),
    Question(7, "契約した業務の履行期間中に，委託先における特記仕様書に明記した事項を遵守状況について"
                "「個人情報の取扱いに係る安全管理措置の遵守状況検査書」を活用した実地検査又は書面検査にて"
                "確認してください。", (YES,)),
)


@dataclass(frozen=True)
class InspectionItem:
    number: int
    label: str   # 点検項目
    text: str    # 点検事項
    clause: int  # the special clause (特記仕様書 第N条) the item checks


OK, NG = "ok", "ng"
RESULT_LABELS = {OK: "適", NG: "否"}

INSPECTION_ITEMS = (
    InspectionItem(1, "個人情報の項目", "取扱い個人情報一覧（第１号様式）に記載された項目以外の個人情報を"
                   "取り扱っていないか", 2),
    InspectionItem(2, "秘密の保持", "業務の履行により直接又は間接に知り得た個人情報を第三者に漏らしていないか", 3),
    InspectionItem(3, "個人情報の目的外利用及び第三者への提供の禁止",
                   "委託者の指示又は承諾がある場合を除き，業務に関して知り得た個人情報を業務の目的以外の目的のために"
                   "利用し，又は第三者に提供していないか", 4),
    InspectionItem(4, "再委託の制限等", "委託者から事前に承諾を得ることなく再委託を行っていないか", 5),
    InspectionItem(5, "複製等の禁止", "委託者の指示又は承諾を得ることなく業務において取り扱う個人情報を複製し，"
                   "又は当該個人情報が記録された資料を複写していないか", 7),
    InspectionItem(6, "漏えい，滅失等の防止", "個人情報の漏えい，滅失，改ざん及び毀損防止その他個人情報の適切な"
                   "管理のために必要な措置が講じられているか", 8),
    InspectionItem(7, "事故発生時の報告義務", "事故発生時の報告について個人情報の取扱いに関する特記仕様書に沿って"
                   "適切に行われる体制となっているか", 9),
    InspectionItem(8, "個人情報の消去等", "個人情報の消去等について個人情報の取扱いに関する特記仕様書に沿って"
                   "適切に行われる体制となっているか", 10),
    InspectionItem(9, "従業者に対する監督・教育", "従業者に対する教育について個人情報の取扱いに関する特記仕様書に"
                   "沿って適切に行われているか", 11),
    InspectionItem(10, "責任者及び業務従事者の管理体制等の報告", "責任者及び業務従事者の管理体制及び実施体制に関して，"
                   "個人情報の取扱いに関する特記仕様書（様式２）にて報告している内容と相違はないか", 12),
)

INSPECTION_TITLES = {
    "on_site": "個人情報の取扱いに係る安全管理措置の遵守状況検査書(実地検査）",
    "document": "個人情報の取扱いに係る安全管理措置の遵守状況検査書(書面検査）",
}
INSPECTION_COLUMNS = ("№", "点検項目", "点検事項", "実施状況", "備考")
INSPECTION_DATE_LABELS = {"on_site": "検査実施日", "document": "報告日"}
RESPONDENT_FIELDS = ("部署名", "職位名", "担当者名")        # 受託者検査対応者
INSPECTOR_FIELDS = ("部署名", "補職名", "職員名")           # 検査実施者 (on-site only)

MANAGEMENT_REPORT_TITLE = "個人情報の取扱いに係る管理体制等報告書"
MANAGEMENT_REPORT_SECTIONS = ("１ 契約件名", "２ 個人情報の管理体制に関する事項", "３ 個人情報の保管，管理等に関する事項")
MANAGEMENT_STAFF_COLUMNS = ("管理者区分", "部署名", "役職名", "氏名")
MANAGEMENT_ROLES = {"responsible": "業務責任者", "staff": "業務従事者"}
MANAGEMENT_PLACES = ("作業場所（住所）", "管理場所（具体的に記載）", "個人情報等の取扱規程")


def checklist_problems(answers):
    """What keeps a checklist from being complete, in Japanese; [] when it may be approved.

    ``answers`` maps question numbers (int) to yes / no / not_applicable. Question 1
    「いいえ」 ends the list (no personal information: nothing else is asked).
    Every other question must be answered with a box printed for it; the boxes
    are 「はい」 (or 「該当なし」 for question 3), so an unticked one is a gap.
    """
    first = answers.get(1)
    if first not in (YES, NO):
        return ["№1（個人情報を取り扱うか）に回答してください。"]
    if first == NO:
        return []
    problems = []
    for question in CHECKLIST_QUESTIONS[1:]:
        answer = answers.get(question.number)
        if answer not in question.answers:
            allowed = "・".join(f"「{ANSWER_LABELS[item]}」" for item in question.answers)
            problems.append(f"№{question.number} が未確認です（{allowed}で回答します）。")
    return problems


def follow_up_steps(results, *, notified_on, improvement_requested_on, improvement_received_on):
    """What an inspection still needs before it is closed (資料3 5(2)), in order; [] when closed.

    The result is notified to the contractor; when any item is 否, an improvement
    report is requested and received.
    """
    steps = []
    missing = [item.number for item in INSPECTION_ITEMS if results.get(item.number) not in (OK, NG)]
    if missing:
        steps.append("点検項目の記入（№" + "・".join(str(number) for number in missing) + "）")
    if notified_on is None:
        steps.append("検査結果の委託先への通知")
    if any(results.get(item.number) == NG for item in INSPECTION_ITEMS):
        if improvement_requested_on is None:
            steps.append("改善報告書の提出依頼")
        if improvement_received_on is None:
            steps.append("改善報告書の受領")
    return steps
