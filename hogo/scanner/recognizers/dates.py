"""Birth dates and ages.

Dates are everywhere in administrative text (会議日, 決定日), so a date is a
BIRTH_DATE only when the words around it say so.  Ages in policy text are
usually thresholds (「65歳以上の方」), which are not about anyone.
"""

import re

from ..finding import Finding
from .base import Recognizer, anonymous_block, counted, private_persons, statistics_line

_KNUM = "〇一二三四五六七八九十"
_MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Sept|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
_N2 = rf"(?:[0-9]{{1,2}}|[{_KNUM}]{{1,3}})"
_DATE = (
    r"(?:"
    rf"(?:明治|大正|昭和|平成|令和)\s?(?:{_N2}|元)\s?年\s?{_N2}\s?月(?:\s?{_N2}\s?日)?"
    r"|(?<![A-Za-z])[MTSHR]\s?\.?\s?[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{1,2}(?![0-9])"
    r"|(?<![0-9])(?:19|20)[0-9]{2}\s?年\s?[0-9]{1,2}\s?月(?:\s?[0-9]{1,2}\s?日)?"
    r"|(?<![0-9])(?:19|20)[0-9]{2}[./-][0-9]{1,2}[./-][0-9]{1,2}(?![0-9])"
    # 「12 May 2017」「May 12, 2017」: in letters from residents who write English
    rf"|(?<![0-9])[0-9]{{1,2}}\s(?:{_MONTHS})\.?,?\s(?:19|20)[0-9]{{2}}(?![0-9])"
    rf"|(?<![A-Za-z])(?:{_MONTHS})\.?\s[0-9]{{1,2}},?\s(?:19|20)[0-9]{{2}}(?![0-9])"
    r")"
)
DATE_RE = re.compile(_DATE)
_BIRTH_BEFORE = re.compile(r"(?:生年月日|誕生日|生まれ|出生|生年|[Bb]irth|DOB|D\.O\.B\.?|[Bb]orn)[^。\n]{0,6}$")
# 「大正13年生まれ」「1958年生」: a year of birth alone, of someone in particular
# (not 「昭和30年生まれ以前の方」 nor 「平成元年生まれの人」).
_BIRTH_YEAR = re.compile(
    r"(?<![0-9月])(?P<v>(?:明治|大正|昭和|平成|令和)\s?(?:[0-9]{1,2}|元)\s?年|(?:18|19|20)[0-9]{2}\s?年)"
    r"(?![0-9]{1,2}\s?月)\s?(?:生まれ|生れ|生(?![活徒産命涯]))"
)
_BIRTH_YEAR_GENERAL_AFTER = re.compile(r"\s?(?:の方|の人|以前|以降|以上|以下|まで|から|～|〜|の男性|の女性|の世代|世代|の子)")
_RANGE = re.compile(r"^\s?[〜～~]|[〜～~]\s?$")
_COHORT_AFTER = re.compile(r"\s?(?:生まれ|生)の(?:方|人|男性|女性|子)")
_COHORT_BEFORE = re.compile(r"(?:か月|歳)児\s?[(（]$|対象[:：]?\s?$")
_BIRTH_AFTER = re.compile(r"^\s?[)）]?\s?(?:生まれ|生れ|生|出生|誕生)")


class BirthDateRecognizer(Recognizer):
    name = "birth_date"
    labels = ("BIRTH_DATE",)

    def analyze(self, text, artifacts):
        results = []
        for m in DATE_RE.finditer(text):
            results.append(Finding(m.start(), m.end(), "BIRTH_DATE", 0.2, "日付の形式", recognizer=self.name))
        for m in _BIRTH_YEAR.finditer(text):
            if not _BIRTH_YEAR_GENERAL_AFTER.match(text, m.end()):
                results.append(Finding(m.start("v"), m.end("v"), "BIRTH_DATE", 0.85, "生まれ年", recognizer=self.name))
        return results

    def enhance(self, text, artifacts, own, everything):
        for f in own:
            before = text[max(0, f.start - 16) : f.start]
            after = text[f.end : f.end + 6]
            if _COHORT_BEFORE.search(before) or _RANGE.search(before) or _RANGE.match(after) or _COHORT_AFTER.match(after):
                # 「4か月児（令和6年7月生まれ）」「昭和26年4月1日〜昭和61年3月31日生まれ」
                # 「…生まれの方」: who a check-up or a ceremony is for
                continue
            if _BIRTH_BEFORE.search(before) or _BIRTH_AFTER.match(after):
                f.score = 0.9
                f.reason = "生年月日（「生年月日」「生まれ」等の語に接する日付）"


_AGE_RE = re.compile(
    # 「平均年齢８７．２歳」: not 「２歳」
    r"(?:満\s?)?(?:(?<![0-9.])[0-9]{1,3}|[一二三四五六七八九十百]{1,4})\s?(?:歳|才)(?:代)?"
    r"|(?<![0-9])[1-9]0\s?(?:歳代|代)(?:前半|後半|半ば)?"
    r"|(?<!対象)(?<!平均)(?<!基準)(?<!受診)(?<!該当)年齢[:：\s]*[0-9]{1,3}(?![0-9]|区分|階級|層|別|歳以|以|歳階級|歳刻|歳ごと|歳区分|歳未|歳代)"
    # 「前田（47）」: a bare number in brackets right after a name.
    r"|(?:(?<=[\u4e00-\u9fff\u30a1-\u30fa][(（])|(?<=ん[(（]))[0-9]{1,3}(?=\s?[)）、,])"
)
_KIN_OR_ROLE_BRACKET = re.compile(
    r"(?:母|父|妻|夫|長男|長女|次男|次女|三男|三女|祖母|祖父|兄|姉|弟|妹|孫|世帯主|本人|相談者|利用者|対象者|さま|様|さん|氏)[(（]$"
)
_HOUSEHOLD_EXAMPLE = re.compile(r"[0-9一二三四五六七八九]\s?人世帯\s?[(（][^)）\n]*$")
# 「夫婦（30代）と子1人（4歳）の世帯　約158,600円」
_HOUSEHOLD_LINE = re.compile(r"の世帯[\s　]*約?[0-9,，]+\s?円")
_ENGLISH_AGE = re.compile(r"(?<![0-9])[0-9]{1,3}[ -]years?[ -]old(?![A-Za-z])|(?<![A-Za-z])aged? [0-9]{1,3}(?![0-9])")
_ENGLISH_PERSONAL = re.compile(r"\b(?:my|our|his|her|their|I|he|she)\b|[A-Z][a-z]+ \(")
# Thresholds and ranges: 「65歳以上」「18歳未満」「3歳児健診」「20代から」.
# 「30歳代1、80歳代2」: a count right after the age band
_AGE_GENERAL_AFTER = re.compile(r"[0-9]|\s?(?:到達|階級|以上|以下|未満|を超|超|から|まで|以降|前後|～|〜|~|-|児|の方|の人|に達|になる|になった|を迎え|の誕生日|刻み|ごと|時点|程度|誕生|用|クラス|組|向け|相当|頃|ころ|時|の時|未|以前)")
_AGE_GENERAL_BEFORE = re.compile(r"(?:～|〜|~|-|から|満|概ね|おおむね|平均|各|(?:最年少|最年長|最高齢|最高|最低)[はがの]?|年齢を|年齢は)\s?$")
# Words that show the age belongs to somebody in particular.
_AGE_PERSON = re.compile(
    r"私|僕|母|父|妻|夫|息子|娘|長男|次男|三男|長女|次女|三女|兄|姉|弟|妹|孫|祖母|祖父|男性|女性|男児|女児|男子|女子"
    r"|さん|様|氏|くん|ちゃん|君|本人|当該|患者|利用者|相談者|申請者|児童|生徒|の子|年齢|[A-Z](?![A-Za-z])|容疑者|被害者"
)


class AgeRecognizer(Recognizer):
    name = "age"
    labels = ("AGE",)

    def analyze(self, text, artifacts):
        results = []
        for m in _ENGLISH_AGE.finditer(text):
            # 「my son Vihaan (7 years old」: an age in an English letter about one family.
            score = 0.8 if _ENGLISH_PERSONAL.search(text, max(0, m.start() - 60), m.start()) else 0.45
            results.append(Finding(m.start(), m.end(), "AGE", score, "年齢の表記（英語）", recognizer=self.name))
        for m in _AGE_RE.finditer(text):
            if _AGE_GENERAL_AFTER.match(text, m.end()) or _AGE_GENERAL_BEFORE.search(text[max(0, m.start() - 4) : m.start()]):
                if _AGE_EVENT_AFTER.match(text, m.end()) or m.group().startswith("満"):
                    # 「節子さん、８４歳の方」「ふささんは満１００歳を迎え」: kept
                    # weak, reported only when a name stands right before it.
                    finding = Finding(m.start(), m.end(), "AGE", 0.3, "年齢の表記（一般の表現）", recognizer=self.name)
                    finding.event = True
                    results.append(finding)
                continue
            if m.group().isdigit():
                # 「前田（47）」: a bare number in brackets is an age only after a name.
                results.append(Finding(m.start(), m.end(), "AGE", 0.2, "括弧内の数", recognizer=self.name))
                continue
            results.append(Finding(m.start(), m.end(), "AGE", 0.45, "年齢の表記", recognizer=self.name))
        return results

    def enhance(self, text, artifacts, own, everything):
        persons = private_persons(everything)
        name_ends = {p.end for p in persons}
        for f in own:
            if getattr(f, "event", False):
                if any(0 <= f.start - p.end <= 14 and _NAME_THEN_AGE.fullmatch(text, p.end, f.start) for p in persons):
                    f.score = 0.8
                    f.reason = "氏名に続く年齢"
                continue
            if text[f.start : f.end].isdigit():
                if f.start - 1 in name_ends or any(
                    0 < f.start - p.end <= 6 and _NAME_SUFFIX_BRACKET.fullmatch(text, p.end, f.start) for p in persons
                ):
                    f.score = 0.8
                    f.reason = "氏名に添えた年齢"
                elif _KIN_OR_ROLE_BRACKET.search(text, max(0, f.start - 6), f.start):
                    # 「妻（86）と二人暮らし」「世帯主（58）在宅」
                    f.score = 0.8
                    f.reason = "続柄・立場に添えた年齢"
                continue
            line_start = text.rfind("\n", 0, f.start) + 1
            line_end = text.find("\n", f.start)
            line_end = len(text) if line_end < 0 else line_end
            if text.count("\t", line_start, line_end) >= 2 and not any(line_start <= p.start < line_end for p in persons):
                # 「麻しん風しん（MR）\t1歳、年長児\t2回」: a table of schedules or counts
                f.score = 0.2
                f.reason += "（表中の年齢の区分）"
                continue
            if _HOUSEHOLD_EXAMPLE.search(text, max(0, f.start - 48), f.start) or _HOUSEHOLD_LINE.search(text, f.end, line_end):
                # 「２人世帯（母３０歳、子８歳）　約２１０万円」: a model household.
                f.score = 0.2
                f.reason += "（世帯の例）"
                continue
            if _is_statistic(text, f) or counted(text, f.end) or statistics_line(text, f.start, persons):
                # 「年代別では40歳代と50歳代が」「2件（20代男性）」「主事（30代・男性）」
                f.score = 0.2
                f.reason = "統計・匿名の年代"
                continue
            if _anonymous_attributes(text, f):
                # 「No.8　受付：5月12日（市内・50代・女性）」: the anonymised
                # attributes of a letter writer, with no one named.
                f.score = 0.2
                f.reason = "匿名の属性（地域・年代・性別）"
                continue
            if _placeholder_case(text, f, persons) or _after_placeholder(text, f) or anonymous_block(text, f.start, persons):
                # 「事例１：Ａさん（８０歳代、女性）」「本人　Ｂ氏（７０代、女性）」:
                # the age of an anonymised person describes no one.
                f.score = 0.2
                f.reason = "匿名の人物（Ａさん等）の年齢"
                continue
            window = text[max(0, f.start - 15) : f.end + 8]
            # 「（7歳・4歳）」: the first age or a later one in a bracket of ages.
            parenthesised = text[f.start - 1 : f.start] in ("(", "（") or _AGES_IN_BRACKET.search(
                text, max(0, f.start - 24), f.start
            ) is not None
            beside = [e for e in everything if e.label in ("PERSON", "BIRTH_DATE") and e.score >= 0.5 and not e.official]
            if any(0 <= f.start - e.end <= 2 and not text[e.end : f.start].strip(" \t,、)") for e in beside):
                # 「石田 彩　32歳」「大正１５年６月１日　98歳」: the age written next to a name or birth date.
                f.score = 0.8
                f.reason = "氏名・生年月日に並べた年齢"
            elif text[f.start : f.end].startswith("年齢") or parenthesised or _AGE_PERSON.search(window):
                f.score = 0.8
                f.reason = "特定の人の年齢（人を示す語に接する）"
            elif _in_bracket_after(text, f.start, name_ends) or _BIRTH_IN_BRACKET.search(text, max(0, f.start - 16), f.start):
                # 「鈴木 一郎（昭和31年2月17日生、68歳）」
                f.score = 0.8
                f.reason = "氏名・生年月日に添えた年齢"
            elif _AGE_OF_SOMEONE.match(text, f.end) and any(
                _sentence_start(text, _sentence_start(text, f.start) - 1) <= p.start < f.start for p in persons
            ):
                # 「斉藤さんという方から相談を受けました。82歳で、…」
                f.score = 0.75
                f.reason = "直前の文の人物の年齢"


_AGES_IN_BRACKET = re.compile(r"[(（](?:[0-9]{1,3}\s?(?:歳|才)[・、,，]\s?)+$")
# 「ふささんは満１００歳を迎え」「節子さん、８４歳の方」: between a name and its age.
_AGE_EVENT_AFTER = re.compile(r"\s?(?:の方|を迎え|になった|に達|の誕生日|になる)")
_NAME_THEN_AGE = re.compile(
    r"\s?(?:さん|様|氏|くん|ちゃん|君)?\s?(?:は|が|も)?\s?[、,，]?\s?(?:(?:この)?たび|今年|本年|先日|今月|今回)?[、,，]?\s?(?:満\s?)?"
)
# 「ヨシさん（９１）」
_NAME_SUFFIX_BRACKET = re.compile(r"\s?(?:さん|様|氏|くん|ちゃん|君)[(（]")
_BIRTH_IN_BRACKET = re.compile(r"[(（][^()（）\n]{0,14}(?:生|生まれ)\s?[、,，]\s?$")
_AGE_OF_SOMEONE = re.compile(r"\s?(?:で[、,，]|で一人|で独居|の(?:母|父|妻|夫|男性|女性|方|私|僕))")
# 「2件（…20代男性）」「年代別では」「40歳代と50歳代」: statistics, not a person.
_STAT_BEFORE = re.compile(r"(?:[0-9]+\s?(?:件|人|名|例)[(（][^)）\n]{0,20}|年代別[^。\n]{0,10}|年齢別[^。\n]{0,10}|年齢層[^。\n]{0,10})$")
_AGE_LIST_AFTER = re.compile(r"\s?(?:と|や|及び|および|、)\s?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})\s?(?:歳代|代|歳)")
_OFFICIAL_BEFORE = re.compile(
    r"(?:主事|主任|主査|係長|課長|部長|職員|教諭|教員|事務員|会計年度任用職員|巡査|消防士|保育士|看護師)[(（]$"
)


# A placeholder in a case example: 「事例１：Ａさん（８０歳代、女性）」「ケース２　Ｂ氏」.
# A record about a real person that uses a pseudonym (「相談者（Ａさん）は…」)
# stays personal: only a line that says it is an example makes it fictional.
PLACEHOLDER = re.compile(
    r"(?m)^[^\n]{0,12}(?:事例|ケース|案件|モデル|架空|想定|例)[^\n]{0,12}?(?<![A-Za-z])[A-Z](?:さん|氏|様|君|くん|ちゃん)"
)


def placeholder_case(text, lo, hi, persons):
    """True when a case example's placeholder stands in text[lo:hi] and no
    real person found by the other recognisers does."""
    line_start = text.rfind("\n", 0, lo) + 1
    m = PLACEHOLDER.search(text, line_start, hi)
    if m is None or m.end() <= lo - 200:
        return False
    return not any(m.start() <= p.start < hi and p.label == "PERSON" for p in persons)


# 「利用者Ａ（４０代、男性」「本人　Ｂ氏（７０代」「息子Ｂさん（５０代）」: the age
# of an anonymised person, in the bracket right after the placeholder.
_AFTER_PLACEHOLDER = re.compile(r"(?<![A-Za-z])[A-Z](?:さん|氏|様|君|くん|ちゃん)?[(（][^()（）\n]{0,12}$")


def _after_placeholder(text, f):
    return _AFTER_PLACEHOLDER.search(text, max(0, f.start - 16), f.start) is not None


def _placeholder_case(text, f, persons):
    """True when the age belongs to a case example's placeholder on its line."""
    line_start = text.rfind("\n", 0, f.start) + 1
    return placeholder_case(text, line_start, f.start, persons)


# 「子ども２人（7歳・4歳）」「ご家族４名（ご夫婦と、10歳・6歳のお子様）」: a
# household's members, not a count of cases.
_FAMILY_COUNT = re.compile(r"(?:子ども|子供|こども|お子さん|お子様|子|孫|兄弟|姉妹|家族|世帯員|同居家族)\s?[0-9]+\s?(?:人|名)[(（][^)）\n]{0,20}$")


def _is_statistic(text, f):
    before = text[max(0, f.start - 24) : f.start]
    return bool(
        (_STAT_BEFORE.search(before) and not _FAMILY_COUNT.search(before)) or _AGE_LIST_AFTER.match(text, f.end) or _OFFICIAL_BEFORE.search(before)
        or re.search(r"(?:歳代|代|歳)\s?(?:と|や|及び|、)\s?$", before)
    )


# A bracket of attributes only: area, decade and sex (「（市内・50代・女性）」「（区外、40歳代、男性）」).
_ATTRIBUTES = re.compile(
    r"[(（](?:(?:[市区町村都県][内外]|都内|県内|府内|道内|市外|区外|在住|在勤|在学|男性|女性|男|女|その他|不明|[0-9]{1,3}\s?(?:歳代|代)(?:前半|後半)?)[・、,，/\s]*){2,4}[)）]"
)
# What stands before such a bracket when it describes an anonymous writer: a date, a number or a receipt.
_ANON_BEFORE = re.compile(r"(?:[0-9]\s?日|受付|受付日|No\.?\s?[0-9]+|[0-9]+)\s?$")


def _anonymous_attributes(text, f):
    """True when a decade sits in a bracket of anonymous attributes that
    follows a date or a number, not a name or a person word."""
    line_start = text.rfind("\n", 0, f.start) + 1
    opening = max(text.rfind("(", line_start, f.start), text.rfind("（", line_start, f.start))
    if opening < 0 or "代" not in text[f.start : f.end]:
        return False
    m = _ATTRIBUTES.match(text, opening)
    return bool(m and m.end() >= f.end and _ANON_BEFORE.search(text, max(line_start, opening - 12), opening))


def _in_bracket_after(text, pos, name_ends):
    """True when `pos` is inside a bracket that opens right after a name."""
    line_start = text.rfind("\n", 0, pos) + 1
    opening = max(text.rfind("(", line_start, pos), text.rfind("（", line_start, pos))
    if opening < 0 or max(text.rfind(")", opening, pos), text.rfind("）", opening, pos)) > opening:
        return False
    return opening in name_ends or opening - 1 in name_ends


def _sentence_start(text, pos):
    best = -1
    for ch in "。！？!?\n":
        best = max(best, text.rfind(ch, 0, max(0, pos)))
    return best + 1
