from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from hogo.audit import db_protection


class Command(BaseCommand):
    help = (
        "PostgreSQL：アプリケーションのロールから監査ログ表の UPDATE・DELETE・TRUNCATE 権限を取り消す"
        " REVOKE 文を表示します（--apply で実行）。マイグレーションを実行するロールと"
        "アプリケーションのロールが異なる環境で使います。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--role", required=True, help="アプリケーションが接続に使う PostgreSQL のロール")
        parser.add_argument("--apply", action="store_true", help="表示するだけでなく実行する（表の所有者で接続）")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, role, apply, database, **options):
        connection = connections[database]
        if connection.vendor != "postgresql":
            raise CommandError(
                "この操作は PostgreSQL 専用です。SQLite では監査ログの変更・削除をトリガーで拒否しており、"
                "ロールの権限はありません。"
            )
        statement = db_protection.revoke_statement(role)
        if not apply:
            self.stdout.write(statement + ";")
            return
        with connection.cursor() as cursor:
            cursor.execute(statement)
        self.stdout.write(f"ロール {role} から監査ログ表の UPDATE・DELETE・TRUNCATE 権限を取り消しました。")
