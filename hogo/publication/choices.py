from django.db import models


class FindingStatus(models.TextChoices):
    PENDING = "pending", "未確認"
    ACCEPTED = "accepted", "マスクする"
    DISMISSED = "dismissed", "問題なし（マスクしない）"


class Verdict(models.TextChoices):
    PUBLISHABLE = "公開可", "公開可"
    REVIEW = "要確認", "要確認"
    NOT_PUBLISHABLE = "公開不可", "公開不可"
    ERROR = "読込不可", "読込不可"
