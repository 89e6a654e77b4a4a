from django.db import models


class IncidentKind(models.TextChoices):
    LEAK = "leak", "漏えい"
    LOSS = "loss", "滅失"
    DAMAGE = "damage", "毀損"


class Sensitivity(models.TextChoices):
    ORDINARY = "ordinary", "通常"
    SENSITIVE = "sensitive", "要配慮個人情報"
    ORDINANCE = "ordinance", "条例要配慮個人情報"


class Notification(models.TextChoices):
    """Art.68(2): the state of notifying the individuals."""

    NOT_APPLICABLE = "not_applicable", "報告対象外のため通知義務なし"
    PENDING = "pending", "要通知（未実施）"
    DONE = "done", "通知済み"
    SUBSTITUTE = "substitute", "通知困難のため代替措置（法第68条第2項第1号）"
    NON_DISCLOSABLE = "non_disclosable", "不開示情報を含むため通知しない（法第68条第2項第2号）"


class ReportKind(models.TextChoices):
    PRELIMINARY = "preliminary", "速報"
    FINAL = "final", "確報"
    COMBINED = "combined", "速報兼確報"


class TimelineKind(models.TextChoices):
    EVENT = "event", "事案の経過"
    DECISION = "decision", "判定の変更"
