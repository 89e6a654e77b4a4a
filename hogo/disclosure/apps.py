from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "hogo.disclosure"
    label = "disclosure"
    verbose_name = "開示請求等"
    navigation = [("開示請求等", "disclosure:list", 40)]

    def ready(self):
        from hogo.core import deadlines
        from hogo.disclosure.dashboard import request_deadlines, third_party_deadlines

        deadlines.register(request_deadlines)
        deadlines.register(third_party_deadlines)
