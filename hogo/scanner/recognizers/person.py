"""Person names from Sudachi's 人名 tags plus the words around them.

Sudachi tags many surnames that are also ordinary words, so a lone name
token is only a weak candidate; what makes it a finding is its context:
an honorific (様・さん・氏), a form label (氏名：), a kinship word (母・花子),
a surname+given-name pair, or an official title (区長 山田太郎 / 内田委員),
which also marks the person as `official`.
"""

import re

from ..finding import Finding
from .base import Recognizer

NAME_KINDS = {"surname", "given", "person"}
# Many surnames are also place names in Sudachi (岡本, 松本, 内田); with a
# title or honorific right after them they are names too.
CONTEXT_NAME_KINDS = {"place", "proper"}

HONORIFICS = {"様", "さま", "さん", "氏", "くん", "君", "ちゃん", "殿", "容疑者", "被告", "被告人", "受刑者", "夫人", "先生", "医師", "弁護士"}
OFFICIAL_TITLES = {
    "区長", "副区長", "市長", "副市長", "町長", "副町長", "村長", "知事", "副知事", "議長", "副議長",
    "委員長", "副委員長", "委員", "議員", "区議", "市議", "都議", "会長", "副会長", "部長", "課長", "係長",
    "室長", "局長", "所長", "園長", "副園長", "校長", "副校長", "教頭", "教育長", "参事", "主査", "主事",
    "主任", "理事", "理事長", "次長", "署長", "大臣", "副大臣", "監査委員", "担当課長", "担当部長", "総務部長",
    "審議会長", "部会長", "分科会長", "幹事", "事務局長", "課長補佐", "係員",
    "座長", "副座長", "副部会長", "会長代理", "座長代理", "委員長代理", "顧問", "監事",
    # staff posts in a personnel list: 「保健福祉課保健師　山田　彩花」
    "保健師", "指導主事", "社会福祉士", "保育士", "栄養士", "技師", "司書", "学芸員", "主任主事", "主幹",
}
# 「部会長 平井」「総務部長　　　　高野　正典」: a title written before the name,
# however Sudachi splits it, with only spaces between (a roster's columns).
# 「中北保健所長（医監）　　樋貝 恵」: a note on the post may come between.
_TITLE_BEFORE_TEXT = re.compile(
    "(?:" + "|".join(sorted(OFFICIAL_TITLES, key=len, reverse=True)) + r")(?:[(（][^)）\n0-9 　君氏]{1,5}[)）])?[ \u3000\t]*$"
)
# Titles before a name that make it official: 「区長 山田太郎」「担当：田中」.
OFFICIAL_PREFIXES = OFFICIAL_TITLES | {"担当", "担当者", "説明員", "事務局", "出席者", "委員長職務代理"}
PERSONAL_LABELS = {
    "氏名", "名前", "お名前", "申請者", "届出人", "相談者", "記入者", "代表者", "保護者", "世帯主", "被保険者",
    "患者", "本人", "口座名義", "名義人", "名義", "連絡者", "緊急連絡先", "利用者", "受給者", "児童名", "生徒名",
    "請求者", "提出者", "投稿者", "依頼者", "通報者", "被害者", "加害者", "入所者", "対象者", "契約者", "フリガナ", "ふりがな",
    "意見者", "意見提出者", "在住", "元職員",
}
KIN_WORDS = {
    "母", "父", "祖母", "祖父", "妻", "夫", "息子", "娘", "長男", "次男", "三男", "長女", "次女", "三女", "兄", "姉",
    "弟", "妹", "孫", "叔母", "叔父", "伯母", "伯父", "義母", "義父", "子", "主人", "家内", "母親", "父親", "姪", "甥",
}
# The kinship words as one regex alternation, longest first.
_KIN = "|".join(sorted(KIN_WORDS, key=len, reverse=True))
_SELF_INTRO = re.compile(r"\s?(?:と申します|と申し|といいます|と言います|です。)")
# 「同僚の川端という人物から」: a name the writer introduces.
_CALLED_AFTER = re.compile(r"\s?(?:という|っていう|と名乗る)(?:人物|男性|女性|人|方|者|男|女|同僚|生徒|児童|少年|少女)")
_ORG_BEFORE_NAME = re.compile(r"(?:課|係|室|センター|担当|事務局)[ 　\t]*(?:\n[ 　\t]*)?$")
_ORG_BRACKET_AFTER = re.compile(r"\s?[(（][^()（）\n]{0,20}(?:課|室|係|センター|区役所|市役所|役場|事務所|担当)[)）]")
# Words Sudachi splits into a surname and a given name: 「百日」+「せき」.
_WORDS_READ_AS_NAMES = {"百日せき", "百日咳"}
_HEAD_OF_MUNICIPALITY = ("市長", "区長", "町長", "村長", "知事")
_STAFF_INTRO_BEFORE = re.compile(r"(?:課|係|室|センター|局|部|所|担当)の\s?$")
_STRONG_SELF_INTRO = re.compile(r"\s?(?:と申します|と申し|といいます|と言います)")
# 「株式会社ヤマダと申します」 names a company, not a person.
_NOT_SELF_INTRO_BEFORE = {"株式会社", "有限会社", "会社", "法人", "団体", "事務所"}
# 「後藤ほか１１名」「田中他2名」: a name heading a list of people.
_OTHERS_AFTER = re.compile(r"\s?(?:ほか|他|外)\s?[0-9０-９一二三四五六七八九十]+\s?(?:名|人)")
_GIVEN_NAME_SHAPE = re.compile(r"^(?:[\u4e00-\u9fff\u3005]{1,3}|[ぁ-ん]{2,4}|[ァ-ヶー]{2,5})$")
_KANA_GIVEN_NAME = re.compile(r"^(?:[ぁ-ん]{2,4}|[ァ-ヶー]{2,5})$")
_PARTICLES_AFTER_NAME = {"は", "が", "も", "と", "(", "（", "、"}
# Common nouns that can stand where a given name would.
_NOT_GIVEN_NAMES = {
    "こと", "ほう", "ため", "もの", "ところ", "ほか", "みな", "かた", "ころ", "とき", "あと", "うち", "まま", "せい",
    "おかげ", "ぶん", "ケア", "リハビリ", "ヘルパー", "ママ", "パパ", "ベビー", "ペット", "クラス", "チーム",
    "猫", "犬", "熊", "鳥", "ネコ", "イヌ", "クマ", "ワン", "ニャン", "わん", "にゃん", "くま", "うさぎ", "ウサギ", "パンダ",
    "ぬいぐるみ", "アンパン", "キャラ",
    "赤", "坊", "姉", "兄", "爺", "婆", "母", "父", "孫", "子", "息子", "娘", "彼", "彼女", "誰", "皆", "僕", "俺",
}
_CONTACT_LABELS = {"ADDRESS", "PHONE", "EMAIL"}
_CONTACT_GAP = re.compile(r"[ 　]*[(（]?|[)）]?[ 　]*")
_LIST_SEPARATORS = {"、", ",", "，", ", ", "・"}
_PAREN_AGE = re.compile(r"[(（]\s?[0-9]{1,3}\s?(?:歳|才)?\s?[)）]")
_NAME_CHARS = r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]"
# A name written right after a form label: 「口座名義　スズキ イチロウ」.
_AFTER_LABEL = re.compile(
    r"(?P<label>氏名|お名前|名前|口座名義|名義人|名義|フリガナ|申請者|相談者|意見者|意見提出者|届出人|世帯主|対象者|記入者|代表者|保護者|患者名|児童名|利用者名)"
    r"[ :：]*(?:氏名)?[ :：]+"
    rf"(?P<v>{_NAME_CHARS}{{1,6}}(?:[ 　]{_NAME_CHARS}{{1,6}})?)(?=[\s、。,，(（)）]|$)"
)
# 「代表者　代表取締役　…」: the post comes first; the name, if any, after it.
_POST_VALUE = re.compile(r"(?:取締役|社長|理事長|代表理事|代表|会長|所長|院長|園長|校長|店長|支配人)$")
_NOT_NAMES = {"㊞", "印", "不明", "なし", "同上", "記入例", "匿名", "非公開", "省略", "本人"}
# Column headers of a table: 「区分　氏名　所属等」.
_HEADER_WORDS = re.compile(
    r"^(?:所属|役職|職名|職業|備考|区分|住所|所在地|年齢|性別|電話|電話番号|連絡先|続柄|生年月日|勤務先|団体名|選出区分|任期|推薦団体|番号"
    r"|氏名|名前|フリガナ|ふりがな)(?:等|など)?$|等$"
)
# Documents about culture and history (an exhibition, a literary museum, a
# writer's anniversary): names there are of authors and historical figures.
_CULTURAL = re.compile(r"展示|文学|作家|作品|没後|生誕|記念館|文学館|図書館|初版|著作|美術館|博物館|郷土資料館|作者|随筆|小説|歌人|俳人|詩人|画家")
_CULTURAL_MIN = 2  # distinct cultural words needed
# Reasons that rest on the dictionary alone (no honorific, label or kinship word).
_BARE_REASONS = ("姓と名の並び",)
_SKIP = {":", "：", " ", "・", "の", "(", ")", "「", "」", "、", "　"}
_PLACEHOLDER_NAME = re.compile(r"[A-Za-z]{1,2}$")
_KANJI_PIECE = re.compile(r"^[\u4e00-\u9fff\u3005]{1,2}$")

# Romaji names: every word must read as Japanese syllables.
_ROMAJI_WORD = r"(?:[kgsztdnhbpmyrwfjc]?h?y?[aiueo]|n(?![aiueoy])|[kgstdnhbpmrfjc](?=[kgstdbpmrfjc]))+"
_ROMAJI_NAME = re.compile(
    r"(?<![A-Za-z])(?P<v>(?:[A-Z][a-z]+ (?:[A-Z][a-z]+ )?(?:[A-Z][a-z]+|[A-Z]{2,})|[A-Z]{2,} [A-Z][a-z]+))(?![A-Za-z])"
)
_ROMAJI_HONORIFIC = re.compile(r"\s?(?:様|さん|氏|くん|ちゃん|san|sama)")
_ROMAJI_WORD_RE = re.compile(rf"^{_ROMAJI_WORD}$", re.IGNORECASE)
_ROMAJI_CONTEXT = re.compile(
    r"(?:Mr\.?|Ms\.?|Mrs\.?|Name|name is|I am|I'm|From|Dear|Signed|氏名|名前|申請者|相談者|届出人|請求者|世帯主|対象者|利用者|患者|本人|保護者|児童|生徒|被保険者)"
    r"[\s:：]*(?:(?:父|母|夫|妻|長男|長女|次男|次女|祖父|祖母)[\s:：]*)?$"
    # 「家族構成：父 WANG Jun」「母 LI Mei（李 梅）」
    r"|(?:^|[\s:：、])(?:父|母|夫|妻|長男|長女|次男|次女|祖父|祖母|兄|姉|弟|妹)[ \t　]$"
)
# 「Meiwa Residence」「Green Heights」: a building, not a person.
_BUILDING_WORDS = {
    "Residence", "Residences", "Heights", "Mansion", "House", "Tower", "Towers", "Court", "Building", "Bldg", "Hills",
    "Park", "Garden", "Gardens", "Place", "Plaza", "Hall", "Center", "Centre", "Station", "Street", "Avenue", "Road",
    "City", "Ward", "Tokyo", "Japan", "Setagaya", "Corporation", "Company", "Inc", "Ltd", "Co", "Express", "Card",
    "Bank", "Hotel", "School", "University", "College", "Hospital", "Clinic", "Office", "Apartment", "Apartments",
    "English", "Japanese", "Chinese", "Korean", "Spanish", "French", "Subject", "Inquiry", "Application",
}
_KANA_AFTER_LABEL = re.compile(
    r"(?:ふりがな|フリガナ|よみがな|ヨミガナ)[\s:：]*(?P<v>[ぁ-んァ-ヶー]{2,}(?:[ 　][ぁ-んァ-ヶー]{1,})?)"
)

_ENGLISH_KIN_NAME = re.compile(
    r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s(?:husband|wife|son|daughter|mother|father|brother|sister|child|"
    r"grandson|granddaughter|grandmother|grandfather|partner|friend|neighbou?r)\s(?P<v>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
)
_ENGLISH_SIGNATURE = re.compile(
    r"(?:Best regards|Kind regards|Warm regards|Regards|Sincerely|Yours sincerely|Yours faithfully|Best wishes|Thanks|Thank you)"
    r",?[ \t]*\n[ \t]*(?P<v>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[ \t]*(?:\n|$)"
)
# A whole line given to a name written in letters or in kana, the field's
# label qualified or not: 「氏名（アルファベット）　SANTOS MARIA CRISTINA REYES」.
_FOREIGN_NAME_FIELD = re.compile(
    r"(?m)^[ \t]*(?P<label>[^\s:：()（）]{0,8}?(?:氏名|名前|名義|者|人)|カナ|フリガナ|ふりがな|ローマ字|英字|Name)"
    r"(?:\s?[(（][^)）\n]{1,14}[)）])?[ \t:：]+"
    r"(?P<v>[A-Z][A-Za-z'\-]+,?(?: [A-Z][A-Za-z'\-]+){1,4}|[ァ-ヶー・]{1,10}(?:[ 　][ァ-ヶー・]{1,10}){1,3}|[ぁ-ん]{1,8}(?:[ 　][ぁ-ん]{1,8}){1,3})"
    # 「SILVA, Rafael Augusto　（シルバ ラファエル アウグスト）」: the reading after it
    # 「WANG Jun（王 軍）」: or the name in kanji; then the line may go on (「　29歳」)
    r"[ \t]*(?:[(（](?P<reading>[ァ-ヶー・]{1,10}(?:[ 　・][ァ-ヶー]{1,10}){0,3}|[\u4e00-\u9fff]{1,3}[ 　][\u4e00-\u9fff]{1,3})[)）])?(?=[ \t　]|$)"
)


NAME = "person"


class PersonRecognizer(Recognizer):
    name = NAME
    labels = ("PERSON",)

    def analyze(self, text, artifacts):
        tokens = artifacts.tokens
        results = []
        i = 0
        n = len(tokens)
        last = None
        while i < n:
            kind = tokens[i].kind
            if kind in CONTEXT_NAME_KINDS:
                finding = self._judge_context_only(text, tokens, i)
                if finding:
                    results.append(finding)
                    last = finding
                i += 1
                continue
            if kind not in NAME_KINDS:
                i += 1
                continue
            j = _end_of_name_run(text, tokens, i)
            finding = self._judge(text, tokens, i, j)
            if finding:
                # 「委員 小泉、吉田、菊地」: a list after a title is all officials.
                if last is not None and last.official and text[last.end : finding.start] in ("、", ",", "，", " "):
                    finding.official = True
                    finding.score = max(finding.score, 0.85)
                    finding.reason = last.reason
                results.append(finding)
                last = finding
            i = j + 1
        results.extend(self._unknown_given_names(text, tokens))
        results.extend(self._romaji(text))
        results.extend(self._after_label(text))
        results.extend(self._kana(text))
        results.extend(self._foreign_names(text))
        results.extend(_given_names_after_kin(text))
        results.extend(_field_names(text, artifacts))
        results.extend(_signature(text, tokens))
        results.extend(_spaced_names(text))
        results.extend(_names_with_town(text, artifacts))
        results.extend(_row_names(text, artifacts))
        for f in results:
            if text.endswith(_HEAD_OF_MUNICIPALITY, f.start, f.end):
                # 「萩野村長　様」: the head of a municipality, by post
                f.official = True
            _widen_name(text, f)
            if f.score < 0.5 and f.end > f.start + 1 and _HONORIFIC_AFTER.match(text, f.end) and " " in text[f.start : f.end]:
                # 「長谷部 光　様」: surname, given name, a space, then 様.
                f.score = 0.85
                f.reason = "敬称が付いた氏名"
            if _TITLE_BRACKET.search(text, max(0, f.start - 20), f.start):
                # 「○障害福祉部長（青木 誠一）」: a speaker named by role in the minutes.
                f.official = True
                f.score = max(f.score, 0.85)
                f.reason = "役職名に続く括弧内の氏名（公職者）"
        results.extend(_readings(text, results))
        return results

    def _judge(self, text, tokens, i, j):
        start, end = tokens[i].begin, tokens[j].end
        if _PLACEHOLDER_NAME.match(text, start, end):
            # 「Ａ氏」「職員Ｂ」: anonymised placeholders are not persons.
            return None
        kinds = [t.kind for t in tokens[i : j + 1]]
        after = _next_surface(tokens, j)
        # A surname followed by an unknown one- or two-kanji given name and an
        # honorific: 「田中 翔さん」 where Sudachi does not know 「翔」 as a name.
        if after is not None and tokens[j].kind == "surname" and j + 1 < len(tokens):
            nxt = tokens[j + 1]
            if nxt.kind not in NAME_KINDS and _KANJI_PIECE.match(nxt.surface) and _next_surface(tokens, j + 1) in HONORIFICS:
                end = nxt.end
                j += 1
                after = _next_surface(tokens, j)
        paren_age = after in ("(", "（") and _PAREN_AGE.match(text, end) is not None
        after = _after_parenthesis(tokens, j, after)
        before = _prev_surface(tokens, i)
        full = "surname" in kinds and "given" in kinds[kinds.index("surname") + 1 :]
        if after in OFFICIAL_TITLES or before in OFFICIAL_PREFIXES or _title_before(text, start):
            return Finding(start, end, "PERSON", 0.85, "役職名に接する氏名（公職者）", official=True, recognizer=self.name)
        if before in PERSONAL_LABELS:
            return Finding(start, end, "PERSON", 0.9, f"「{before}」欄の氏名", recognizer=self.name)
        if after in HONORIFICS:
            return Finding(start, end, "PERSON", 0.85, f"敬称「{after}」が付いた人名", recognizer=self.name)
        if _SELF_INTRO.match(text, end) and _STAFF_INTRO_BEFORE.search(text, max(0, start - 12), start):
            # 「危機管理課の山下です」: a member of staff introducing themselves.
            return Finding(start, end, "PERSON", 0.8, "所属に続く名乗り（職員）", official=True, recognizer=self.name)
        if _SELF_INTRO.match(text, end) or _CALLED_AFTER.match(text, end):
            return Finding(start, end, "PERSON", 0.8, "名乗りの表現に続く人名", recognizer=self.name)
        if paren_age:
            return Finding(start, end, "PERSON", 0.8, "年齢を添えた人名", recognizer=self.name)
        if _OTHERS_AFTER.match(text, end):
            return Finding(start, end, "PERSON", 0.8, "「○○ほか△名」の人名", recognizer=self.name)
        if after == "方" and text[max(0, start - 1) : start] in (" ", "号", "室") :
            return Finding(start, end, "PERSON", 0.8, "住所に続く「○○方」", recognizer=self.name)
        if before in KIN_WORDS:
            return Finding(start, end, "PERSON", 0.8, f"続柄「{before}」に続く人名", recognizer=self.name)
        if full and text[start:end] in _WORDS_READ_AS_NAMES:
            return None
        if full:
            # Bare 姓+名 pairs without context: one-character pieces are often
            # ordinary words that Sudachi also knows as names (「内」+「一通」).
            surname = next(t for t in tokens[i : j + 1] if t.kind == "surname")
            given = tokens[j]
            if len(surname.surface) >= 2 and len(given.surface) >= 2:
                return Finding(start, end, "PERSON", 0.75, "姓と名の並び", recognizer=self.name)
            if len(surname.surface) >= 2 and given.begin == surname.end:
                return Finding(start, end, "PERSON", 0.45, "姓と名の並び", recognizer=self.name)
            if len(surname.surface) >= 2 and text[surname.end : given.begin] in (" ", "　"):
                # 「佐野　誠」: a surname, one space, a given name.
                return Finding(start, end, "PERSON", 0.6, "姓と名の並び（空白区切り）", recognizer=self.name)
        return Finding(start, end, "PERSON", 0.3, "人名として辞書にある語", recognizer=self.name)

    def enhance(self, text, artifacts, own, everything):
        """Raise weak name candidates that sit with someone's contact details
        or in a list with names already found.

        * 「八千代市大和田138-2　佐野　誠」「k-tanaka@example.co.jp（田中）」: a
          dictionary name separated only by spaces or brackets from an
          address, phone number or e-mail address in the same line;
        * 「Taro Yamada、Hanako Suzuki、John Smith」「田中様、鈴木、佐藤」: a
          name in a comma list next to a private person found on its own.
        """
        for f in own:
            if not f.official and _public_figure(text, f):
                # 「知里幸恵『アイヌ神謡集』」「川端康成、芥川龍之介、夏目漱石など」
                # 「歴史講座「北条氏と小田原城」」: an author, a list of famous
                # people, a name in the title of a lecture or exhibition.
                f.score = min(f.score, 0.3)
                f.reason += "（作品・講座の題名や著名人の列挙に現れる人名）"
        public = {text[f.start : f.end] for f in own if f.reason.endswith("（作品・講座の題名や著名人の列挙に現れる人名）")}
        for f in own:
            if text[f.start : f.end] in public and f.reason.startswith(_BARE_REASONS) and f.score > 0.3:
                # 「…測量を始めた伊能忠敬。」 after the lecture's title 「伊能忠敬　測量の旅　講演会」
                f.score = 0.3
                f.reason += "（題名に現れた著名人と同じ名）"
        if len(set(_CULTURAL.findall(text))) >= _CULTURAL_MIN:
            # 「特集展示『徳冨蘆花と粕谷の里』」「正岡子規、萩原朔太郎」: in a
            # cultural or historical notice a bare name is a public figure's.
            for f in own:
                if not f.official and f.reason.startswith(_BARE_REASONS):
                    f.score = min(f.score, 0.3)
                    f.reason += "（文化・歴史の文書に現れる人名）"
        for f in own:
            if not f.official and _ORG_BEFORE_NAME.search(text, max(0, f.start - 24), f.start):
                # 「生活環境課 環境保全係 佐伯」「…環境保全係\n佐伯 隆\nTEL …」: a signature
                f.official = True
                f.reason += "（所属に続く職員の署名）"
        for f in own:
            if not f.official and _ORG_BRACKET_AFTER.match(text, f.end):
                # 「北村 浩（東山区役所 地域力推進室）」: staff, named with their office
                f.official = True
                f.reason += "（所属を添えた職員）"
        officials = [e for e in everything if e.label == "PERSON" and e.official]
        for f in own:
            if not f.official and (
                _in_attendance_list(text, f.start)
                or _ditto_of_official(text, f.start, officials)
                or any(e.start < f.end and f.start < e.end for e in officials)
            ):
                # 「出席委員　委員長 石橋 雄一、…、野本 千晶」: everyone on an
                # attendance line is there in their role, and an official found
                # by another recogniser (a list of members) is one here too.
                f.official = True
                f.reason += "（出席者・委員名簿の氏名：公職者）"
        _same_name_again(text, own, everything)
        weak = [f for f in own if f.score < 0.5 and f.end - f.start >= 2]
        if not weak:
            return
        # Offsets where a name may stand next to contact details (gap ≤ 2 characters).
        near_contact = set()
        for c in everything:
            if c.label in _CONTACT_LABELS and c.score >= 0.5:
                near_contact.update((("s", c.end + k) for k in range(3)))
                near_contact.update((("e", c.start - k) for k in range(3)))
        for f in weak:
            if not _NAME_BOUNDARY.match(text, f.end):
                # 「池尻ハイツ」: the word goes on; it is part of a building's name.
                continue
            for key, pos in (("s", f.start), ("e", f.end)):
                if (key, pos) not in near_contact:
                    continue
                gap = _gap_to_contact(text, f, key, everything)
                if gap:
                    f.score = 0.75
                    f.reason += "・連絡先や住所に並ぶ人名"
                    break
        # A comma list: propagate from strong neighbours, both ways, until stable.
        ranked = sorted(own, key=lambda f: (f.start, -f.end))
        # Pieces inside a longer candidate (「Hanako」 in 「Hanako Suzuki」) are not list items.
        outer = []
        for f in ranked:
            if outer and f.end <= outer[-1].end:
                continue
            outer.append(f)
        ranked = outer
        changed, passes = True, 0
        while changed and passes < 4:
            changed, passes = False, passes + 1
            for a, b in zip(ranked, ranked[1:]):
                if text[a.end : b.start] not in _LIST_SEPARATORS:
                    continue
                for strong, other in ((a, b), (b, a)):
                    if strong.score >= 0.6 and not strong.official and other.score < 0.5 and other.end - other.start >= 2:
                        other.score = 0.7
                        other.reason += "・人名の列挙"
                        changed = True

    def _judge_context_only(self, text, tokens, i):
        t = tokens[i]
        after = _next_surface(tokens, i)
        if after in OFFICIAL_TITLES and len(t.surface) >= 2:
            return Finding(t.begin, t.end, "PERSON", 0.8, "役職名に接する氏名（公職者）", official=True, recognizer=self.name)
        if after in {"様", "さん", "氏", "くん", "ちゃん", "容疑者"} and len(t.surface) >= 2:
            return Finding(t.begin, t.end, "PERSON", 0.8, f"敬称「{after}」が付いた人名", recognizer=self.name)
        if len(t.surface) >= 2 and _STRONG_SELF_INTRO.match(text, t.end) and _prev_surface(tokens, i) not in _NOT_SELF_INTRO_BEFORE:
            # 「ヤマダと申します」: whatever comes before と申します is a name.
            return Finding(t.begin, t.end, "PERSON", 0.8, "名乗りの表現に続く人名", recognizer=self.name)
        if after in ("(", "（") and _PAREN_AGE.match(text, t.end) and _prev_surface(tokens, i) in PERSONAL_LABELS:
            return Finding(t.begin, t.end, "PERSON", 0.8, "年齢を添えた人名", recognizer=self.name)
        return None

    def _unknown_given_names(self, text, tokens):
        """Given names Sudachi does not know as names.

        * before くん/ちゃん (「蒼空くん」「マナちゃん」), which follow names
          and a few family words (お姉ちゃん, 赤ちゃん) only;
        * after a kinship word and の, before a particle (「長女のあかりは」).
        """
        for k, t in enumerate(tokens):
            if t.kind in NAME_KINDS or t.pos1 != "名詞":
                continue
            surface = t.surface
            nxt = tokens[k + 1].surface if k + 1 < len(tokens) else ""
            if (
                nxt in ("くん", "ちゃん")
                and tokens[k + 1].begin == t.end
                and _GIVEN_NAME_SHAPE.match(surface)
                and not surface.startswith("お")
                and surface not in _NOT_GIVEN_NAMES
            ):
                yield Finding(t.begin, t.end, "PERSON", 0.8, f"敬称「{nxt}」が付いた名", recognizer=self.name)
            elif (
                k >= 2
                and tokens[k - 1].surface == "の"
                and tokens[k - 2].surface in KIN_WORDS
                and _KANA_GIVEN_NAME.match(surface)
                and surface not in _NOT_GIVEN_NAMES
                and nxt in _PARTICLES_AFTER_NAME
            ):
                yield Finding(t.begin, t.end, "PERSON", 0.75, f"続柄「{tokens[k - 2].surface}」に続く名", recognizer=self.name)

    def _after_label(self, text):
        for m in _AFTER_LABEL.finditer(text):
            value = m.group("v")
            if (value in _NOT_NAMES or value.split()[0] in KIN_WORDS or _HEADER_WORDS.search(value.split()[0])
                    or value in OFFICIAL_TITLES or _POST_VALUE.search(value)):
                # 「保護者：母　村上 瞳」: the field-name rule takes the name after the kinship word.
                continue
            yield Finding(m.start("v"), m.end("v"), "PERSON", 0.8, f"「{m.group('label')}」欄の氏名", recognizer=self.name)

    def _romaji(self, text):
        for m in _ROMAJI_NAME.finditer(text):
            words = m.group("v").split()
            if any(w.capitalize() in _BUILDING_WORDS for w in words):
                continue
            if not all(_ROMAJI_WORD_RE.match(w) and len(w) >= 2 for w in words):
                # 「John Smith」: kept as a weak candidate, reported only in a
                # list of names or with an honorific.
                if _ROMAJI_HONORIFIC.match(text, m.end()) or _ROMAJI_CONTEXT.search(text[max(0, m.start() - 8) : m.start()]):
                    yield Finding(m.start("v"), m.end("v"), "PERSON", 0.8, "敬称付きのローマ字の氏名", recognizer=self.name)
                else:
                    yield Finding(m.start("v"), m.end("v"), "PERSON", 0.3, "ローマ字の氏名らしい語", recognizer=self.name)
                continue
            honorific = _ROMAJI_HONORIFIC.match(text, m.end())
            score = 0.9 if honorific or _ROMAJI_CONTEXT.search(text[max(0, m.start() - 8) : m.start()]) else 0.6
            yield Finding(m.start("v"), m.end("v"), "PERSON", score, "ローマ字の氏名", recognizer=self.name)

    def _kana(self, text):
        for m in _KANA_AFTER_LABEL.finditer(text):
            yield Finding(m.start("v"), m.end("v"), "PERSON", 0.9, "ふりがな欄の氏名", recognizer=self.name)

    def _foreign_names(self, text):
        """Names written in letters or kana where the words around them say so."""
        # 「my son Vihaan」「Best regards,\nPriya」: a first name in an English letter.
        for pattern, reason in ((_ENGLISH_KIN_NAME, "英文で続柄に続く名"), (_ENGLISH_SIGNATURE, "英文の署名")):
            for m in pattern.finditer(text):
                if not any(w in _BUILDING_WORDS for w in m.group("v").split()):
                    yield Finding(m.start("v"), m.end("v"), "PERSON", 0.8, reason, recognizer=self.name)
        # 「氏名（在留カード表記）　NGUYEN THI THANH HUONG」「カナ　グエン　ティ　フオン」
        for m in _FOREIGN_NAME_FIELD.finditer(text):
            label = m.group("label")
            if label.endswith(_STAFF_LABELS + _FIRM_LABELS):
                continue
            yield Finding(m.start("v"), m.end("v"), "PERSON", 0.9, f"「{label}」欄の氏名", recognizer=self.name)
            if m.group("reading"):
                yield Finding(m.start("reading"), m.end("reading"), "PERSON", 0.9, f"「{label}」欄の氏名の読み", recognizer=self.name)


# 「子　ひなた（3歳5か月）」「長女美咲（高2）」「次女　ルナ（4）」: a relative's given
# name, which no dictionary may know, followed by the age or school year.
_KIN_GIVEN_NAME = re.compile(
    r"(?<![\u4e00-\u9fff\u3005ぁ-んァ-ヶー])(?:" + _KIN + r")[ 　:：]?"
    r"(?P<v>[ぁ-んァ-ヶー]{2,5}|[\u4e00-\u9fff\u3005]{1,3})"
    r"(?=[(（](?:[0-9]{1,2}(?:歳|才|[)）、,])|[0-9]{1,2}歳[0-9]{1,2}か月|[小中高][1-6]|年長|年中|年少))"
)


def _given_names_after_kin(text):
    for m in _KIN_GIVEN_NAME.finditer(text):
        value = m.group("v")
        if value not in _NOT_GIVEN_NAMES and value not in KIN_WORDS and value not in HONORIFICS and value not in ("親", "達", "たち"):
            yield Finding(m.start("v"), m.end("v"), "PERSON", 0.8, "続柄に続き年齢・学年を添えた名", recognizer=NAME)


# A line listing who attends in their role.
# 「出席委員（１２名）　後藤光男（会長）、…」「委員　会長 弁護士 長谷川 亮、委員 大学教授 …」
_ATTENDANCE_LINE = re.compile(
    r"[ \t]*[○◯〇]?(?:出席委員|欠席委員|出席者|欠席者|出席理事者|説明員|出席説明員|出席職員|委員名簿|事務局出席者|出席)"
    r"(?:[(（][^)）\n]{0,10}[)）])?[ \t:：]"
    # a line of members, not a member speaking (「○委員　先日、…。」)
    r"|[ \t]*委員[ \t:：][^。\n]*$"
)


# 「丸亀市監査委員　岡 伸介\n同　　　　十河 由紀子」: ditto, the post of the line above.
_DITTO_LINE = re.compile(r"[ \t　]*同[ \t　]+")


def _ditto_of_official(text, pos, officials):
    line_start = text.rfind("\n", 0, pos) + 1
    if line_start == 0 or not _DITTO_LINE.match(text, line_start):
        return False
    prev = text.rfind("\n", 0, line_start - 1) + 1
    return any(prev <= o.start < line_start for o in officials)


def _in_attendance_list(text, pos):
    """True on an attendance line and on the indented lines that carry it on:
    「出席委員：（被保険者代表）田辺 清、…\n　　　　　（保険医代表）松浦 恵一、…」."""
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(8):
        line_end = text.find("\n", line_start)
        if _ATTENDANCE_LINE.match(text, line_start, len(text) if line_end < 0 else line_end):
            return True
        if line_start == 0 or text[line_start : line_start + 1] not in (" ", "\t", "\u3000"):
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False


# Before a repeated name: a kinship word written on (「長男佐久間」) or not a letter at all.
_KIN_BEFORE = re.compile("(?:" + _KIN + ")$")
_HIRAGANA = re.compile(r"[ぁ-ん]+")
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")
_KANJI_BEFORE_SPACE = re.compile(r"[\u4e00-\u9fff\u3005]{1,6}[ 　]$")
_KIN_PREFIX = re.compile("^(?:" + _KIN + ")")
_NAME_LETTER = re.compile(r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fcA-Za-z]")


def _same_name_again(text, own, everything):
    """「浅野　武という男性…浅野は夜中に…浅野に注意して」: once a private
    person's name is established, the same surname or given name elsewhere in
    the document is that person, with or without an honorific."""
    known = [
        f for f in everything
        if f.label == "PERSON" and f.score >= 0.6 and not f.official and f.end - f.start >= 2
    ]
    pieces = set()
    for f in known:
        value = text[f.start : f.end]
        parts = value.split()
        for piece in [value] + (parts if len(parts) == 2 else []):
            if len(piece) >= 2 and not _PLACEHOLDER_NAME.search(piece) and re.fullmatch(r"[\u4e00-\u9fff\u3005ぁ-んァ-ヶー]+", piece):
                pieces.add(piece)
    if not pieces:
        return
    taken = [(e.start, e.end) for e in everything if e.score >= 0.5]
    pattern = re.compile("|".join(re.escape(p) for p in sorted(pieces, key=len, reverse=True)))
    for m in pattern.finditer(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if start > 0 and _NAME_LETTER.match(text[start - 1]) and not _KIN_BEFORE.search(text, max(0, start - 3), start):
            continue  # 「小浅野」: part of another word
        if _HIRAGANA.fullmatch(m.group()) and (len(m.group()) < 3 or (start > 0 and _HIRAGANA.match(text[start - 1]))):
            continue  # 「みき」 inside 「しみきった」
        if end < len(text) and _NAME_LETTER.match(text[end]) and not text.startswith(tuple(HONORIFICS), end):
            continue  # 「浅野川」
        if text.startswith(tuple(OFFICIAL_TITLES), end):
            continue  # 「浅野委員」 is someone else in their role
        weak = next((f for f in own if f.start == start and f.end == end), None)
        if weak is not None:
            _widen_name(text, weak)
            weak.score = 0.75
            weak.reason += "・文書中で氏名と判明した語の再出"
            continue
        found = Finding(start, end, "PERSON", 0.75, "文書中で氏名と判明した語の再出", recognizer=NAME)
        _widen_name(text, found)
        own.append(found)
        everything.append(found)
        taken.append((start, end))


def _title_before(text, start):
    line_start = text.rfind("\n", 0, start) + 1
    return _TITLE_BEFORE_TEXT.search(text, max(line_start, start - 40), start) is not None


# 「『アイヌ神謡集』」: a work's title right after a name means its author.
_WORK_AFTER = re.compile(r"[\s]?『")
# 「川端康成、芥川龍之介、夏目漱石など」: bare names listed and closed by など.
_FAMOUS_LIST_AFTER = re.compile(r"(?:、[\u4e00-\u9fff\u3005ぁ-んァ-ヶー]{2,8})*(?:など|らの作品|らの作家)")
# 「歴史講座「北条氏と小田原城」」: a title opened after an event or a work.
_TITLE_OPEN = re.compile(r"(?:講座|講演会?|講演録|講話|展|展示|企画展|特別展|シンポジウム|フォーラム|テーマ|演題|番組|映画|書籍|著書|公演|朗読会?)[\s:：]?[「『]$")


_EVENT_TITLE_END = re.compile(r"(?:講演会|講座|講演|展|展示|企画展|特別展|シンポジウム|フォーラム|上映会|朗読会|コンサート|演奏会|記念事業|記念式典)[ \t]*$")


def _public_figure(text, f):
    """True when a name is an author's, a famous person's in a list, or part
    of the title of a lecture, an exhibition or a work."""
    bare = f.reason.startswith(_BARE_REASONS)
    if bare and (_WORK_AFTER.match(text, f.end) or _FAMOUS_LIST_AFTER.match(text, f.end)):
        return True
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    if bare and line_end - line_start <= 40 and _EVENT_TITLE_END.search(text, f.end, line_end):
        # 「伊能忠敬　測量の旅　講演会」: the heading of an event about the person.
        return True
    opening = max(text.rfind("「", line_start, f.start), text.rfind("『", line_start, f.start))
    if opening < 0 or max(text.rfind("」", opening, f.start), text.rfind("』", opening, f.start)) > opening:
        return False
    return _TITLE_OPEN.search(text, max(0, opening - 12), opening + 1) is not None


def _gap_to_contact(text, f, key, everything):
    """True when only spaces or one bracket separate `f` from contact details."""
    for c in everything:
        if c.label not in _CONTACT_LABELS or c.score < 0.5:
            continue
        if key == "s" and 0 <= f.start - c.end <= 2:
            gap = text[c.end : f.start]
        elif key == "e" and 0 <= c.start - f.end <= 2:
            gap = text[f.end : c.start]
        else:
            continue
        if _CONTACT_GAP.fullmatch(gap):
            return True
    return False


def _end_of_name_run(text, tokens, i):
    """Index of the last token of a name starting at tokens[i].

    Name tokens may be separated by one space (「山田 太郎」).
    """
    j = i
    while j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if nxt.kind in NAME_KINDS and nxt.begin == tokens[j].end:
            j += 1
        elif (
            nxt.surface.strip() == ""
            and len(nxt.surface) == 1
            and j + 2 < len(tokens)
            and tokens[j].kind == "surname"
            and tokens[j + 2].kind in ("given", "person", "surname")
            and not (tokens[j + 2].kind == "surname" and i != j)
        ):
            j += 2
        else:
            break
    return j


def _next_surface(tokens, j):
    k = j + 1
    if k < len(tokens) and tokens[k].surface in (" ", "　") :
        k += 1
    return tokens[k].surface if k < len(tokens) else None


def _after_parenthesis(tokens, j, after):
    """Look past 「中村（三）委員」-style disambiguators."""
    if after in ("(", "（") and j + 3 < len(tokens) and tokens[j + 3].surface in (")", "）"):
        return tokens[j + 4].surface if j + 4 < len(tokens) else None
    return after


def _prev_surface(tokens, i):
    k = i - 1
    steps = 0
    while k >= 0 and tokens[k].surface in _SKIP and steps < 2:
        k -= 1
        steps += 1
    return tokens[k].surface if k >= 0 else None


# A field whose value is a person's name: 「滞納者：小林 正和」「配偶者：中島 美咲」
# 「児童氏名：クマール・アーリヤン」.  The label names a person by role (…者,
# …人, …児, 氏名); a kinship word may come first (「保護者：母　村上 瞳」).
_KIN_ALT = "|".join(sorted(KIN_WORDS | {"継父", "継母", "長男", "長女"}, key=len, reverse=True))
_FIELD_NAME = re.compile(
    r"(?m)^[ \t]*(?P<label>[^\s:：。、()（）]{0,10}?(?:者|人|児|児童|生徒|氏名|名前|名義|主|奨学生|受講生|学生))"
    # 「滞納者：小林 正和」, or a column of a form: 「来所者　ブラウン ジェームズ」
    r"(?:[ \t]*[:：][ \t]*|[ \t]+)"
    rf"(?:(?P<kin>{_KIN_ALT})[ \t]+)?"
    r"(?P<v>[\u4e00-\u9fff\u3005]{1,4}(?:[ \t][\u4e00-\u9fff\u3005ぁ-んァ-ヶー]{1,5})?"
    r"|[ァ-ヶー]{1,10}(?:[・=][ァ-ヶー]{1,10}){0,3}(?:[ \t][ァ-ヶー]{1,10})?"
    r"|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){1,2})"
    r"(?=[ \t(（]|[\n、,，。]|さん|様|くん|ちゃん|氏|$)"
)
# Labels of staff or of firms: their value is an official or a company.
_STAFF_LABELS = ("担当者", "担当", "記録者", "作成者", "報告者", "起案者", "決裁者", "対応者", "説明者", "出席者", "受付者", "確認者", "記入者（職員）")
_FIRM_LABELS = ("落札者", "受注者", "発注者", "施工者", "施工業者", "事業者", "業者", "設置者", "開設者", "契約者", "法人")
_NOT_NAME_VALUE = re.compile(r"(?:長|課|係|部|室|局|委員|員|会|所|社|校|園|省|庁|区|市|都|県|町|村|不明|なし|同上|本人|未定|未記入|日|時点|現在)$|^(?:株式会社|有限会社|合同会社|社会福祉法人|一般社団|公益)")
# 「（ヤマグチ）」 alone on a line: a commenter's signature.
_SIGNATURE = re.compile(r"(?m)^[ \t]*[(（](?P<v>[^\n()（）]{2,10})[)）][ \t]*$")
# A reading in brackets right after a name: 「高橋 美和（たかはし みわ）」「王 麗華（WANG LIHUA）」.
_READING = re.compile(
    r"[ \t]?[(（][ \t]?(?P<v>[ぁ-んー]{1,8}[ \t][ぁ-んー]{1,8}|[ァ-ヶー]{1,10}[ \t・][ァ-ヶー]{1,10}|[A-Z][A-Za-z]+ [A-Z][A-Za-z]+)[ \t]?[)）]"
)
# The given name after a surname and one space: 「高橋 さくら」「西村 陸」「長谷部 光　様」.
_GIVEN_AFTER_SPACE = re.compile(
    r"[ \t](?P<g>[\u4e00-\u9fff\u3005]{1,3}|[ぁ-ん]{2,4}|[ァ-ヶー]{2,6})(?=[ \t]*(?:[\n(（、,，。)）]|さん|様|くん|ちゃん|氏|$))"
)
_KATAKANA_CHAIN = re.compile(r"(?:[・=][ァ-ヶー]{1,10}){1,3}(?=[^ァ-ヶー・=]|$)")
# 「○区長（長谷川 浩）」「障害福祉部長（青木 誠一）」: a speaker in the minutes.
_TITLE_BRACKET = re.compile(r"(?:^|\n)[○◯〇]?[^\n()（）]{0,14}(?:長|委員|議員|参事|主査|主事|理事|監|官|番)[ \t]?[(（][ \t]?$")


_HONORIFIC_TAIL = re.compile(r"[ \t]?(?:さん|様|さま|くん|ちゃん|殿)$")
_HONORIFIC_AFTER = re.compile(r"[ \t]*(?:様|さま|さん|殿|氏)")
_NAME_BOUNDARY = re.compile(r"[\s(（)）、,，。:：<＜「」/]|$")


def _widen_name(text, f):
    """Take the given name along with a surname: 「高橋」 → 「高橋 さくら」."""
    if f.label != "PERSON":
        return
    value = text[f.start : f.end]
    if re.fullmatch(r"[\u4e00-\u9fff\u3005]{1,4}", value):
        m = _GIVEN_AFTER_SPACE.match(text, f.end)
        if m and m.group("g") not in _NOT_GIVEN_NAMES and m.group("g") not in HONORIFICS and m.group("g") not in OFFICIAL_TITLES:
            f.end = m.end("g")
    elif re.fullmatch(r"[ァ-ヶー]{1,10}", value):
        m = _KATAKANA_CHAIN.match(text, f.end)
        if m:
            f.end = m.end()
    if re.fullmatch(r"[\u4e00-\u9fff\u3005ぁ-ん]{1,3}", value) and not f.official:
        # 「長男佐久間 隆（５８歳）」: Sudachi reads 佐久間 as a place; the
        # kanji before one space are the surname of the given name found.
        m = _KANJI_BEFORE_SPACE.search(text, max(0, f.start - 7), f.start)
        if m and (m.start() == 0 or not _KANJI.match(text[m.start() - 1])):
            run = m.group()[:-1]
            kin = _KIN_PREFIX.match(run)
            surname = run[kin.end() :] if kin else run
            if 2 <= len(surname) <= 3 and surname not in PERSONAL_LABELS and surname not in OFFICIAL_PREFIXES and not _HEADER_WORDS.match(surname):
                f.start = m.end() - 1 - len(surname)


def _field_names(text, artifacts):
    """Names written as the value of a role field (see _FIELD_NAME)."""
    starts = artifacts._starts()
    for m in _FIELD_NAME.finditer(text):
        label, value = m.group("label"), m.group("v")
        if label.endswith(_FIRM_LABELS) or _NOT_NAME_VALUE.search(value.split()[0]) or value in _NOT_NAMES:
            continue
        if label.endswith(("主",)) and label not in ("世帯主", "事業主", "雇用主"):
            continue
        k = starts.get(m.start("v"))
        first = artifacts.tokens[k] if k is not None else None
        if re.match(r"[\u4e00-\u9fff]", value) and (first is None or first.kind not in ("surname", "given", "person", "proper", "place")):
            # 「関係生徒：被害生徒」: a common noun, not a name.
            continue
        if re.match(r"[ァ-ヶ]", value):
            # 「ファム・ティ・ラン」「ブラウン ジェームズ」「イ・ジウ」: a katakana
            # name has two parts or is a known name; 「サービス」 is a word.
            two_parts = re.search(r"[・= \t]", value) is not None
            if len(value) < 3 or (not two_parts and first is not None and first.kind == "noun"
                                  and not label.endswith(("氏名", "名前", "名義"))):
                continue
        official = label.endswith(_STAFF_LABELS)
        if official and not re.search(r"[:：]", text[m.end("label") : m.start("v")]):
            # 「作成者 山田太郎様」 in a footer: without a field's colon, the
            # label may be a caption for anyone; other rules decide.
            continue
        end = m.end("v")
        trimmed = _HONORIFIC_TAIL.search(value)
        if trimmed:
            end -= len(trimmed.group())
        yield Finding(
            m.start("v"), end, "PERSON", 0.85 if official else 0.9,
            f"「{label}」欄の氏名", official=official, recognizer=NAME,
        )


def _signature(text, tokens):
    """「（ヤマグチ）」 alone on a line after a comment: the writer's name."""
    index = {t.begin: t for t in tokens}
    for m in _SIGNATURE.finditer(text):
        t = index.get(m.start("v"))
        if t is not None and t.end == m.end("v") and t.kind in NAME_KINDS:
            yield Finding(m.start("v"), m.end("v"), "PERSON", 0.8, "署名の人名", recognizer=NAME)


def _readings(text, found):
    """A reading in brackets right after a name is the same person's name."""
    for f in list(found):
        if f.label != "PERSON" or f.score < 0.75:
            continue
        m = _READING.match(text, f.end)
        if m:
            yield Finding(m.start("v"), m.end("v"), "PERSON", f.score, "氏名の読み", official=f.official, recognizer=NAME)




# 「氏　名　　山 本　　健 一」: a form that spaces out every character.
_SPACED_NAME = re.compile(
    r"(?:氏 ?名|お名前|名前|名義)[ \t]*[:：]?[ \t]+"
    r"(?P<v>[\u4e00-\u9fff\u3005ぁ-んァ-ヶー](?: [\u4e00-\u9fff\u3005ぁ-んァ-ヶー]){1,3}"
    r"(?:[ \t]{1,3}[\u4e00-\u9fff\u3005ぁ-んァ-ヶー](?: [\u4e00-\u9fff\u3005ぁ-んァ-ヶー]){0,3})?)"
    r"(?=[ \t]{2,}|[ \t]*\n|[ \t]*$|[(（、,，。])"
)


def _spaced_names(text):
    for m in _SPACED_NAME.finditer(text):
        yield Finding(m.start("v"), m.end("v"), "PERSON", 0.85, "「氏名」欄の氏名（字間を空けた表記）", recognizer=NAME)


# 「井上 幸子（経堂）」 at the start of a line: a name with the town the person lives in.
_NAME_WITH_TOWN = re.compile(
    r"(?m)^[ \t]*(?P<v>[\u4e00-\u9fff\u3005]{1,3} [\u4e00-\u9fff\u3005ぁ-ん]{1,4})[(（](?P<town>[\u4e00-\u9fff\u3005ヶ]{1,6})[)）]"
)


def _names_with_town(text, artifacts):
    starts = artifacts._starts()
    for m in _NAME_WITH_TOWN.finditer(text):
        first = starts.get(m.start("v"))
        town = starts.get(m.start("town"))
        if first is None or town is None:
            continue
        town_token = artifacts.tokens[town]
        if artifacts.tokens[first].kind in NAME_KINDS and town_token.kind == "place" and town_token.end == m.end("town"):
            yield Finding(m.start("v"), m.end("v"), "PERSON", 0.8, "地名を添えた氏名", recognizer=NAME)


# A row of a list: 「１　相川 蒼（保護者…」「１年　林 心春　　アナフィラキシー」「No.3 …」.
_ROW_NAME = re.compile(
    r"(?m)^[ \t]*(?:No\.? ?)?[0-9]{1,3}(?:年|組|班)?[ \t.、,)）]+"
    r"(?P<v>[\u4e00-\u9fff\u3005]{1,3} (?:[\u4e00-\u9fff\u3005]{1,3}|[ぁ-ん]{2,4}))"
    r"(?=[ \t]{2,}|[ \t]*[(（,]|[ \t]*\n|[ \t]*$)"
)


def _row_names(text, artifacts):
    """A surname and a short given name opening a numbered row: the given
    name need not be in the dictionary (「相川 蒼」「野上 さくら」)."""
    starts = artifacts._starts()
    for m in _ROW_NAME.finditer(text):
        k = starts.get(m.start("v"))
        if k is None or artifacts.tokens[k].kind != "surname" or artifacts.tokens[k].end != m.start("v") + m.group("v").index(" "):
            continue
        given = m.group("v").split(" ", 1)[1]
        if given in _NOT_GIVEN_NAMES or given in HONORIFICS or given in OFFICIAL_TITLES:
            continue
        yield Finding(m.start("v"), m.end("v"), "PERSON", 0.8, "名簿の行頭の氏名", recognizer=NAME)
