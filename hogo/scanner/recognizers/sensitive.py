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
from .base import Recognizer

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
    "補聴器", "人工内耳", "白杖", "盲導犬", "障害年金", "障害支援区分",
    "礼拝", "信仰", "入信", "教会に通",
    "在留資格", "在留カード", "外国人", "永住者", "定住者",
}
ILLNESS_SUFFIXES = ("病", "症", "炎", "癌", "がん", "腫瘍", "疾患")
NOT_ILLNESS = {"臆病", "仮病", "看病", "疫病", "病", "症", "炎", "火炎", "対症", "発症", "重症", "軽症", "中等症", "症", "後遺症"}
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
}
_PLACEHOLDER = re.compile(
    r"(?:区民|市民|町民|住民|職員|児童|生徒|園児|利用者|男性|女性|患者|相談者|申請者|請求者|保護者|本人|女児|男児|乳児|幼児|高齢者|入所者|被害者|加害者|委員)[A-Z](?![A-Za-z])"
    r"|(?<![A-Za-z])[A-Z](?:さん|氏|様|君|くん|ちゃん)"
    r"|当該(?:児童|生徒|職員|利用者|者|男性|女性|患者|幼児|園児|世帯)"
)
# Policy use: 「認知症の方への支援」「障害者施策」「DV防止」.
_GENERAL_AFTER = re.compile(
    r"(?:の方|のある方|のある人|のある子|をお持ちの方|を持つ方|の人|の方々|者|児(?!童?(?:は|が))|患者|への|に対する|に関する|について|に係る|対策|施策|支援(?!措置)|予防|啓発|基本法|条例|計画|教育|福祉|医療|検診|健診|等|など|の理解|の早期|の人々|所持者|所持率|の所持|者数|の交付|交付|の受給|受給者|の取得|取得者|の割合|率|の種類|の種別|の子ども|の児童|の生徒|当事者|防止|相談件数|件数|の状況|理解|差別|問題|の有無|に関わ|専門|団体|法人|センター|手当|週間|月間|予防接種|ワクチン|指導|教室|学級|学校|講座|検査の)"
)
_KANJI_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
# Form fields whose value is about the one person the form is about.
_FIELD_BEFORE = re.compile(r"(?:既往歴?|病名|診断名|傷病名|障害名|病歴|主訴|疾患名|障害の状況|障害種別|罪名)\s?[:：]")
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
        self._nationality_value_re = re.compile(r"国籍[\s:：は]*(?P<v>" + "|".join(map(re.escape, countries)) + ")")

    def analyze(self, text, artifacts):
        bounds = _Boundaries(artifacts.tokens)
        results = []
        covered = set()
        for m in self._lexicon_re.finditer(text):
            term = m.group()
            if not bounds.is_start(m.start()):
                continue
            if len(term) <= 2 and not _KANJI_ONLY.match(term) and not bounds.is_end(m.end()):
                continue
            label = self.terms[term]
            end = m.end()
            token = artifacts.tokens[bounds.index[m.start()]]
            if token.end > end and token.surface.endswith(("罪", "症", "病")):
                # 「窃盗罪」 is one token: report the whole word.
                end = token.end
            results.append(Finding(m.start(), end, label, 0.5, f"{_LABEL_JA[label]}に関する語「{term}」", recognizer=self.name))
            covered.update(range(m.start(), end))
        for m in self._nationality_value_re.finditer(text):
            results.append(Finding(m.start("v"), m.end("v"), "NATIONALITY", 0.5, "国籍欄の値", recognizer=self.name))
        for token in artifacts.tokens:
            if token.begin in covered or token.pos1 != "名詞":
                continue
            finding = _illness_by_suffix(token) or _offence_by_suffix(token)
            if finding:
                results.append(finding)
        # 「覚せい剤取締法違反」「道路交通法違反」: a named offence.
        for m in _LAW_VIOLATION.finditer(text):
            if m.start() not in covered and bounds.is_start(m.start()):
                results.append(Finding(m.start(), m.end(), "CRIMINAL", 0.5, f"法令違反「{m.group()}」", recognizer=self.name))
        return results

    def enhance(self, text, artifacts, own, everything):
        persons = [f for f in everything if f.label in ("PERSON", "AGE") and f.score >= 0.5 and not f.official]
        anchors = _anchor_offsets(text, artifacts.tokens, persons)
        first_person = sorted(t.begin for t in artifacts.tokens if t.surface in FIRST_PERSON)
        for f in own:
            term = text[f.start : f.end]
            lo, hi = _sentence_window(text, f.start, f.end)
            near = [a for a in anchors if lo <= a < hi]
            close = [a for a in near if f.start - 14 <= a <= f.start]
            general = _GENERAL_AFTER.match(text, f.end) is not None
            if not general:
                this_sentence = _last_boundary(text, f.start)
                near += [a for a in first_person if this_sentence <= a < hi]
            line_start = text.rfind("\n", 0, f.start) + 1
            if _FIELD_BEFORE.search(text, line_start, f.start):
                near = close = [f.start]
            if general:
                # 「妻が乳がんの治療中で、がん検診の…」: the anchor belongs to the
                # term right after it, not to a general word further on.
                close = [a for a in close if not _term_between(own, f, a)]
            if term in GENERIC_TERMS or general:
                tied = bool(close)
            else:
                tied = bool(near)
            if tied and (term in GENERIC_TERMS or term in SECONDARY_TERMS) and _has_specific(text, own, f, lo, hi):
                # 「喘息の持病」: report the illness, not also the word 持病.
                tied = False
            if tied:
                f.score = 0.85
                f.reason += "（特定の人についての記述）"
            else:
                f.score = 0.2
                f.reason += "（一般的な記述）"


def _has_specific(text, own, generic, lo, hi):
    weak = GENERIC_TERMS | SECONDARY_TERMS
    return any(
        o is not generic and o.label == generic.label and lo <= o.start < hi and o.score > 0 and o.end - o.start > 0
        and o.start != generic.start and text[o.start : o.end] not in weak
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

    def is_start(self, offset):
        return offset in self.starts

    def is_end(self, offset):
        return offset in self.ends


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
    """Sorted offsets of everything that points at one particular person."""
    offsets = [f.start for f in persons]
    offsets.extend(t.begin for t in tokens if t.surface in ANCHOR_WORDS and _is_anchor(text, t))
    offsets.extend(m.start() for m in _PLACEHOLDER.finditer(text))
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
