from django.apps import AppConfig

from hogo.core.choices import Role


class AuditConfig(AppConfig):
    name = "hogo.audit"
    label = "audit"
    verbose_name = "監査ログ"
    navigation = [("監査ログ", "audit:list", 90, (Role.PRIVACY_OFFICE, Role.ADMINISTRATOR))]

    def ready(self):
        from hogo.audit import signals  # noqa: F401  (logs logins and logouts)
