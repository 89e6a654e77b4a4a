from django.apps import AppConfig


class ContractorsConfig(AppConfig):
    name = "hogo.contractors"
    label = "contractors"
    verbose_name = "委託先の監督"
    navigation = [("委託先", "contractors:list", 45)]

    def ready(self):
        from hogo.contractors.deadlines import inspection_deadlines
        from hogo.core import deadlines

        deadlines.register(inspection_deadlines)
