from django.db import models


class Post(models.TextChoices):
    """The posts of the management structure (Yachiyo 管理指針 §2 and §12(1); Setagaya 条例第5条)."""

    GENERAL_MANAGER = "general_manager", "個人情報総括保護管理者"
    MANAGER = "manager", "個人情報保護管理者"
    RESPONSIBLE = "responsible", "個人情報保護責任者"
    OFFICER = "officer", "個人情報保護担当者"
    AUDIT_OFFICER = "audit_officer", "監査責任者"
    DOCUMENT_SUPERVISOR = "document_supervisor", "文書監督者"


class CheckCategory(models.TextChoices):
    STORAGE = "storage", "保管・管理"
    ACCESS = "access", "アクセス権限"
    MEDIA = "media", "記録媒体・機器"
    FAX_MAIL = "fax_mail", "ファクシミリ・郵便・電子メール"
    DISPOSAL = "disposal", "廃棄"
    CONTRACTORS = "contractors", "委託先の管理"
    TRAINING = "training", "研修"
    OTHER = "other", "その他"


class Answer(models.TextChoices):
    YES = "yes", "はい"
    NO = "no", "いいえ"
    NOT_APPLICABLE = "na", "該当なし"


class SelfCheckStatus(models.TextChoices):
    DRAFT = "draft", "回答中"
    SUBMITTED = "submitted", "提出済み"


class AuditKind(models.TextChoices):
    ON_SITE = "on_site", "実地監査"
    DOCUMENTARY = "documentary", "書面監査"


class Severity(models.TextChoices):
    MAJOR = "major", "重大な指摘"
    FINDING = "finding", "指摘事項"
    ADVICE = "advice", "改善の要望"


class FindingSource(models.TextChoices):
    AUDIT = "audit", "監査"
    SELF_CHECK = "self_check", "点検"


class Audience(models.TextChoices):
    ALL_STAFF = "all_staff", "全職員"
    DOCUMENT_SUPERVISORS = "document_supervisors", "文書監督者"
    NEW_STAFF = "new_staff", "新規採用・異動職員"
    CONTRACTORS = "contractors", "委託事業者"


class Channel(models.TextChoices):
    FAX = "fax", "ファクシミリ"
    MAIL = "mail", "郵便"
    EMAIL = "email", "電子メール"


class SendMethod(models.TextChoices):
    FAX_COVER = "fax_cover", "送付票に番号を明記し送信前に読み合わせ"
    FAX_MASKED = "fax_masked", "個人を特定できないようマスキングして送信"
    FAX_INTERNAL = "fax_internal", "庁内ファクシミリ（内線）"
    REGISTERED = "registered", "書留"
    TOKUTEI_KIROKU = "tokutei_kiroku", "特定記録郵便"
    ORDINARY_MAIL = "ordinary_mail", "普通郵便（封入物の二者確認）"
    PASSWORD_SEPARATE = "password_separate", "パスワード付きファイル（パスワードは別送）"
    SECURE_FOLDER = "secure_folder", "セキュリティフォルダ・共有フォルダ"
