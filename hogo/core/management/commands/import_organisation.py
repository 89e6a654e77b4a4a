from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.organisation_import import import_organisation
from hogo.lib.tables import TableError


class Command(BaseCommand):
    help = "実施機関・部・課を CSV / Excel から取り込みます（1行でも誤りがあれば何も取り込みません）。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="列：実施機関, 部, 課（任意：正式名称, 電話番号）")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"ファイルがありません: {path}")
        try:
            report = import_organisation(path.name, path.read_bytes())
        except TableError as exc:
            raise CommandError(str(exc))
        if not report.ok:
            for number, message in report.errors:
                self.stderr.write(f"{number}行目: {message}")
            raise CommandError(f"{len(report.errors)}行に誤りがあるため、何も取り込みませんでした。")
        log.record(None, AuditAction.IMPORT, record_type="core.Division",
                   note=f"組織の取込み {path.name}: {report.rows}行")
        created = report.created
        self.stdout.write(self.style.SUCCESS(
            f"{report.rows}行を取り込みました（実施機関 {created['agencies']}件・部 {created['departments']}件・"
            f"課 {created['divisions']}件を新規作成）。"))
