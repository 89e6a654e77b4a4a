"""Lists and rosters: the column header says what each cell is.

「No,氏名,生年月日,住所,電話」 over 「1,浅野 光男,S22.4.5,…」, or a roster laid
out with spaces (「No.　氏名　　年齢　連絡先」 over 「１　菅野 大輝　　１７　…」):
a given name no dictionary knows, a katakana name and a bare 「１７」 are
personal because of the column they stand in, which no rule about the words
around them can see.

A header is a line with a name column (氏名, Name, 児童名, …者名); laid out
with spaces it also needs another column about a person (年齢, 生年月日,
住所, 連絡先…), since a form's line looks much the same. Rows are the lines
after it, up to a blank line. In a CSV or tab-separated list every cell is
read by its column (`column_kind`): names, readings, ages,
birth dates, home addresses, a person's numbers (受給者証番号, 宛名番号) and
nationality. A header that has a post or affiliation column (役職, 所属,
選出区分) heads a list of officials; one with 業者名 or 施設名 a list of firms
or places.
"""

import re

from ..finding import Finding
from .base import Recognizer
from .dates import DATE_RE

NAME_HEADERS = {"氏名", "名前", "お名前", "児童名", "生徒名", "利用者名", "参加者名", "申込者名", "受給者名", "対象者名", "名義", "氏名(漢字)",
                "名義人", "世帯主", "契約者", "入居者", "申請者", "保護者", "利用者", "対象者", "児童", "生徒", "なまえ", "おなまえ"}
PERSONAL_HEADERS = {"年齢", "生年月日", "住所", "電話", "電話番号", "連絡先", "性別", "学年", "続柄", "携帯", "メール", "フリガナ", "ふりがな", "学年組", "学年・組", "組", "クラス"}
OFFICIAL_HEADERS = {"役職", "職名", "所属", "選出区分", "推薦団体", "任期", "所属団体", "所属・役職", "役職名"}
# A list of places, not of people: its addresses and numbers are the places'.
FACILITY_HEADERS = {"施設名", "名称", "所在地", "事業所名", "店舗名", "施設", "会場", "医療機関名", "機関名", "団体名",
                    "業者名", "事業者名", "法人名", "会社名", "商号"}
AGE_HEADERS = {"年齢", "年令", "満年齢", "age"}
BIRTH_HEADERS = {"生年月日", "生年", "誕生日", "dob", "date of birth"}
READING_HEADERS = {"フリガナ", "ふりがな", "カナ", "かな", "よみがな", "ヨミガナ", "カナ氏名", "氏名カナ", "氏名(カナ)", "氏名(フリガナ)", "氏名(ふりがな)", "読み"}
ADDRESS_HEADERS = {"住所", "現住所", "住所地", "居住地", "住居地", "居所", "自宅住所", "送付先住所", "町名", "住所(町名)", "address",
                   "団地名", "団地", "住宅名", "棟-号室", "棟・号室", "号室", "部屋", "居室"}
NATIONALITY_HEADERS = {"国籍", "国籍・地域", "国・地域", "nationality"}
# 「受給者証番号」「宛名番号」「被保険者番号」 head a person's number; these do not.
# 「受付番号」「認定番号」 number a request or a decision, not a person.
_NOT_ID_HEADER = re.compile(r"電話|FAX|ファクス|携帯|郵便|部屋|^No|^番号$|連絡先|順|^(?:受付|申込|管理|認定|決定|通知|文書|処理|整理|請求|許可)番号$")

_NAME_PIECE = re.compile(r"^[\u4e00-\u9fff\u3005ぁ-んァ-ヶー・=]{1,12}$")
_LATIN_PIECE = re.compile(r"^[A-Za-z][A-Za-z'.\-]{0,20},?$")
_SURNAME_PIECE = re.compile(r"^[\u4e00-\u9fff\u3005]{1,3}$")
_GIVEN_PIECE = re.compile(r"^(?:[\u4e00-\u9fff\u3005]{1,3}|[ぁ-ん][ぁ-ん\u4e00-\u9fff]{1,3})$")
_KANA_NAME = re.compile(r"^[ぁ-んァ-ヶー・]{1,12}(?:\s[ぁ-んァ-ヶー・]{1,12}){0,3}$")
_ID_WRAPPING = re.compile(r"^[\u4e00-\u9fff]{0,3}\s?第?\s?|\s?号$")
_ID_VALUE = re.compile(r"^[A-Z0-9][A-Z0-9-]{3,20}$")
_NOT_NAME = re.compile(r"(?:課|係|部|室|局|会|所|社|校|園|計|合計|小計|なし|不明|同上|未定|欠席|出席|組|区|地区)$")
_NAME_WITH_READING = re.compile(
    r"(?P<n>[^()（）]+?)\s?[(（](?P<r>[ァ-ヶー・ 　]{2,30}|[ぁ-ん・ 　]{2,30}|[\u4e00-\u9fff]{1,3}[ 　][\u4e00-\u9fff]{1,3})[)）]"
)
_BLANK_CELL = re.compile(r"[＿_□☐…・.\-ー]+")
_FIRM = re.compile(r"株式会社|有限会社|合同会社|法人|組合|協会|商会|商店")
_ROW_STOP = re.compile(r"^\s*(?:※|計|合計|小計|以上|注)")


def column_kind(header):
    """What a column holds, from its header: "name", "reading", "age", "birth",
    "address", "id", "nationality", "official", "facility", "personal" or None.
    「氏名（カナ）」 is a reading, 「住所（町名）」 an address."""
    h = re.sub(r"(?:等|など)$", "", header.strip())
    key = h.lower()
    base = re.sub(r"\s?[(（][^)）]*[)）]$", "", h)
    if key in READING_HEADERS or re.search(r"[(（](?:カナ|かな|フリガナ|ふりがな)[)）]$", h):
        return "reading"
    if base in FACILITY_HEADERS:
        return "facility"
    if base in OFFICIAL_HEADERS:
        return "official"
    if base in NAME_HEADERS or base.endswith(("氏名", "者名")) or key in ("name", "full name", "名前(英字)"):
        return "name"
    if base in AGE_HEADERS or key in AGE_HEADERS:
        return "age"
    if base in BIRTH_HEADERS or key in BIRTH_HEADERS:
        return "birth"
    if base in ADDRESS_HEADERS or key in ADDRESS_HEADERS:
        return "address"
    if base in NATIONALITY_HEADERS or key in NATIONALITY_HEADERS:
        return "nationality"
    if re.search(r"(?:番号|コード)$", base) and not _NOT_ID_HEADER.search(base):
        return "id"
    if base in PERSONAL_HEADERS:
        return "personal"
    return None


# How a cell of each kind of column is checked and reported.
_CELL_FINDINGS = {
    "age": ("AGE", "名簿の年齢欄"),
    "birth": ("BIRTH_DATE", "名簿の生年月日欄"),
    "address": ("ADDRESS", "名簿の住所欄"),
    "id": ("ID_NUMBER", "名簿の番号欄"),
    "nationality": ("NATIONALITY", "名簿の国籍欄"),
    "reading": ("PERSON", "名簿のふりがな欄"),
}


class TableRecognizer(Recognizer):
    name = "table"
    labels = ("PERSON", "AGE", "BIRTH_DATE", "ADDRESS", "ID_NUMBER", "NATIONALITY")

    def analyze(self, text, artifacts):
        results = []
        community = _community_list(text)
        for header_end, separator, columns in _headers(text):
            kinds = [column_kind(c) for c in columns]
            # A post column makes a list of officials, except in a residents'
            # association's list, whose officers are private residents.
            official = "official" in kinds and not community
            for line_start, line_end in _rows(text, header_end):
                if separator == " ":
                    results.extend(self._spaced_row(text, line_start, line_end, kinds, official))
                else:
                    results.extend(self._separated_row(text, line_start, line_end, separator, kinds, official))
        return results

    def _separated_row(self, text, line_start, line_end, separator, kinds, official):
        """A row of a CSV or tab-separated list: every cell by its column."""
        cells, pos = [], line_start
        for piece in text[line_start:line_end].split(separator):
            cells.append(_strip(text, pos, pos + len(piece)))
            pos += len(piece) + 1
        if len(cells) < len(kinds):
            return []
        # A remark with commas in the last column: the extra cells are its.
        cells = cells[: len(kinds) - 1] + [(cells[len(kinds) - 1][0], cells[-1][1])]
        names = [cell for cell, kind in zip(cells, kinds) if kind == "name"]
        if not names or not any(_looks_like_name(_NAME_WITH_READING.sub(r"\g<n>", text[s:e])) for s, e in names):
            return []
        # a residents' association's post column: its holders are private, and
        # must win over the title rule of the person recogniser (「会長　田辺 義男」)
        score = 0.9 if "official" in kinds and not official else 0.85
        found = []
        for (s, e), kind in zip(cells, kinds):
            value = text[s:e]
            if kind == "name" and (m := _NAME_WITH_READING.fullmatch(value)) and _looks_like_name(m.group("n")):
                # 「NGUYEN THI LAN（グエン・ティ・ラン）」: the name and its reading in one cell
                for group in ("n", "r"):
                    found.append(Finding(s + m.start(group), s + m.end(group), "PERSON", 0.85, "名簿の氏名欄", official=official, recognizer=self.name))
            elif kind == "name" and _looks_like_name(value):
                found.append(Finding(s, e, "PERSON", score, "名簿の氏名欄", official=official, recognizer=self.name))
            elif not official and kind in _CELL_FINDINGS and _CELL_CHECKS[kind](value):
                label, reason = _CELL_FINDINGS[kind]
                found.append(Finding(s, e, label, 0.85, reason, recognizer=self.name))
        return found

    def _spaced_row(self, text, line_start, line_end, kinds, official):
        """A row laid out with spaces, which also separate surname and given
        name: the cells before the name column one by one, then one or two
        pieces of name; of the rest only ages and birth dates are trusted."""
        cells = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[line_start:line_end])]
        cells = [(line_start + s, line_start + e) for s, e in cells]
        name_at = kinds.index("name")
        if len(cells) <= name_at:
            return []
        first = cells[name_at]
        end_index = name_at
        if (
            name_at + 1 < len(cells)
            and _SURNAME_PIECE.match(text[first[0] : first[1]])
            and _GIVEN_PIECE.match(text[cells[name_at + 1][0] : cells[name_at + 1][1]])
            and cells[name_at + 1][0] - first[1] == 1
        ):
            end_index = name_at + 1
        name = (first[0], cells[end_index][1])
        if not _looks_like_name(text[name[0] : name[1]]):
            return []
        found = [Finding(name[0], name[1], "PERSON", 0.85, "名簿の氏名欄", official=official, recognizer=self.name)]
        if official:
            return found
        for kind in ("age", "birth"):
            if kind not in kinds:
                continue
            for s, e in cells[end_index + 1 :]:
                if _CELL_CHECKS[kind](text[s:e]):
                    label, reason = _CELL_FINDINGS[kind]
                    found.append(Finding(s, e, label, 0.85, reason, recognizer=self.name))
                    break
        return found


# 「○○自治会 役員名簿」: the posts of a residents' association, a PTA or a
# volunteer fire company are held by private residents, not public officials.
_COMMUNITY_GROUP = re.compile(r"自治会|町内会|町会|子ども会|ＰＴＡ|PTA|老人クラブ|消防団|連絡網")


def _community_list(text):
    end = text.find("\n")
    return _COMMUNITY_GROUP.search(text, 0, len(text) if end < 0 else end) is not None


def _columns(line):
    """(separator, column names) of a header line, or None.  Empty cells of a
    CSV header keep their place, so that cells and columns line up."""
    for separator in (",", "\t", " "):
        cells = line.split(separator) if separator != " " else line.split()
        # 「役職等」「所属など」 head the same column as 「役職」
        columns = [re.sub(r"(?:等|など)$", "", c.strip()) for c in cells]
        if sum(1 for c in columns if c) >= 3:
            return separator, columns if separator != " " else [c for c in columns if c]
    return None


_PEOPLE_KINDS = {"reading", "age", "birth", "address", "id", "nationality", "official", "personal"}


def _headers(text):
    """(end of the header line, separator, column names) for each header of a list of people."""
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        found = _columns(line)
        if found and _is_header(*found):
            yield start + len(line), found[0], found[1]


def _is_header(separator, columns):
    """A header of a list of people: a name column and another about a person.
    Laid out with spaces, 「氏名　渡部　恭平　ふりがな　わたなべ」 is a form's
    line, not a header: most cells of a header name a column."""
    kinds = [column_kind(c) for c in columns]
    # A CSV or tab-separated table with a name column is a list of people;
    # laid out with spaces, the header needs a second column about a person.
    if "name" not in kinds or (separator == " " and not set(kinds) & _PEOPLE_KINDS):
        return False
    if any(_BLANK_CELL.fullmatch(c) for c in columns if c):
        return False  # 「保護者氏名　＿＿＿＿　続柄　＿＿」: a blank form's line
    return separator != " " or sum(k is not None for k in kinds) * 2 >= len(kinds)


def in_facility_table(text, pos):
    """True when `pos` is in a row of a table of places (「施設名,所在地,電話番号」)
    rather than of people."""
    kinds = {column_kind(c) for c in _table_columns_at(text, pos) or ()}
    return "facility" in kinds and "name" not in kinds


def _table_columns_at(text, pos):
    """The column names of the table whose rows include `pos`, or None:
    the nearest line above, within the same block, that reads as a header."""
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(30):
        if line_start == 0:
            return None
        prev = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev : line_start - 1]
        if not line.strip():
            return None
        found = _columns(line)
        if found and {"facility", "name"} & {column_kind(c) for c in found[1]}:
            return found[1]
        line_start = prev
    return None


def _rows(text, header_end):
    pos = header_end + 1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if not line.strip() or _ROW_STOP.match(line):
            return
        yield pos, end
        pos = end + 1


def _strip(text, start, end):
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def _looks_like_name(value):
    """A name as a roster writes it: kanji or kana in one or two pieces,
    a katakana name in up to four (「サントス　マリア　クララ」), or romaji
    (「Tran Van Duc」「Brown, Michael James」)."""
    pieces = value.split()
    if 1 < len(pieces) <= 4 and all(_LATIN_PIECE.match(p) for p in pieces):
        return True
    if 2 < len(pieces) <= 4 and _KANA_NAME.match(value):
        return True
    return (
        1 <= len(pieces) <= 2
        and all(_NAME_PIECE.match(p) for p in pieces)
        and len(value.replace(" ", "")) >= 2
        and not _NOT_NAME.search(value)
        and not _FIRM.search(value)
        # 「個人番号」「電話番号」 in the name column: a form's next field, not a name
        and column_kind(value) is None
    )


def _is_age(value):
    value = value.strip().removesuffix("歳")
    return value.isdigit() and 0 <= int(value) <= 120


def _is_date(value):
    return DATE_RE.fullmatch(value.strip()) is not None


_CELL_CHECKS = {
    "age": _is_age,
    "birth": _is_date,
    "address": lambda v: 2 <= len(v) <= 60 and not _NOT_NAME.search(v) and v not in ("-", "なし", "不明", "市外", "市内"),
    # 「垂第 48217 号」: an issuing office's mark and 第…号 around the number
    "id": lambda v: _ID_VALUE.match(_ID_WRAPPING.sub("", v)) is not None and sum(ch.isdigit() for ch in v) >= 4,
    "nationality": lambda v: 2 <= len(v) <= 12 and v not in ("日本", "なし", "不明", "-"),
    "reading": lambda v: _KANA_NAME.match(v) is not None and len(v.replace(" ", "")) >= 2,
}
