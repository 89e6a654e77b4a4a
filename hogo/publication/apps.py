from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "hogo.publication"
    label = "publication"
    verbose_name = "公開前チェック"
    navigation = [("公開前チェック", "publication:list", 50)]
