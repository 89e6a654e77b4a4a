from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "hogo.jobs"
    label = "jobs"
    verbose_name = "バックグラウンド処理"
