"""Importing the contractor's filled-in inspection sheet (the .xlsx Hogo hands out, 資料6/7).

The sheet's first rows are the ten items under the headings №・点検項目・点検事項・実施状況・備考;
below them, rows whose № cell is a label (報告日, 受託者検査対応者…) carry the value in the next
column. Every row is checked first; nothing is recorded unless the whole sheet is right, and each
problem names its row, as the registers' import does.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings

from hogo.contractors import schedule, seed_forms
from hogo.lib.tables import TableError, read_rows

__all__ = ["TableError", "ParsedInspection", "parse_inspection_sheet", "META_LABELS"]

RESULT_VALUES = {"適": seed_forms.OK, "否": seed_forms.NG}
META_LABELS = {"検査の種類": "kind", "報告日": "reported_on", "検査実施日": "reported_on",
               "受託者検査対応者": "respondent"}
IGNORED_LABELS = {"書式", "契約件名", "受託者", "記入方法"}  # printed for the contractor, not read back
KIND_VALUES = {"書面検査": schedule.DOCUMENT, "実地検査": schedule.ON_SITE}


@dataclass
class ParsedInspection:
    kind: str = schedule.DOCUMENT
    reported_on: date | None = None
    respondent: str = ""
    results: dict = field(default_factory=dict)
    remarks: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    @property
    def fiscal_year(self):
        return schedule.fiscal_year_of(self.reported_on)


def _date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip().replace("/", "-"))


def parse_inspection_sheet(filename, data):
    """The sheet as a ``ParsedInspection``; ``errors`` lists every problem (row-level, Japanese)."""
    rows = read_rows(filename, data, required=("№", "実施状況"), max_rows=settings.HOGO_IMPORT_MAX_ROWS)
    parsed = ParsedInspection()
    numbers = {item.number for item in seed_forms.INSPECTION_ITEMS}
    for row in rows:
        for problem in row.control_character_problems():
            parsed.errors.append(f"{row.number}行目: {problem}")
        label = row.get("№")
        if label in IGNORED_LABELS:
            continue
        if label in META_LABELS:
            value = row.get("点検項目")
            target = META_LABELS[label]
            if target == "reported_on":
                try:
                    parsed.reported_on = _date(row.values.get("点検項目"))
                except ValueError:
                    parsed.errors.append(f"{row.number}行目: {label}「{value}」を日付として読めません（例：2025-11-20）。")
            elif target == "kind":
                if value not in KIND_VALUES:
                    parsed.errors.append(f"{row.number}行目: 検査の種類は「書面検査」か「実地検査」です（「{value}」）。")
                else:
                    parsed.kind = KIND_VALUES[value]
            else:
                parsed.respondent = value
            continue
        try:
            number = int(float(label))
        except ValueError:
            parsed.errors.append(f"{row.number}行目: №「{label}」は点検項目の番号（1〜10）ではありません。")
            continue
        if number not in numbers:
            parsed.errors.append(f"{row.number}行目: №{number} という点検項目はありません（1〜10）。")
            continue
        if str(number) in parsed.results:
            parsed.errors.append(f"{row.number}行目: №{number} が重複しています。")
            continue
        result = row.get("実施状況").replace("・", "")
        if result not in RESULT_VALUES:
            parsed.errors.append(f"{row.number}行目: №{number} の実施状況は「適」か「否」を記入してください"
                                 f"（「{row.get('実施状況')}」）。")
            continue
        parsed.results[str(number)] = RESULT_VALUES[result]
        if row.get("備考"):
            parsed.remarks[str(number)] = row.get("備考")
    missing = sorted(numbers - {int(key) for key in parsed.results})
    if missing and not parsed.errors:
        parsed.errors.append("記入のない点検項目があります：№" + "・".join(str(number) for number in missing))
    if parsed.reported_on is None and not any("日付" in error for error in parsed.errors):
        parsed.errors.append("報告日（または検査実施日）の行がありません。")
    return parsed
