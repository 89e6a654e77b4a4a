from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "hogo.records"
    label = "records"
    verbose_name = "文書の保存・廃棄と可搬媒体"
    navigation = [("文書・媒体", "records:index", 45)]

    def ready(self):
        from hogo.core import deadlines
        from hogo.records.deadlines import records_deadlines

        deadlines.register(records_deadlines)
