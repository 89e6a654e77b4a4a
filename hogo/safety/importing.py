"""Attendance lists: a training's participants imported from a .csv / .xlsx sheet, all or nothing.

Columns: 氏名 and 所属課 (the division's full name or its 課 name when that is unique), optional
ユーザー名 to tie the row to a Hogo user. Every row is checked first; a bad row is reported with its
row number and nothing is written. A dry run checks without writing.
"""

from dataclasses import dataclass, field

from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.models import Division, User
from hogo.lib.tables import TableError, read_rows
from hogo.safety.models import Attendance

REQUIRED = ("氏名", "所属課")


@dataclass
class AttendanceImport:
    rows: list = field(default_factory=list)      # (name, division, user) ready to write
    problems: list = field(default_factory=list)  # Japanese messages, one per bad row
    skipped: int = 0                              # rows already recorded for the session


def _divisions():
    by_name = {}
    for division in Division.objects.all():
        by_name.setdefault(division.full_name, []).append(division)
        if division.name != division.full_name:
            by_name.setdefault(division.name, []).append(division)
    return by_name


def check_attendance(session, filename, data):
    """Read and check every row; raises TableError for an unreadable file."""
    result = AttendanceImport()
    divisions = _divisions()
    users = {user.username: user for user in User.objects.all()}
    recorded = set(session.attendances.values_list("division_id", "person_name"))
    seen = set()
    for row in read_rows(filename, data, required=REQUIRED):
        problems = row.control_character_problems()
        name, division_name, username = row.get("氏名"), row.get("所属課"), row.get("ユーザー名")
        if not name:
            problems.append("氏名が空欄です")
        matches = divisions.get(division_name, [])
        if not division_name:
            problems.append("所属課が空欄です")
        elif not matches:
            problems.append(f"所属課「{division_name}」が登録されていません")
        elif len(matches) > 1:
            problems.append(f"所属課「{division_name}」に当たる課が複数あります。正式名称で書いてください")
        user = None
        if username:
            user = users.get(username)
            if user is None:
                problems.append(f"ユーザー名「{username}」の利用者がいません")
        if problems:
            result.problems.append(f"{row.number}行目：" + "、".join(problems))
            continue
        key = (matches[0].pk, name)
        if key in seen:
            result.problems.append(f"{row.number}行目：{name}（{division_name}）が二度書かれています")
            continue
        seen.add(key)
        if key in recorded:
            result.skipped += 1
            continue
        result.rows.append((name, matches[0], user))
    return result


def do_import_attendance(request, session, filename, data, *, dry_run=False):
    """Check the list and, unless ``dry_run`` or a row is bad, record every row. Returns AttendanceImport."""
    result = check_attendance(session, filename, data)
    if dry_run or result.problems:
        return result
    with transaction.atomic():
        Attendance.objects.bulk_create(Attendance(session=session, person_name=name, division=division, user=user)
                                       for name, division, user in result.rows)
        log.record(request, AuditAction.IMPORT, session, note=f"出席者名簿 {filename}：{len(result.rows)}人")
    return result


__all__ = ["TableError", "check_attendance", "do_import_attendance", "AttendanceImport"]
