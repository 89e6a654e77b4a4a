from django.apps import AppConfig

from hogo.core.choices import Role


class CoreConfig(AppConfig):
    name = "hogo.core"
    label = "core"
    verbose_name = "組織・利用者"
    navigation = [
        ("ダッシュボード", "dashboard", 0),
        ("2要素認証", "two_factor", 90, (Role.PRIVACY_OFFICE, Role.ADMINISTRATOR)),
    ]

    def ready(self):
        from hogo.core import checks  # noqa: F401  (registers the system checks)
