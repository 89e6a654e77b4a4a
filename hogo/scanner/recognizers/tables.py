"""Lists and rosters: the column header says what each cell is.

「No,氏名,生年月日,住所,電話」 over 「1,浅野 光男,S22.4.5,…」, or a roster laid
out with spaces (「No.　氏名　　年齢　連絡先」 over 「１　菅野 大輝　　１７　…」):
a given name no dictionary knows, a katakana name and a bare 「１７」 are
personal because of the column they stand in, which no rule about the words
around them can see.

A header is a line with a name column (氏名, 名前, 児童名…) and at least one
other column about a person (年齢, 生年月日, 住所, 連絡先…). Rows are the lines
after it, up to a blank line. A header that has a post or affiliation
column (役職, 所属, 選出区分) heads a list of officials.
"""

import re

from ..finding import Finding
from .base import Recognizer
from .dates import DATE_RE

NAME_HEADERS = {"氏名", "名前", "お名前", "児童名", "生徒名", "利用者名", "参加者名", "申込者名", "受給者名", "対象者名", "名義", "氏名(漢字)"}
PERSONAL_HEADERS = {"年齢", "生年月日", "住所", "電話", "電話番号", "連絡先", "性別", "学年", "続柄", "携帯", "メール", "フリガナ", "ふりがな"}
OFFICIAL_HEADERS = {"役職", "職名", "所属", "選出区分", "推薦団体", "任期", "所属団体", "所属・役職", "役職名"}
# A list of places, not of people: its addresses and numbers are the places'.
FACILITY_HEADERS = {"施設名", "名称", "所在地", "事業所名", "店舗名", "施設", "会場", "医療機関名", "機関名", "団体名"}
AGE_HEADERS = {"年齢", "年令"}
BIRTH_HEADERS = {"生年月日", "生年", "誕生日"}

_CELL = {
    ",": re.compile(r"[^,\n]+"),
    "\t": re.compile(r"[^\t\n]+"),
    " ": re.compile(r"[^\s]+"),
}
_NAME_PIECE = re.compile(r"^[\u4e00-\u9fff\u3005ぁ-んァ-ヶー・=]{1,12}$")
_SURNAME_PIECE = re.compile(r"^[\u4e00-\u9fff\u3005]{1,3}$")
_GIVEN_PIECE = re.compile(r"^(?:[\u4e00-\u9fff\u3005]{1,3}|[ぁ-ん][ぁ-ん\u4e00-\u9fff]{1,3})$")
_NOT_NAME = re.compile(r"(?:課|係|部|室|局|会|所|社|校|園|計|合計|小計|なし|不明|同上|未定|欠席|出席)$")
_ROW_STOP = re.compile(r"^\s*(?:※|計|合計|小計|以上|注)")


class TableRecognizer(Recognizer):
    name = "table"
    labels = ("PERSON", "AGE", "BIRTH_DATE")

    def analyze(self, text, artifacts):
        results = []
        for header_end, separator, columns in _headers(text):
            official = bool(OFFICIAL_HEADERS.intersection(columns))
            for line_start, line_end in _rows(text, header_end):
                results.extend(self._row(text, line_start, line_end, separator, columns, official))
        return results

    def _row(self, text, line_start, line_end, separator, columns, official):
        cells = [(m.start(), m.end()) for m in _CELL[separator].finditer(text, line_start, line_end)]
        cells = [(s, e) for s, e in cells if text[s:e].strip()]
        name_at = next(i for i, c in enumerate(columns) if c in NAME_HEADERS)
        if separator != " ":
            if len(cells) != len(columns):
                return []
            name = _strip(text, *cells[name_at])
            rest = list(zip(columns[name_at + 1 :], cells[name_at + 1 :]))
        else:
            # Spaces also separate surname and given name: take the cells
            # before the name column one by one, then one or two pieces of name.
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
            rest = [(None, c) for c in cells[end_index + 1 :]]
        value = text[name[0] : name[1]]
        if not _looks_like_name(value):
            return []
        found = [Finding(name[0], name[1], "PERSON", 0.85, "名簿の氏名欄", official=official, recognizer=self.name)]
        if official:
            return found
        for label, headers, check, reason in (
            ("AGE", AGE_HEADERS, _is_age, "名簿の年齢欄"),
            ("BIRTH_DATE", BIRTH_HEADERS, _is_date, "名簿の生年月日欄"),
        ):
            if not headers.intersection(columns):
                continue
            for column, (s, e) in rest:
                if (column is None or column in headers) and check(text[s:e]):
                    found.append(Finding(s, e, label, 0.85, reason, recognizer=self.name))
                    break
        return found


def _columns(line):
    """(separator, column names) of a header line, or None."""
    for separator in (",", "\t", " "):
        cells = line.split(separator) if separator != " " else line.split()
        # 「役職等」「所属など」 head the same column as 「役職」
        columns = [re.sub(r"(?:等|など)$", "", c.strip()) for c in cells if c.strip()]
        if len(columns) >= 3:
            return separator, columns
    return None


def _headers(text):
    """(end of the header line, separator, column names) for each header of a list of people."""
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        found = _columns(line)
        if found and NAME_HEADERS.intersection(found[1]) and (PERSONAL_HEADERS | OFFICIAL_HEADERS).intersection(found[1]):
            yield start + len(line), found[0], found[1]


def in_facility_table(text, pos):
    """True when `pos` is in a row of a table of places (「施設名,所在地,電話番号」)
    rather than of people."""
    columns = _table_columns_at(text, pos)
    return bool(columns) and bool(FACILITY_HEADERS.intersection(columns)) and not NAME_HEADERS.intersection(columns)


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
        if found and (FACILITY_HEADERS | NAME_HEADERS).intersection(found[1]):
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
    pieces = value.split()
    return (
        1 <= len(pieces) <= 2
        and all(_NAME_PIECE.match(p) for p in pieces)
        and len(value.replace(" ", "")) >= 2
        and not _NOT_NAME.search(value)
        and value not in NAME_HEADERS
    )


def _is_age(value):
    value = value.strip().removesuffix("歳")
    return value.isdigit() and 0 <= int(value) <= 120


def _is_date(value):
    return DATE_RE.fullmatch(value.strip()) is not None
