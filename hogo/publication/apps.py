from django.apps import AppConfig

from hogo.core.choices import Role


class PublicationConfig(AppConfig):
    name = "hogo.publication"
    label = "publication"
    verbose_name = "公開前チェック"
    # Council members read reports; they do not check documents before publication.
    navigation = [("公開前チェック", "publication:list", 50,
                   (Role.PRIVACY_OFFICE, Role.DIVISION_STAFF, Role.ADMINISTRATOR))]

    def ready(self):
        from hogo.jobs import registry
        from hogo.publication.jobs import KIND, SCAN

        registry.register(KIND, SCAN)
