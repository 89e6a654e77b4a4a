from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "hogo.registers"
    label = "registers"
    verbose_name = "登録簿・審査"
    navigation = [("登録簿・審査", "registers:index", 20)]

    def ready(self):
        from hogo.core import deadlines
        from hogo.registers.deadlines import undecided_reviews

        deadlines.register(undecided_reviews)

        from hogo.jobs import registry
        from hogo.registers.jobs import IMPORT, KIND

        registry.register(KIND, IMPORT)
