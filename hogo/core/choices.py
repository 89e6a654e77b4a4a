from django.db import models


class Role(models.TextChoices):
    PRIVACY_OFFICE = "privacy_office", "個人情報保護担当"
    DIVISION_STAFF = "division_staff", "所管課職員"
    COUNCIL_VIEWER = "council_viewer", "審議会委員（閲覧のみ）"
    ADMINISTRATOR = "administrator", "システム管理者"
