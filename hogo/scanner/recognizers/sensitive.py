"""Special-care (要配慮) categories: MEDICAL, DISABILITY, CRIMINAL, BELIEF,
ETHNICITY, NATIONALITY, DV.

Detection is a lexicon lookup (files in ../lexicons/, see docs/scanner.md
for where they come from) plus a word-formation rule for illnesses
(…病・…症・…炎).  The words are common in policy text (「認知症の方への支援」),
so the context step keeps a finding only when it is tied to a particular
person in the same or the previous sentence: a detected person or age, a
kinship or first-person word (母・息子・私), or a placeholder (区民Ａ・Ａさん).
"""


import re
from functools import lru_cache
from pathlib import Path

from ..finding import Finding
from .base import Recognizer, anonymous_block, counted, statistics_line
from .dates import placeholder_case

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
LEXICON_FILES = {
    "MEDICAL": "medical.txt",
    "DISABILITY": "disability.txt",
    "CRIMINAL": "criminal.txt",
    "BELIEF": "belief.txt",
    "ETHNICITY": "ethnicity.txt",
    "NATIONALITY": "nationality.txt",
    "DV": "dv.txt",
}
# Words so general that they need a person right before them (「娘は障害があり」).
GENERIC_TERMS = {"持病", "障害", "障がい", "障碍", "病気", "難病", "宗教", "信条", "民族", "人種", "感染症", "外国人", "暴行", "詐欺", "容疑"}
# Words that follow from a condition rather than state one (a visit, a
# device, a service, a practice).  Tied to a person like other terms, but
# dropped when a specific term of the same label is in the same window:
# 「妻は難聴で補聴器を使っている」 reports 難聴, 「キリスト教徒で日曜の礼拝」
# reports キリスト教徒, 「ネパール国籍…在留資格の更新」 reports the nationality.
SECONDARY_TERMS = {
    "通院", "服薬", "投薬", "治療", "診察", "受診", "リハビリ", "検査", "闘病", "緩和ケア", "余命", "化学療法",
    "抗がん剤治療", "抗がん剤", "手術", "手術を受け", "入退院", "放射線治療", "物忘れ", "エピペン", "向精神薬", "抗うつ薬", "睡眠薬", "作業所",
    "就労継続支援", "就労移行支援", "放課後等デイサービス", "児童発達支援", "障害者雇用",
    "補聴器", "人工内耳", "白杖", "盲導犬", "車いす", "車椅子", "電動車いす", "義足", "障害年金", "障害支援区分",
    "礼拝", "信仰", "入信", "教会に通", "信者", "信徒", "信仰上の理由", "宗教上の理由", "宗派",
    "在留資格", "外国人", "永住者", "定住者", "特別永住者",
    # a stay, a ward, a school or class that follows from a condition
    "入院", "入院中", "精神科", "心療内科", "通級", "特別支援学級", "特別支援学校",
    # descriptions of what happened, reported only when no DV term names it
    "叩かれ", "たたかれ", "蹴られ", "殴られ", "脅され", "暴言を受け", "暴力を受け", "一時保護",
    # what follows a sentence
    "仮釈放", "更生保護", "保護観察",
    "ハラール", "ラマダン", "ラマダーン", "断食月", "モスク", "シナゴーグ", "外出を禁止", "生活費を渡さない",
    "身体的暴力", "精神的暴力", "経済的暴力", "多額の献金", "献金を続け",
    "留学生", "家族滞在", "短期滞在", "配偶者ビザ", "就労ビザ",
    # measures and services that follow from a situation: 「支援措置の申出」
    # 「手話通訳の派遣」
    "支援措置", "閲覧制限", "手話通訳",
}
ILLNESS_SUFFIXES = ("病", "症", "炎", "癌", "がん", "腫瘍", "疾患", "捻挫", "骨折", "脱臼", "打撲", "挫傷", "裂傷", "熱傷")
NOT_ILLNESS = {"傷病", "疾病", "私傷病", "業務上疾病", "臆病", "仮病", "看病", "疫病", "病", "症", "炎", "火炎", "対症", "発症", "重症", "軽症", "中等症", "症", "後遺症"}
DISABILITY_PREFIXES = ("身体", "知的", "精神", "発達", "視覚", "聴覚", "言語", "学習", "肢体", "重度", "重症心身", "内部", "高次脳機能")

# 「私は…に賛成です」: the writer of a public comment often says 私 while
# writing about policy, so first-person words tie only within one sentence
# and never to a word in general use.
FIRST_PERSON = {"私", "私自身", "私たち", "わたし", "僕", "ぼく", "俺", "自分"}
ANCHOR_WORDS = {
    # first person and family
    "うち", "我が子", "わが子", "我が家", "わが家",
    "母", "父", "祖母", "祖父", "妻", "夫", "息子", "娘", "長男", "次男", "三男", "長女", "次女", "三女",
    "兄", "姉", "弟", "妹", "孫", "叔母", "叔父", "伯母", "伯父", "義母", "義父", "主人", "家内", "母親",
    "父親", "姪", "甥", "元夫", "元妻", "夫婦", "親子",
    # one particular person in a case record
    "同氏", "同人", "相談者", "申請者", "請求者", "容疑者", "被疑者", "世帯主",
    "対象児", "対象児童", "申出者", "届出人",
}
# 「区民Ａ」「相談者Ｃ」「生徒Ａ」: anonymised placeholders do not identify
# anyone, so a role word followed by a single letter is not an anchor
# (see base.anonymous_block for the words around a placeholder).
_LETTER_AFTER = re.compile(r"[A-Z](?![A-Za-z])")
# Policy use: 「認知症の方への支援」「障害者施策」「DV防止」.
_GENERAL_AFTER = re.compile(
    # 「祖父母が要介護となっている家庭」「難病を抱える方」: a class of people.
    r"(?:(?:と|に)?(?:なっている|なった|である|を抱える|を抱えた|を持つ|のある|がある)(?:家庭|世帯|方|人|子ども|子|児童|生徒|高齢者|者)"
    r"|相談(?:支援)?(?:センター|窓口|室|所|機関|ダイヤル|電話)"
    r"|の方|のある方|のある人|のある子|をお持ちの方|を持つ方|の人|の方々|者|児(?!童?(?:は|が))|患者|への|に対する|に関する|について|に係る|対策|施策|支援(?!措置)|予防|啓発|基本法|条例|計画|教育|福祉|医療|検診|健診|等|など|の理解|の早期|の人々|所持者|所持率|の所持|者数|の交付(?!を受け)|交付(?!を受け)|の受給|受給者|の取得|取得者|の割合|率|の種類|の種別|の子ども|の児童|の生徒|当事者|防止|相談件数|件数|の状況|理解|差別|問題|の有無|に関わ|専門|団体|法人|センター|手当|週間|月間|予防接種|ワクチン|指導|教室|学級|学校|講座|検査の|サポーター|カフェ|養成)"
)
# 「配偶者暴力相談支援センター」「障害者差別解消法」「難病対策」: the name of an
# institution, a law or a programme, never about one person.
_INSTITUTION_AFTER = re.compile(
    r"[)）]?(?:総合)?(?:相談)?(?:支援)?(?:センター|窓口|ダイヤル|施設|協会|連合会|団体|法人|基本法|解消法|防止法|法|条例|基本計画|計画|対策|番号|番号[:：]"
    # a form's title: 「支援措置申出書」「要介護認定申請書」「特別障害者手当認定請求書」
    r"|(?:支給)?(?:認定)?(?:申出|申請|請求|届出|交付申請|交付請求|変更届|通知)書|手当"
    # 「保護司会」「断酒会」「難病の会」: an association.
    r"|(?:の)?会(?![ぁ-んァ-ヶ]|社|話|議|場|期|計|員|見|合|食|費))"
)
# 「外国人住民向け」「障害者世帯」: the term qualifies a group, written as one compound.
_GROUP_COMPOUND_AFTER = re.compile(r"(?:住民|市民|区民|町民|県民|向け|コミュニティ|労働者|家庭|世帯|児童生徒)")
# 「通級指導教室（自閉症・情緒障害）」「特定医療費（指定難病）」: the kind of a
# class, a service or a benefit, written in brackets after its name.
_KIND_OF_INSTITUTION = re.compile(r"(?:教室|学級|学校|課程|病棟|外来|窓口|医療費|手当|給付|制度|事業)[(（][^)）\n]{0,12}$")
# A sentence that reports a statistic is about a group: 「外国籍の相談者は全体の約７％」.
_STATISTIC = re.compile(
    r"[0-9]\s?(?:%|％|割|パーセント)|全体の|割合|延べ|[0-9]+\s?人中"
    # 「世帯主が外国籍の被保護世帯は３６４世帯」
    r"|[0-9][0-9,，]*\s?(?:世帯|件)(?![\u4e00-\u9fff])"
)
# 「ＨｂＡ１ｃは７．８％」「SpO2 92%」: one person's test result, not a share of a group.
_TEST_RESULT_BEFORE = re.compile(r"(?:HbA1c|A1c|SpO2|飽和度|体脂肪率?|血糖|濃度|値)[^\n。、]{0,3}$", re.IGNORECASE)


def _reports_statistic(text, start, end):
    return any(
        not _TEST_RESULT_BEFORE.search(text, max(0, m.start() - 10), m.start())
        for m in _STATISTIC.finditer(text, start, end)
    )


# Names of kinds of personal information, listed together in rules and manuals.
_CATEGORIES = r"(?:病歴|前科|前歴|犯罪歴|犯罪の経歴|国籍|信条|人種|民族|門地|社会的身分|宗教|障害の有無|性別|年齢|住所|氏名|学歴|職歴)"
_CATEGORY_TERMS = {"病歴", "前科", "前歴", "犯罪歴", "国籍", "信条", "人種", "民族", "宗教"}
_CATEGORY_BEFORE = re.compile(_CATEGORIES + r"[、・,，]$")
_CATEGORY_AFTER = re.compile(r"[、・,，]" + _CATEGORIES)
# A sentence that states a rule or a condition, not a fact about anyone.
_RULE_SENTENCE = re.compile(r"場合(?:に|は|には|で|の)|ときは|ものとする|対象とする|又は")
_HEADING = re.compile(r"[ \t　]*(?:事例\s?[0-9]{1,2}|[0-9]{1,2}|[(（][0-9]{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,2})[ \t　.．、]+[^。\n]{0,40}$")


def _title_line(text, pos, persons):
    """True when `pos` is on a title: the first of several lines, short, no
    sentence on it, and no person named on it."""
    end = text.find("\n")
    if end < 0 or pos >= end or end > 40 or "。" in text[:end]:
        return False
    return not any(p.start < end for p in persons if p.label == "PERSON")


def _heading(text, pos):
    """True when `pos` is on a short numbered heading line (no sentence on it)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return _HEADING.fullmatch(text, line_start, len(text) if line_end < 0 else line_end) is not None


_DIAGNOSED_AFTER = re.compile(r"(?:の疑い)?\s?(?:と診断|の診断を受け|と言われ|を発症|で入院|で通院|で治療中|の治療中|を患)")
_FIELD_LABEL_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}(?:等|など)?\s?[:：]")
_KANJI_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
# Form fields whose value is about the one person the form is about.
_FIELD_BEFORE = re.compile(
    r"(?:既往歴?|病名|診断名|傷病名|障害名|病歴|主訴|疾患名|障害(?:等)?の(?:状況|程度|種類)|障害種別|障害等?|要介護度|介護度|罪名|入院形態|宗教|宗派|信仰|国籍)"
    r"(?:等|など)?\s?[:：]"
)
# 「国籍・地域　ベトナム」「既往歴　高血圧」: the label opens the line, a space ends it.
_FIELD_LINE = re.compile(
    r"[ \t]*(?:既往歴?|病名|診断名|傷病名|障害名|病歴|主訴|疾患名|障害種別|障害支援区分|罪名|宗教|宗派|信仰|国籍(?:・地域)?(?:[(（][^)）\n]{0,10}[)）])?)[ \t]+"
)
# 「宗教・宗派：浄土真宗」: the value of a belief field is the belief.
_SUPPORT_CATEGORY = re.compile(r"障害支援区分[\s:：]*(?P<v>区分\s?[1-6])")
_BELIEF_FIELD = re.compile(r"(?:宗教|宗派|信仰)(?:[・/]?(?:宗教|宗派|信仰))?\s?[:：]\s?(?P<v>[^\s、。,（(）)\n]{2,20})")
# A line that starts with a field label and a person: 「対象者：山本 拓也」.
# 「世帯主　真壁 太郎」「相談者　金 英淑」: a field label and a space serve as well as a colon,
# and a case record may open a line with the person alone (「　森下 蒼空くん（５歳）」).
_RECORD_FIELDS = r"(?:世帯主|対象者|本人|相談者|利用者|被保護者|患者|対象児童|対象生徒|対象児|本人氏名|対象者氏名|申請者|申出者)"
# 「世帯番号　2-0874　　世帯主　小野寺 誠」: the field of the one person the record is about,
_RECORD_FIELD_BEFORE = re.compile(_RECORD_FIELDS + r"[ \t　:：]*$")
# or a line opening with that field: 「１　対象生徒　第２学年３組　松本 蓮」
# 「相談者　アイヌ民族出身の男性（平田 拓真さん」.
_RECORD_FIELD_LINE = re.compile(r"[\s0-9()（）.．、]*" + _RECORD_FIELDS + r"[ \t　:：][^\n。]{0,24}$")
_RECORD_LINE = re.compile(
    r"\s*(?:[^\s:：。、]{1,12}[:：]\s*|[\u4e00-\u9fff]{2,8}[ \u3000]+)?(?:[\u4e00-\u9fff]{1,2}\s)?$"
)
# 「身体障害者手帳２級」「愛の手帳３度」「療育手帳Ａ」: the grade belongs to the term.
_GRADE_AFTER = re.compile(r"\s?(?:第\s?)?(?:[0-9]{1,2}|[一二三四五六])\s?(?:級|度)|[ABＡＢ][12]?(?![A-Za-z])")
# 「懲役２年執行猶予４年」「禁錮１年６月」: the sentence belongs to the term.
_SENTENCE_AFTER = re.compile(
    r"\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s?年(?:\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s?(?:か|ヶ|カ|ケ)?月)?"
    r"(?:\s?執行猶予\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s?年)?"
    r"|\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s?(?:か|ヶ|カ|ケ)?月(?:\s?執行猶予\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s?年)?"
)
_SENTENCE_TERMS = ("懲役", "禁錮", "禁固")
# Modifiers written into an illness name: 「２型糖尿病」「急性リンパ性白血病」「大腿骨頸部骨折」.
_MODIFIER_LABELS = {"MEDICAL", "DISABILITY"}
_NOT_MODIFIERS = {
    "本人", "患者", "対象者", "家族", "母", "父", "妻", "夫", "子", "昨年", "今年", "先月", "今月", "現在", "当時", "以前",
    "最近", "生来", "持病", "既往", "既往歴", "病名", "診断名", "傷病名", "状況", "種類", "程度", "原因", "疑い", "軽度",
    "重度", "中等度", "治療", "通院", "入院", "症状", "区", "都", "市", "国", "全国", "区内", "都内", "主な", "各種",
}
# A disability field: its values are reported as disabilities (「障害等：ダウン症候群」).
_DISABILITY_FIELD = re.compile(r"(?:障害名|障害種別|障害等?|障がい等?)\s?[:：][^\n]*$")
# An impairment of a limb or function: 「両下肢機能全廃」「右上肢機能障害」.
_PREGNANCY = re.compile(r"妊娠\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s?(?:か月|ヶ月|カ月|ケ月|週)(?:目)?")
_FUNCTION_LOSS = re.compile(r"[両左右上下肢体幹四]{2,6}(?:の)?機能(?:全廃|障害|の著しい障害)")
_BODY_PART_CONDITION = re.compile(
    r"(?:心臓|肺|肝臓|腎臓|胃|腸|脳|腰|膝|ひざ|股関節|肩|首|背中|目|耳|皮膚|足|脚|腕|手|歯|喉|のど|関節|血圧|呼吸器|気管支)(?:に|の)(?:持病|既往|病気|疾患|障害)"
)
# Violence by a named relation: 「前夫からの暴力」「元夫の暴力」「夫から日常的に暴言を受け」.
_RELATION = (
    r"(?:元夫|前夫|元妻|前妻|夫|妻|配偶者|元配偶者|交際相手|元交際相手|パートナー|同居人|内縁の夫|内縁の妻"
    r"|継父|継母|養父|養母|実父|実母|父親|母親|父|母|兄|姉|息子|娘|長男|次男|長女|次女)"
)
_RELATION_VIOLENCE = re.compile(
    _RELATION + r"(?:(?:からの|の|による)[^\n、。「」]{0,8}?(?:暴力|暴言|DV|虐待|つきまとい)"
    r"|から[^\n、。「」]{0,8}?(?:暴言を受け|暴力を受け|暴力をふるわれ|暴力を振るわれ|殴られ|叩かれ|たたかれ|蹴られ|脅され))"
)
_SENTENCE_END = re.compile(r"[。！？!?\n]")


@lru_cache(maxsize=1)
def load_lexicons():
    """{term: label} from the lexicon files, plus country-based nationality terms."""
    terms = {}
    for label, filename in LEXICON_FILES.items():
        for term in _read_terms(filename):
            terms.setdefault(term, label)
    for country in _read_terms("countries.txt"):
        for suffix in ("国籍", "籍", "人", "出身", "系"):
            terms.setdefault(country + suffix, "NATIONALITY")
    return terms


def _read_terms(filename):
    for line in (LEXICON_DIR / filename).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


class SensitiveRecognizer(Recognizer):
    name = "sensitive"
    labels = tuple(LEXICON_FILES)

    def __init__(self):
        self.terms = load_lexicons()
        ordered = sorted(self.terms, key=len, reverse=True)
        self._lexicon_re = re.compile("|".join(map(re.escape, ordered)))
        countries = sorted(_read_terms("countries.txt"), key=len, reverse=True)
        self._nationality_value_re = re.compile(r"国籍(?:・地域)?(?:[(（][^)）\n]{0,10}[)）])?[\s:：は]*(?P<v>" + "|".join(map(re.escape, countries)) + ")")

    def analyze(self, text, artifacts):
        bounds = _Boundaries(artifacts.tokens)
        results = []
        covered = set()
        for m in self._lexicon_re.finditer(text):
            term = m.group()
            start = m.start()
            if not bounds.is_start(start):
                # 「肺結核」「子宮体がん」: an illness named inside one longer noun
                start = _compound_start(text, bounds, m, self.terms[term])
                if start is None:
                    continue
            if len(term) <= 2 and not _KANJI_ONLY.match(term) and not bounds.is_end(m.end()):
                continue
            label = self.terms[term]
            end = m.end()
            if _FIELD_LABEL_AFTER.match(text, end):
                # 「既往歴等：」「障害の状況：」: the name of a field, not its value.
                continue
            if term.isascii() and term[0].isupper() and re.match(r" [A-Z]", text[end : end + 2]):
                # 「American Express」: part of a proper name, not a nationality.
                continue
            token = artifacts.tokens[bounds.index[start]]
            if token.end > end and token.surface.endswith(("罪", "症", "病")):
                # 「窃盗罪」 is one token: report the whole word.
                end = token.end
            end = _extend_right(text, artifacts.tokens, bounds, start, end, label, term)
            if label in _MODIFIER_LABELS and term not in SECONDARY_TERMS and term not in GENERIC_TERMS:
                start = _extend_left(text, artifacts.tokens, bounds.index[start], start)
            finding = Finding(start, end, label, 0.5, f"{_LABEL_JA[label]}に関する語「{term}」", recognizer=self.name)
            finding.term = term
            finding.term_end = m.end()
            results.append(finding)
            covered.update(range(m.start(), end))
        for m in self._nationality_value_re.finditer(text):
            results.append(Finding(m.start("v"), m.end("v"), "NATIONALITY", 0.5, "国籍欄の値", recognizer=self.name))
        for m in _SUPPORT_CATEGORY.finditer(text):
            # 「障害支援区分　区分５」: the assessed level of a disability.
            results.append(Finding(m.start("v"), m.end("v"), "DISABILITY", 0.5, "障害支援区分の値", recognizer=self.name))
        for m in _BELIEF_FIELD.finditer(text):
            if not any(m.start("v") <= c < m.end("v") for c in covered):
                results.append(Finding(m.start("v"), m.end("v"), "BELIEF", 0.5, "宗教・宗派欄の値", recognizer=self.name))
                covered.update(range(m.start("v"), m.end("v")))
        for token in artifacts.tokens:
            if token.begin in covered or token.pos1 != "名詞":
                continue
            finding = _illness_by_suffix(token) or _offence_by_suffix(token)
            if finding:
                if finding.label in _MODIFIER_LABELS:
                    finding.start = _extend_left(text, artifacts.tokens, bounds.index[token.begin], finding.start)
                results.append(finding)
        # 「覚せい剤取締法違反」「道路交通法違反」: a named offence.
        for m in _LAW_VIOLATION.finditer(text):
            if m.start() not in covered and bounds.is_start(m.start()):
                results.append(Finding(m.start(), m.end(), "CRIMINAL", 0.5, f"法令違反「{m.group()}」", recognizer=self.name))
        for m in _RELATION_VIOLENCE.finditer(text):
            if bounds.is_start(m.start()):
                finding = Finding(m.start(), m.end(), "DV", 0.5, f"続柄のある人からの暴力「{m.group()}」", recognizer=self.name)
                # 「前夫からの暴力」 names one person's relation; 「配偶者からの暴力」 may be general.
                finding.self_anchor = not m.group().startswith(("配偶者", "元配偶者", "パートナー", "交際相手"))
                results.append(finding)
        for m in _BODY_PART_CONDITION.finditer(text):
            # 「膝の持病」「心臓に持病」: the part of the body says what the illness is.
            finding = Finding(m.start(), m.end(), "MEDICAL", 0.5, f"部位を示した持病「{m.group()}」", recognizer=self.name)
            finding.term = m.group()
            results.append(finding)
        for m in _PREGNANCY.finditer(text):
            # 「妊娠７か月」「妊娠12週」: one woman's pregnancy, by its stage.
            finding = Finding(m.start(), m.end(), "MEDICAL", 0.5, f"妊娠の週数・月数「{m.group()}」", recognizer=self.name)
            finding.self_anchor = True
            results.append(finding)
        for m in _FUNCTION_LOSS.finditer(text):
            results.append(Finding(m.start(), m.end(), "DISABILITY", 0.5, f"機能障害「{m.group()}」", recognizer=self.name))
        for f in results:
            if f.label == "MEDICAL" and _DISABILITY_FIELD.search(text, text.rfind("\n", 0, f.start) + 1, f.start):
                f.label = "DISABILITY"
                f.reason += "（障害欄の値）"
        return _merge_adjacent(_drop_nested(results))

    def enhance(self, text, artifacts, own, everything):
        """Keep a term only when it is tied to one identifiable person.

        * a form field about the person (既往歴：, 傷病名：, 宗教：) ties its value;
        * words in general use (認知症の方への支援) and generic words (障害)
          need a person or kinship word right before them;
        * other terms need one in the same or the previous sentence, or a
          record about one person: a line 「対象者：山本 拓也」 found by the
          person recogniser (a case record, a form);
        * placeholders (区民Ａ, 生徒Ａ) and officials never anchor;
        * secondary words (入院, 通院, 在留資格, 信者) are dropped when the
          document names a specific term of the same label.
        """
        persons = [f for f in everything if f.label in ("PERSON", "AGE") and f.score >= 0.5 and not f.official]
        anchors = _anchor_offsets(text, artifacts.tokens, persons)
        first_person = sorted(t.begin for t in artifacts.tokens if t.surface in FIRST_PERSON)
        record = any(
            p.label == "PERSON" and p.score >= 0.75
            and (_RECORD_LINE.match(text, text.rfind("\n", 0, p.start) + 1, p.start)
                 # 「世帯番号　2-0874　　世帯主　小野寺 誠」: a field the form is about
                 or _RECORD_FIELD_BEFORE.search(text, text.rfind("\n", 0, p.start) + 1, p.start)
                 or _RECORD_FIELD_LINE.match(text, text.rfind("\n", 0, p.start) + 1, p.start))
            for p in persons
        )
        # Whether the document names anyone at all: rules and headings matter only where it does not.
        named = any(p.label == "PERSON" for p in persons)
        specific_labels = {
            o.label for o in own if _term(text, o) not in GENERIC_TERMS and _term(text, o) not in SECONDARY_TERMS
        }
        for f in own:
            term = _term(text, f)
            term_end = getattr(f, "term_end", f.end)
            if counted(text, term_end) or counted(text, f.end) or statistics_line(
                text, f.start, [p for p in persons if p.label == "PERSON"]
            ):
                # 「障害種別：肢体不自由 2,391人、内部障害 1,466人」: a count of a group.
                f.score = 0.2
                f.reason += "（件数・人数の集計）"
                continue
            if (_INSTITUTION_AFTER.match(text, term_end) or _INSTITUTION_AFTER.match(text, f.end)
                    or _GROUP_COMPOUND_AFTER.match(text, f.end)
                    or _KIND_OF_INSTITUTION.search(text, max(0, f.start - 16), f.start)):
                f.score = 0.2
                f.reason += "（機関・制度の名称の一部）"
                continue
            lo, hi = _sentence_window(text, f.start, f.end)
            near = [a for a in anchors if lo <= a < hi]
            close = [a for a in near if f.start - 14 <= a <= f.start]
            general = (
                _GENERAL_AFTER.match(text, f.end) is not None or _GENERAL_AFTER.match(text, term_end) is not None
                # 「ろう者との交流会」「視覚障害者」: a word for a class of people
                or term.endswith("者")
            )
            if not general:
                this_sentence = _last_boundary(text, f.start)
                near += [a for a in first_person if this_sentence <= a < hi]
            line_start = text.rfind("\n", 0, f.start) + 1
            field = _FIELD_BEFORE.search(text, line_start, f.start) is not None or _FIELD_LINE.fullmatch(text, line_start, f.start) is not None
            if named and _DIAGNOSED_AFTER.match(text, f.end) and not general:
                # 「…クリニックで適応障害と診断され」: a diagnosis is always someone's.
                near = close = [f.start]
            if field or (getattr(f, "self_anchor", False) and not general):
                near = close = [f.start]
            if general:
                # 「妻が乳がんの治療中で、がん検診の…」: the anchor belongs to the
                # term right after it, not to a general word further on.
                close = [a for a in close if not _term_between(own, f, a)]
            if term in GENERIC_TERMS or general:
                tied = bool(close)
            else:
                tied = bool(near) or record
            if tied and not field:
                this_start = _last_boundary(text, f.start)
                real = [p for p in persons if p.label == "PERSON" and lo <= p.start < hi]
                if _reports_statistic(text, this_start, hi) and not real:
                    # 「外国籍の相談者は全体の約７％」: a statistic about a group.
                    tied = False
                elif _title_line(text, f.start, persons):
                    # 「高齢者虐待 通報受付票」「児童虐待通告 受付記録」: the form's title
                    tied = False
                elif not named and (_RULE_SENTENCE.search(text, this_start, hi) or _heading(text, f.start)):
                    # 「世帯主…が、疾病又は負傷により１か月以上入院し、…場合に」: a rule;
                    # 「２　養介護施設従事者等による高齢者虐待」: a heading.
                    tied = False
                elif placeholder_case(text, lo, hi, persons) or anonymous_block(text, f.start, persons):
                    # 「事例２：Ｂさん（７０歳代）。妻を介護…自身もがんが」: an
                    # anonymised case; the anchors there are the placeholder's.
                    tied = False
            if tied and term in _CATEGORY_TERMS and (
                _CATEGORY_BEFORE.search(text, max(0, f.start - 8), f.start) or _CATEGORY_AFTER.match(text, f.end)
            ):
                # 「第三者の病歴、国籍、前科などに言及する」: kinds of information listed.
                tied = False
            if tied and term in GENERIC_TERMS and _has_specific(text, own, f, lo, hi):
                # 「喘息の持病」: report the illness, not also the word 持病.
                tied = False
            if tied and term in SECONDARY_TERMS and f.label in specific_labels:
                # 「白血病と診断され…入院治療」: the illness says it; 入院 adds nothing.
                tied = False
            if tied:
                f.score = 0.85
                f.reason += "（特定の人についての記述）"
            else:
                f.score = 0.2
                f.reason += "（一般的な記述）"


def _term(text, finding):
    """The lexicon word a finding was made from (its span may be wider)."""
    return getattr(finding, "term", None) or text[finding.start : finding.end]


def _extend_right(text, tokens, bounds, start, end, label, term):
    """The end of a term, widened to the word it is part of.

    「ＨＩＶ感染」 in 「ＨＩＶ感染症」 ends inside a token: report the token;
    a certificate's grade (手帳２級) and a sentence's length (懲役２年) belong
    to the term.
    """
    i = bounds.index.get(start)
    if i is not None:
        k = i
        while k < len(tokens) and tokens[k].end < end:
            k += 1
        if (
            k < len(tokens) and tokens[k].end > end and tokens[k].begin < end and tokens[k].pos1 == "名詞"
            and not text[start:end].isascii()
        ):
            end = tokens[k].end
    if text[start:end].endswith("手帳"):
        m = _GRADE_AFTER.match(text, end)
        if m:
            end = m.end()
    if text[start:end] in _SENTENCE_TERMS:
        m = _SENTENCE_AFTER.match(text, end)
        if m:
            end = m.end()
    return end


def _extend_left(text, tokens, i, start):
    """Take along the modifiers written into an illness name, up to 3 nouns."""
    k, taken = i, 0
    while k > 0 and taken < 3:
        prev = tokens[k - 1]
        if prev.end != tokens[k].begin or prev.surface in _NOT_MODIFIERS or start - prev.begin > 10:
            break
        if prev.kind == "num":
            # 「２型糖尿病」: a number only before 型.
            if tokens[k].surface != "型":
                break
        elif prev.surface == "型" or prev.surface.endswith(("性", "型")):
            pass
        elif prev.kind != "noun" or prev.pos2 != "普通名詞" or not _KANJI_OR_KATAKANA.match(prev.surface):
            break
        elif prev.surface.endswith(("年", "月", "日", "頃", "前", "後", "時")):
            break
        start = prev.begin
        k -= 1
        taken += 1
    if start < tokens[i].begin and tokens[i - 1].surface == "型" and tokens[i - 1].begin == start:
        # A lone 「型」 without its number is not a modifier.
        start = tokens[i].begin
    return start


_KANJI_OR_KATAKANA = re.compile(r"^[\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z]+$")


def _merge_adjacent(findings):
    """「脳梗塞」+「後遺症」 written together are one term."""
    findings.sort(key=lambda f: (f.start, -f.end))
    out = []
    for f in findings:
        if out and out[-1].label == f.label and out[-1].end == f.start:
            out[-1].end = f.end
            continue
        if out and f.start >= out[-1].start and f.end <= out[-1].end:
            continue
        out.append(f)
    return out


def _drop_nested(findings):
    """A longer finding wins over the lexicon words inside it (「前夫からの暴力」 over 「暴力」)."""
    findings.sort(key=lambda f: (f.start, -f.end))
    out = []
    for f in findings:
        if out and f.start >= out[-1].start and f.end <= out[-1].end and (f.start, f.end) != (out[-1].start, out[-1].end):
            continue
        out.append(f)
    return out


def _has_specific(text, own, generic, lo, hi):
    weak = GENERIC_TERMS | SECONDARY_TERMS
    return any(
        o is not generic and o.label == generic.label and lo <= o.start < hi and o.score > 0 and o.end - o.start > 0
        and o.start != generic.start and _term(text, o) not in weak
        for o in own
    )


def _term_between(own, f, anchor):
    """True when another sensitive term lies between `anchor` and `f`."""
    return any(o is not f and anchor <= o.start and o.end <= f.start for o in own)


class _Boundaries:
    def __init__(self, tokens):
        self.index = {t.begin: i for i, t in enumerate(tokens)}
        self.starts = self.index
        self.ends = {t.end for t in tokens}
        self.begin_of_end = {t.end: t.begin for t in tokens}

    def is_start(self, offset):
        return offset in self.starts

    def is_end(self, offset):
        return offset in self.ends


def _compound_start(text, bounds, m, label):
    """The start of the noun a MEDICAL term ends, or None: 「肺結核」 is one
    token, and 「結核」 at its end names the illness (not 「核」 in 「結核菌」)."""
    if label != "MEDICAL" or len(m.group()) < 2 or not bounds.is_end(m.end()):
        return None
    begin = bounds.begin_of_end.get(m.end())
    if begin is None or begin >= m.start() or m.start() - begin > 4 or not _KANJI_ONLY.match(text[begin : m.end()]):
        return None
    return begin


# 「窃盗罪」「傷害罪」: nouns ending in 罪 name an offence, except these.
NOT_OFFENCE = {"罪", "犯罪", "謝罪", "無罪", "功罪", "原罪", "贖罪", "断罪", "余罪", "重罪", "軽罪", "罪悪"}
_LAW_VIOLATION = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fcせい]{2,14}?(?:法|条例)違反")


def _offence_by_suffix(token):
    surface = token.surface
    if len(surface) < 3 or not surface.endswith("罪") or surface in NOT_OFFENCE:
        return None
    return Finding(token.begin, token.end, "CRIMINAL", 0.5, f"罪名と思われる語「{surface}」", recognizer="sensitive")


def _illness_by_suffix(token):
    surface = token.surface
    if surface in NOT_ILLNESS or len(surface) < 2 or not surface.endswith(ILLNESS_SUFFIXES):
        return None
    label = "MEDICAL"
    if surface.endswith("障害") and surface.startswith(DISABILITY_PREFIXES):
        label = "DISABILITY"
    return Finding(token.begin, token.end, label, 0.5, f"病名と思われる語「{surface}」", recognizer="sensitive")


def _is_anchor(text, token):
    """「うちの子」「うちは」 point at the writer's family; 「そのうち」「…のうち」 do not."""
    if token.surface != "うち":
        return True
    before = text[max(0, token.begin - 1) : token.begin]
    return before not in ("の", "そ", "こ", "あ", "ど") and text.startswith(("の", "は", "で", "も", "では"), token.end)


def _anchor_offsets(text, tokens, persons):
    """Sorted offsets of everything that points at one particular person.

    Placeholders (区民Ａ, 生徒Ａ, Ａさん) are not anchors: an anonymised
    record does not identify anyone.
    """
    offsets = [f.start for f in persons]
    offsets.extend(
        t.begin for t in tokens
        if t.surface in ANCHOR_WORDS and _is_anchor(text, t) and not _LETTER_AFTER.match(text, t.end)
    )
    offsets.sort()
    return offsets


def _sentence_window(text, start, end):
    """From the start of the previous sentence to the end of this one.

    The previous sentence counts because people write 「母は奥沢に住んでいます。
    昨年から透析を受けています。」; a blank line ends the window.
    """
    this_start = _last_boundary(text, start)
    prev_start = this_start
    if this_start > 0 and not text.startswith("\n\n", max(0, this_start - 2)):
        prev_start = _last_boundary(text, this_start - 1)
    m = _SENTENCE_END.search(text, end)
    return prev_start, (m.start() if m else len(text))


def _last_boundary(text, pos):
    best = -1
    for ch in "。！？!?\n":
        best = max(best, text.rfind(ch, 0, pos))
    return best + 1


_LABEL_JA = {
    "MEDICAL": "病歴・健康",
    "DISABILITY": "障害",
    "CRIMINAL": "犯罪・刑事手続",
    "BELIEF": "信条",
    "ETHNICITY": "人種・民族・出自",
    "NATIONALITY": "国籍",
    "DV": "DV・虐待",
}

__all__ = ["SensitiveRecognizer", "load_lexicons"]
