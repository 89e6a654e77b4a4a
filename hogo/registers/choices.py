from django.db import models


class Criterion(models.TextChoices):
    """The five review criteria (審査基準). The seeds report the last two together."""

    OUTSOURCING = "outsourcing", "外部委託"
    INTERNAL_USE = "internal_use", "目的外利用"
    PROVISION = "provision", "外部提供"
    ONLINE_LINK = "online_link", "オンライン結合"
    SYSTEM = "system", "システム導入"
    # One operation can be both; the seeds print it as 「オンライン結合・システム導入」.
    ONLINE_LINK_SYSTEM = "online_link_system", "オンライン結合・システム導入"


class Decision(models.TextChoices):
    APPROVED = "approved", "可"
    CONDITIONAL = "conditional", "条件付可"
    REJECTED = "rejected", "否"


class LegalBasis(models.TextChoices):
    """該当条項: the provision of APPI Art.69 an internal use or a provision relies on.

    Art.69(1) is the 「法令に基づく場合」 that Yachiyo's tables count as 「その他の法令」.
    """

    LAW = "art69_1", "第69条第1項"
    CONSENT = "art69_2_1", "第69条第2項第1号"
    INTERNAL = "art69_2_2", "第69条第2項第2号"
    OTHER_ORGAN = "art69_2_3", "第69条第2項第3号"
    SPECIAL = "art69_2_4", "第69条第2項第4号"


class UseKind(models.TextChoices):
    """The two kinds of Art.69 record."""

    INTERNAL_USE = "internal_use", "目的外利用"
    PROVISION = "provision", "外部提供"


class CheckAnswer(models.TextChoices):
    YES = "yes", "適"
    NO = "no", "不適"
    NOT_APPLICABLE = "na", "該当なし"


class ReportKind(models.TextChoices):
    REVIEWS_AS_OF = "reviews_as_of", "審査の状況（基準日時点）"
    REVIEWS_PERIOD = "reviews_period", "審査の状況（審査期間）"
    REGISTERS = "registers", "登録簿・目的外利用・外部提供の状況"
