from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "hogo.incidents"
    label = "incidents"
    verbose_name = "漏えい等事案"
    navigation = [("漏えい等事案", "incidents:list", 30)]

    def ready(self):
        from hogo.core import deadlines
        from hogo.incidents.deadlines import incident_deadlines

        deadlines.register(incident_deadlines)
