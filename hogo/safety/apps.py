from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "hogo.safety"
    label = "safety"
    verbose_name = "安全管理（監査・点検・研修）"
    navigation = [("安全管理", "safety:index", 50)]

    def ready(self):
        from hogo.core import deadlines
        from hogo.safety.deadlines import safety_deadlines

        deadlines.register(safety_deadlines)
