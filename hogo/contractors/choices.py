from django.db import models


class InspectionKind(models.TextChoices):
    ON_SITE = "on_site", "実地検査"
    DOCUMENT = "document", "書面検査"


class ChecklistAnswer(models.TextChoices):
    YES = "yes", "はい"
    NO = "no", "いいえ"
    NOT_APPLICABLE = "not_applicable", "該当なし"


class ReportKind(models.TextChoices):
    NEW = "new", "新規"
    CHANGED = "changed", "変更"


class StaffRole(models.TextChoices):
    RESPONSIBLE = "responsible", "業務責任者"
    STAFF = "staff", "業務従事者"


class ItemResult(models.TextChoices):
    OK = "ok", "適"
    NG = "ng", "否"
