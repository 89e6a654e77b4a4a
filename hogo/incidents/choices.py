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


class HeldStatus(models.TextChoices):
    """Whether the information is 保有個人情報 (法第60条第1項), asked before the Rule 43 decision."""

    HELD = "held", "保有個人情報に当たる（法第60条第1項）"
    ACQUIRING = "acquiring", "取得し、又は取得しようとしている個人情報（まだ保有していない）"
    NOT_HELD = "not_held", "保有個人情報に当たらない"


class Medium(models.TextChoices):
    PAPER = "paper", "紙媒体"
    ELECTRONIC = "electronic", "電子媒体"
    BOTH = "both", "紙媒体及び電子媒体"


class CauseParty(models.TextChoices):
    """Where the cause lay (the PPC report form's 発生主体)."""

    AGENCY = "agency", "実施機関（本市区町村）"
    CONTRACTOR = "contractor", "委託先"
    OTHER = "other", "その他（第三者等）"


class MyNumberSystem(models.TextChoices):
    """Where the 特定個人情報 was kept: 特定個人情報漏えい等規則第2条第1号イ〜ハ, or none of them."""

    NETWORK = "network", "情報提供ネットワークシステム及びこれに接続された電子計算機（第2条第1号イ）"
    USE_SYSTEM = "use_system", "個人番号利用事務を処理するために使用する情報システム（同号ロ）"
    RELATION_SYSTEM = "relation_system", "個人番号関係事務を処理するために使用する情報システム（同号ハ）"
    OTHER = "other", "上記以外（紙媒体、事務用パソコン等）"
