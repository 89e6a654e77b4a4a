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


# Japanese names of the scanner's labels, for the UI.
LABEL_NAMES = {
    "PERSON": "氏名", "ADDRESS": "住所・所在", "PHONE": "電話・FAX", "EMAIL": "メールアドレス",
    "POSTAL_CODE": "郵便番号", "BIRTH_DATE": "生年月日", "AGE": "年齢", "MY_NUMBER": "個人番号",
    "ID_NUMBER": "各種番号", "FINANCIAL": "口座・カード番号", "MEDICAL": "病歴・健康",
    "DISABILITY": "障害", "CRIMINAL": "犯罪歴等", "BELIEF": "信条", "ETHNICITY": "人種・民族",
    "NATIONALITY": "国籍", "DV": "DV",
}
