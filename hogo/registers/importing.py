"""Importing and exporting the registers as spreadsheets.

Municipalities keep these registers in Excel today, with headings that differ
from one office to the next, so each field accepts several headings (the
seeds' headings among them) and columns may come in any order. Every row is
checked first; the import writes all rows or none and reports each bad row.
The export writes the first heading of each field, so an exported file can be
imported again.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.models import Division
from hogo.lib.tables import TableError, read_rows
from hogo.registers.choices import Criterion, Decision, LegalBasis, UseKind
from hogo.registers.models import PersonalInfoFile, ProcessingActivity, Review, UseProvisionRecord

__all__ = ["TableError", "SPECS", "import_table", "check_table", "apply_import", "load_divisions", "export_rows"]


def normalise(text):
    """Full-width to half-width and no spaces: PDF extraction leaves 「D X 推進担当部」."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


@dataclass(frozen=True)
class Column:
    field: str
    headings: tuple  # accepted headings; the first is written on export
    kind: str = "text"  # text, bool, date, int, division, choice, agency
    required: bool = False
    choices: type | None = None


@dataclass(frozen=True)
class Spec:
    key: str
    label: str
    model: type
    columns: tuple


_BOOL = {"有": True, "あり": True, "〇": True, "○": True, "はい": True, "無": False, "なし": False,
         "×": False, "-": False, "いいえ": False}
_WAREKI = {"令和": 2018, "平成": 1988}


REVIEW = Spec("reviews", "審査", Review, (
    Column("number", ("No", "整理番号", "番号"), "int"),
    Column("criterion", ("審査基準", "オンライン結合・システム導入の別"), "choice", True, Criterion),
    Column("recipient", ("提供先",)),
    Column("content", ("内容", "委託の内容", "提供先での利用目的", "利用目的", "オンライン結合・システム導入の内容"),
           required=True),
    Column("legal_basis", ("該当条項",), "choice", choices=LegalBasis),
    Column("agency", ("実施機関",), "agency"),
    Column("division", ("担当部課", "保有課", "所管課"), "division", True),
    Column("using_division", ("利用課",), "division"),
    Column("sensitive", ("要配慮個人情報(有/無)", "要配慮個人情報"), "bool", True),
    Column("ordinance_sensitive", ("条例要配慮個人情報(有/無)", "条例要配慮個人情報"), "bool", True),
    Column("ordinance_sensitive_contents", ("条例要配慮個人情報の内容", "条例要配慮個人情報の内訳")),
    Column("decision", ("審査結果",), "choice", choices=Decision),
    Column("conditions", ("条件・意見", "条件")),
    Column("reviewer", ("審査者",)),
    Column("decided_on", ("審査日",), "date"),
    Column("starts_on", ("開始日", "開始時期"), "date"),
    Column("ends_on", ("終了日",), "date"),
    Column("contractor", ("委託先",)),
    Column("contract_starts_on", ("契約期間(始期)", "契約開始日"), "date"),
    Column("contract_ends_on", ("契約期間(終期)", "契約終了日"), "date"),
))

FILE = Spec("files", "個人情報ファイル簿", PersonalInfoFile, (
    Column("name", ("個人情報ファイルの名称", "名称", "ファイル名称"), required=True),
    Column("agency", ("行政機関等の名称", "実施機関"), "agency"),
    Column("division", ("所管課", "担当部課", "個人情報ファイルが利用に供される事務をつかさどる組織の名称"),
           "division", True),
    Column("purpose", ("利用目的", "個人情報ファイルの利用目的"), required=True),
    Column("record_items", ("記録項目",), required=True),
    Column("record_scope", ("記録範囲",), required=True),
    Column("collection_method", ("記録情報の収集方法", "収集方法"), required=True),
    Column("has_sensitive", ("要配慮個人情報", "要配慮個人情報が含まれるときはその旨"), "bool", True),
    Column("has_ordinance_sensitive", ("条例要配慮個人情報", "条例要配慮個人情報が含まれているときはその旨"), "bool"),
    Column("regular_recipients", ("記録情報の経常的提供先", "経常的提供先")),
    Column("request_office", ("開示・訂正・利用停止請求を受理する組織", "開示請求等を受理する組織"), required=True),
    Column("special_provisions", ("訂正・利用停止の他法令の特別の定め", "他の法令の特別の定め")),
    Column("individuals", ("本人の数", "記録される本人の数"), "int"),
    Column("excluded_from_publication", ("ファイル簿への不掲載", "不掲載"), "bool"),
    Column("exclusion_reason", ("不掲載の理由",)),
    Column("registered_on", ("登録日",), "date", True),
    Column("abolished_on", ("廃止日",), "date"),
))

ACTIVITY = Spec("activities", "個人情報取扱事務登録簿", ProcessingActivity, (
    Column("name", ("事務の名称",), required=True),
    Column("agency", ("実施機関",), "agency"),
    Column("division", ("所管課", "担当部課"), "division", True),
    Column("purpose", ("事務の目的", "目的"), required=True),
    Column("subjects", ("対象者の範囲", "対象者"), required=True),
    Column("record_items", ("記録項目",), required=True),
    Column("sources", ("収集先",)),
    Column("has_sensitive", ("要配慮個人情報",), "bool", True),
    Column("has_ordinance_sensitive", ("条例要配慮個人情報",), "bool"),
    Column("outsourced", ("外部委託",), "bool"),
    Column("provided", ("外部提供",), "bool"),
    Column("online_linked", ("オンライン結合",), "bool"),
    Column("registered_on", ("登録日",), "date", True),
    Column("abolished_on", ("廃止日",), "date"),
))

USE = Spec("uses", "目的外利用・外部提供の記録", UseProvisionRecord, (
    Column("kind", ("区分",), "choice", True, UseKind),
    Column("agency", ("実施機関",), "agency"),
    Column("division", ("保有課", "担当部課"), "division", True),
    Column("occurred_on", ("利用・提供日", "年月日"), "date", True),
    Column("legal_basis", ("根拠", "根拠法令", "該当条項"), "choice", True, LegalBasis),
    Column("counterpart", ("利用課・提供先", "提供先", "利用課"), required=True),
    Column("purpose", ("利用目的・提供先での利用目的", "利用目的")),
    Column("items", ("個人情報の項目",)),
))

SPECS = {spec.key: spec for spec in (REVIEW, FILE, ACTIVITY, USE)}


@dataclass
class ImportResult:
    rows: int = 0
    errors: list = field(default_factory=list)  # (row number, message)
    created: int = 0
    applied: bool = False

    @property
    def ok(self):
        return not self.errors


class _Problem(Exception):
    pass


# Yachiyo's tables call Art.69(1) 「その他の法令」.
_BASIS_ALIASES = {"その他の法令": LegalBasis.LAW, "法令に基づく場合": LegalBasis.LAW}


def _choice_lookup(choices):
    table = {normalise(label): value for value, label in choices.choices}
    table.update({normalise(value): value for value in choices.values})
    if choices is LegalBasis:
        table.update({normalise(alias): value for alias, value in _BASIS_ALIASES.items()})
    return table


def _parse_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = normalise(value)
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text)
    era = re.fullmatch(r"(令和|平成)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日", text)
    try:
        if match:
            return date(*map(int, match.groups()))
        if era:
            year = 1 if era[2] == "元" else int(era[2])
            return date(_WAREKI[era[1]] + year, int(era[3]), int(era[4]))
    except ValueError:
        pass
    raise _Problem(f"日付「{value}」を読めません（例：2023-04-01、令和5年4月1日）")


def load_divisions():
    """The divisions by normalised full name: all an import needs from the database, read before the file."""
    return {normalise(d.full_name): d for d in Division.objects.select_related("department__agency")}


class _Context:
    """What parsing needs from the database (``load_divisions()``), loaded once per import."""

    def __init__(self, divisions):
        self.divisions = divisions
        self.lookups = {}

    def choice(self, choices, value):
        table = self.lookups.setdefault(choices, _choice_lookup(choices))
        # 「法第69条第2項第3号」 (Yachiyo) and 「第69条第2項第3号」 (Setagaya) are the same.
        key = normalise(value).removeprefix("法")
        if key not in table:
            raise _Problem(f"「{value}」は選択肢にありません（{'、'.join(choices.labels)}）")
        return table[key]


def _parse(column, raw, context):
    value = raw if isinstance(raw, (date, datetime)) else ("" if raw is None else str(raw).strip())
    if value == "":
        if column.required:
            raise _Problem(f"「{column.headings[0]}」が空欄です")
        return None
    if column.kind == "bool":
        key = normalise(value)
        if key not in _BOOL:
            raise _Problem(f"「{column.headings[0]}」の「{value}」は有／無として読めません")
        return _BOOL[key]
    if column.kind == "date":
        return _parse_date(value)
    if column.kind == "int":
        text = normalise(value).replace(",", "")
        if not text.isdigit():
            raise _Problem(f"「{column.headings[0]}」の「{value}」は数値ではありません")
        return int(text)
    if column.kind == "division":
        division = context.divisions.get(normalise(value))
        if division is None:
            raise _Problem(f"「{column.headings[0]}」の「{value}」という課は登録されていません")
        return division
    if column.kind == "choice":
        return context.choice(column.choices, value)
    return value


def _heading_map(spec, row_headings, default_values):
    """Field → heading present in the file, first accepted heading wins."""
    present = {normalise(h): h for h in row_headings}
    mapping = {}
    for column in spec.columns:
        for heading in column.headings:
            if normalise(heading) in present:
                mapping[column.field] = present[normalise(heading)]
                break
    missing = [c.headings[0] for c in spec.columns
               if c.required and c.field not in mapping and c.field not in default_values]
    if missing:
        raise TableError("必要な列がありません：" + "、".join(missing))
    return mapping


def _build(spec, row, mapping, default_values, context):
    values, problems = {}, row.control_character_problems()
    for column in spec.columns:
        if column.field in mapping:
            raw = row.values.get(mapping[column.field])
        else:
            raw = default_values.get(column.field)
        try:
            values[column.field] = _parse(column, raw, context)
        except _Problem as problem:
            problems.append(str(problem))
    agency = values.pop("agency", None)
    division = values.get("division")
    if agency and division and normalise(agency) != normalise(division.agency.name):
        problems.append(f"実施機関「{agency}」と課「{division}」の実施機関（{division.agency}）が一致しません")
    if problems:
        return None, problems
    # An empty cell leaves the field at its default ("" for text, None for dates).
    instance = spec.model(**{name: value for name, value in values.items() if value is not None})
    try:
        instance.full_clean(exclude=["division", "using_division", "activity", "review"],
                            validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return None, [_describe(spec.model, error)]
    return instance, []


def _describe(model, error):
    parts = []
    for name, messages in error.message_dict.items():
        label = model._meta.get_field(name).verbose_name if name != "__all__" else ""
        parts.extend(f"{label}：{message}" if label else message for message in messages)
    return "、".join(parts)


def check_table(spec, filename, data, *, divisions, defaults=None, max_rows=None, progress=None):
    """Read and check every row without touching the database; returns ``(ImportResult, instances)``.

    ``divisions`` comes from ``load_divisions()``; ``defaults`` gives values
    for columns the file lacks (e.g. the criterion when the file is one of the
    seed's per-criterion lists); ``progress(done, total)`` is called per row.
    Raises ``TableError`` when the file itself cannot be read, or has more
    than ``max_rows`` rows (HOGO_IMPORT_MAX_ROWS), as soon as that is seen.
    """
    defaults = defaults or {}
    rows = read_rows(filename, data, max_rows=max_rows or settings.HOGO_IMPORT_MAX_ROWS)
    result = ImportResult(rows=len(rows))
    if not rows:
        raise TableError("見出し行のほかに行がありません。")
    mapping = _heading_map(spec, rows[0].values.keys(), defaults)
    context = _Context(divisions)
    instances = []
    for done, row in enumerate(rows, 1):
        instance, problems = _build(spec, row, mapping, defaults, context)
        if problems:
            result.errors.append((row.number, "、".join(problems)))
        else:
            instances.append(instance)
        if progress is not None:
            progress(done, len(rows))
    return result, instances


def apply_import(spec, filename, result, instances, *, request=None, user=None):
    """Create every checked row in one transaction, with its audit row; only for a result without errors."""
    if result.errors:
        raise ValueError("誤りのある取込みは反映できません。")
    with transaction.atomic():
        spec.model.objects.bulk_create(instances, batch_size=500)
        log.record(request, AuditAction.IMPORT, user=user, record_type=spec.model._meta.label,
                   note=f"{spec.label}の取込み：{filename}（{len(instances)}件）")
    result.created = len(instances)
    result.applied = True
    return result


def import_table(spec, filename, data, *, apply, request=None, user=None, defaults=None):
    """Check every row of the file; with ``apply`` and no errors, create all rows in one transaction.

    In one go, for the demo loader and tests; the web page runs the same two
    steps as a background job (hogo.registers.jobs).
    """
    result, instances = check_table(spec, filename, data, divisions=load_divisions(), defaults=defaults)
    if result.errors or not apply:
        return result
    return apply_import(spec, filename, result, instances, request=request, user=user)


def _export_value(column, obj):
    if column.kind == "agency":
        return obj.division.agency.name
    value = getattr(obj, column.field)
    if column.kind == "bool":
        return "有" if value else "無"
    if column.kind == "choice":
        return getattr(obj, f"get_{column.field}_display")() if value else ""
    if column.kind == "division":
        return value.full_name if value else ""
    return "" if value is None else value


def export_rows(spec, queryset):
    """The heading row and one row per record, for ``write_xlsx``."""
    headings = [column.headings[0] for column in spec.columns]
    return headings, ([_export_value(column, obj) for column in spec.columns] for obj in queryset)
