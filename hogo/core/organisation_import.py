"""Importing the organisation (agencies, departments, divisions) from a sheet.

Columns: 実施機関, 部, 課 (required); 正式名称, 電話番号 (optional). Every row
is checked first; if any row is bad nothing is written and the report lists
each bad row with its reason.
"""

from dataclasses import dataclass, field

from django.db import transaction

from hogo.core.models import Agency, Department, Division
from hogo.lib.tables import read_rows

REQUIRED = ("実施機関", "部", "課")

# Each column's field: SQLite would store a longer value, PostgreSQL refuses it, so the import checks.
COLUMN_FIELDS = {
    "実施機関": Agency._meta.get_field("name"),
    "部": Department._meta.get_field("name"),
    "課": Division._meta.get_field("name"),
    "正式名称": Division._meta.get_field("full_name"),
    "電話番号": Division._meta.get_field("phone"),
}


@dataclass
class ImportReport:
    errors: list = field(default_factory=list)  # (row number, message)
    created: dict = field(default_factory=lambda: {"agencies": 0, "departments": 0, "divisions": 0})
    rows: int = 0

    @property
    def ok(self):
        return not self.errors


def _check_row(row, seen):
    agency, department, division = (row.get(name) for name in REQUIRED)
    full_name = row.get("正式名称") or f"{department}{division}"
    problems = [f"「{name}」が空欄です" for name, value in zip(REQUIRED, (agency, department, division)) if not value]
    problems += row.control_character_problems()
    for column, model_field in COLUMN_FIELDS.items():
        if len(str(row.get(column) or "")) > model_field.max_length:
            problems.append(f"「{column}」が{model_field.max_length}文字を超えています")
    if full_name in seen:
        problems.append(f"課「{full_name}」が{seen[full_name]}行目と重複しています")
    existing = Division.objects.filter(full_name=full_name).select_related("department__agency").first()
    if existing and (existing.department.name != department or existing.department.agency.name != agency):
        problems.append(f"課「{full_name}」は既に「{existing.department.agency} {existing.department}」に登録されています")
    return problems, (agency, department, division, full_name, row.get("電話番号"))


def import_organisation(filename, data):
    """Check every row, then create what is missing, all or nothing. Returns an ImportReport."""
    report = ImportReport()
    rows = read_rows(filename, data, required=REQUIRED)
    report.rows = len(rows)
    seen, parsed = {}, []
    for row in rows:
        problems, values = _check_row(row, seen)
        if problems:
            report.errors.append((row.number, "、".join(problems)))
        else:
            seen[values[3]] = row.number
            parsed.append(values)
    if report.errors:
        return report
    with transaction.atomic():
        for order, (agency_name, department_name, division_name, full_name, phone) in enumerate(parsed, 1):
            agency, created = Agency.objects.get_or_create(
                name=agency_name, defaults={"order": Agency.objects.count() + 1})
            report.created["agencies"] += created
            department, created = Department.objects.get_or_create(
                agency=agency, name=department_name, defaults={"order": order})
            report.created["departments"] += created
            _, created = Division.objects.get_or_create(
                full_name=full_name,
                defaults={"department": department, "name": division_name, "phone": phone, "order": order})
            report.created["divisions"] += created
    return report
