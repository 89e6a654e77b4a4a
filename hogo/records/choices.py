from django.db import models

from hogo.records import retention


class RetentionPeriod(models.IntegerChoices):
    ONE = 1, "1年"
    THREE = 3, "3年"
    FIVE = 5, "5年"
    TEN = 10, "10年"
    THIRTY = 30, "30年"
    PERMANENT = 0, "常用"


class StartRule(models.TextChoices):
    NEXT_FISCAL_YEAR = retention.NEXT_FISCAL_YEAR, "完結した年度の翌年度4月1日から起算"
    DAY_AFTER_COMPLETION = retention.DAY_AFTER_COMPLETION, "完結の日の翌日から起算"


class StoragePlace(models.TextChoices):
    OFFICE = "office", "執務室"
    STORE = "store", "書庫"
    SYSTEM = "system", "システム"


class Medium(models.TextChoices):
    PAPER = "paper", "紙"
    ELECTRONIC = "electronic", "電子"


class DisposalStatus(models.TextChoices):
    DRAFT = "draft", "作成中"
    PROPOSED = "proposed", "承認待ち"
    APPROVED = "approved", "承認済み"
    DISPOSED = "disposed", "廃棄済み"


class DisposalMethod(models.TextChoices):
    SHREDDING = "shredding", "裁断（シュレッダー）"
    DISSOLUTION = "dissolution", "溶解処理（委託・証明書あり）"
    ERASURE = "erasure", "電磁的記録の消去・媒体の破壊"


class MediaKind(models.TextChoices):
    USB = "usb", "USBメモリ"
    SD = "sd", "SDカード"
    LAPTOP = "laptop", "ノートパソコン"
    CAMERA = "camera", "デジタルカメラ"
    OTHER = "other", "その他"
