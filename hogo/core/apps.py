from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hogo.core"
    label = "core"
    verbose_name = "組織・利用者"
    navigation = [("ダッシュボード", "dashboard", 0)]

    def ready(self):
        from hogo.core import checks  # noqa: F401  (registers the system checks)
