"""Importing an existing file list (簿冊一覧) from Excel or CSV: every row checked, all rows or none.

Columns: 文書の分類 (an existing series of the division), 簿冊の名称, 完結日, optional 所管課
(the privacy office imports for any division; division staff for their own), 保管場所
(執務室・書庫・システム), 書庫への移管日, 備考. Dates as 2025-03-31, 2025/3/31 or Excel dates.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.models import Division
from hogo.lib.municipal_calendar import is_supported_day
from hogo.lib.tables import TableError, read_rows
from hogo.records.choices import StoragePlace
from hogo.records.models import RecordFile, RecordSeries

__all__ = ["TableError", "ImportResult", "import_files"]

REQUIRED = ("文書の分類", "簿冊の名称")
_PLACES = {label: value for value, label in StoragePlace.choices}


@dataclass
class ImportResult:
    rows: int = 0
    errors: list = field(default_factory=list)  # (row number, message)
    created: int = 0
    applied: bool = False

    @property
    def ok(self):
        return not self.errors


def _date(value):
    if value in ("", None):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    else:
        text = str(value).strip().replace("/", "-")
        try:
            year, month, day_ = (int(part) for part in text.split("-"))
            day = date(year, month, day_)
        except (ValueError, TypeError):
            raise ValueError(f"日付「{value}」を読めません（例：2025-03-31）")
    if not is_supported_day(day):
        raise ValueError(f"日付「{value}」が扱える範囲の外です")
    return day


def _row_file(row, user, series_cache):
    problems = list(row.control_character_problems())
    division_name = row.get("所管課")
    if division_name:
        division = Division.objects.filter(full_name=division_name).first()
        if division is None:
            problems.append(f"所管課「{division_name}」が登録されていません")
    else:
        division = user.division
        if division is None:
            problems.append("所管課を入力してください")
    if division is not None and not user.sees_all_divisions and division.pk != user.division_id:
        problems.append("他の課の簿冊は取り込めません")
    series = None
    name = row.get("文書の分類")
    if not name:
        problems.append("文書の分類を入力してください")
    elif division is not None:
        key = (division.pk, name)
        if key not in series_cache:
            series_cache[key] = RecordSeries.objects.filter(division=division, name=name).first()
        series = series_cache[key]
        if series is None:
            problems.append(f"文書の分類「{name}」がこの課に登録されていません（先に分類を登録してください）")
    title = row.get("簿冊の名称")
    if not title:
        problems.append("簿冊の名称を入力してください")
    elif len(title) > 200:
        problems.append("簿冊の名称は200文字以内にしてください")
    values = {}
    for heading, name_ in (("完結日", "completed_on"), ("書庫への移管日", "moved_to_store_on")):
        try:
            values[name_] = _date(row.values.get(heading))
        except ValueError as error:
            problems.append(f"{heading}：{error}")
    place = row.get("保管場所")
    if place and place not in _PLACES:
        problems.append(f"保管場所「{place}」は 執務室・書庫・システム のいずれかにしてください")
    if problems:
        return None, problems
    record_file = RecordFile(series=series, title=title, note=row.get("備考"),
                             storage_place=_PLACES.get(place, series.storage_place), **values)
    record_file.compute_retention()
    return record_file, []


def import_files(request, filename, data, *, dry_run):
    """Check every row; unless ``dry_run`` and when no row has a problem, create every file in one transaction."""
    rows = read_rows(filename, data, required=REQUIRED, max_rows=settings.HOGO_IMPORT_MAX_ROWS)
    result = ImportResult(rows=len(rows))
    files, cache = [], {}
    for row in rows:
        record_file, problems = _row_file(row, request.user, cache)
        result.errors.extend((row.number, problem) for problem in problems)
        if record_file:
            files.append(record_file)
    if dry_run or result.errors:
        return result
    with transaction.atomic():
        RecordFile.objects.bulk_create(files)
        log.record(request, AuditAction.IMPORT, record_type=RecordFile._meta.label,
                   note=f"簿冊一覧の取込み：{filename}（{len(files)}件）"[:300])
    result.created, result.applied = len(files), True
    return result
