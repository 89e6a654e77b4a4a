from django.db import models


class AuditAction(models.TextChoices):
    VIEW = "view", "閲覧"
    CREATE = "create", "作成"
    UPDATE = "update", "変更"
    DELETE = "delete", "削除"
    EXPORT = "export", "出力"
    DENIED = "denied", "アクセス拒否"
    LOGIN = "login", "ログイン"
    LOGOUT = "logout", "ログアウト"
    LOGIN_FAILED = "login_failed", "ログイン失敗"
    IMPORT = "import", "取込み"
