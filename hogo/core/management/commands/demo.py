import importlib.util

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from hogo.core import demo


class Command(BaseCommand):
    help = "デモ用の自治体・組織・利用者と、各機能の事例データを作成します（繰り返し実行しても重複しません）。"

    def add_arguments(self, parser):
        parser.add_argument("--municipality", choices=sorted(demo.PROFILES), default="setagaya",
                            help="どの自治体をモデルにするか（既定：setagaya）")
        parser.add_argument("--no-migrate", action="store_true", help="データベースの移行を行わない")

    def handle(self, *args, municipality, no_migrate, **options):
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        profile = demo.PROFILES[municipality]
        with transaction.atomic():
            accounts = demo.load(profile, self.stdout)
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if config.name == "hogo.core" or not config.name.startswith("hogo."):
                    continue
                if importlib.util.find_spec(module_name) is None:
                    continue
                importlib.import_module(module_name).load(profile, self.stdout)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("デモ用アカウント（デモ専用のパスワードです。本番では使わないでください）:"))
        for username, password, role, division in accounts:
            self.stdout.write(f"  {username:<8} / {password:<20} {role} {division}")
