"""``hogo retention``: when a file's retention ends and it may be disposed of, without creating a record.

    hogo retention --completed 2025-03-31 --years 5 [--json]
    hogo retention --completed 2025-03-31 --permanent --json

Computed by ``hogo.records.retention.retention`` with the municipality's default
start rule (1 April of the next fiscal year), as the app does. Bad input exits
with status 2 and a Japanese message on stderr.
"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from hogo.lib.municipal_calendar import SUPPORTED_RANGE_TEXT, is_supported_day, wareki
from hogo.records import retention


def _date(text):
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        raise CommandError(f"--completed の日付「{text}」を読めません。YYYY-MM-DD の形で指定してください（例：2025-03-31）。",
                           returncode=2)
    if not is_supported_day(day):
        raise CommandError(f"--completed の日付「{text}」は計算できる範囲（{SUPPORTED_RANGE_TEXT}）の外です。", returncode=2)
    return day


class Command(BaseCommand):
    help = "文書の保存期間の満了日と廃棄できる日を計算して表示します（記録は作成しません）。"

    def add_arguments(self, parser):
        parser.add_argument("--completed", help="文書（簿冊）が完結した日（YYYY-MM-DD）")
        parser.add_argument("--years", help="保存期間の年数（1, 3, 5, 10, 30）")
        parser.add_argument("--permanent", action="store_true", help="常用（保存期間の満了なし）")
        parser.add_argument("--json", action="store_true", dest="as_json", help="JSON で出力する")

    def handle(self, *args, completed, years, permanent, as_json, **options):
        if not completed:
            raise CommandError("--completed（文書が完結した日、YYYY-MM-DD）を指定してください。", returncode=2)
        day = _date(completed)
        if permanent and years is not None:
            raise CommandError("--years と --permanent は同時に指定できません。", returncode=2)
        if not permanent:
            if years is None:
                raise CommandError("--years（1, 3, 5, 10, 30）または --permanent を指定してください。", returncode=2)
            if not str(years).isdigit():
                raise CommandError(f"--years「{years}」は 1, 3, 5, 10, 30 のいずれかで指定してください。", returncode=2)
        try:
            result = retention.retention(day, int(years) if years else 0, permanent=permanent)
        except retention.RetentionError as error:
            raise CommandError(str(error), returncode=2)
        if as_json:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(f"完結した年度：{result.fiscal_year}年度")
        self.stdout.write(f"保存期間の起算日：{result.starts.isoformat()}（{wareki(result.starts)}）")
        if result.ends is None:
            self.stdout.write("常用：保存期間の満了はありません。")
            return
        self.stdout.write(f"保存期間の満了日：{result.ends.isoformat()}（{wareki(result.ends)}）")
        self.stdout.write(f"廃棄できる日：{result.disposal_allowed_from.isoformat()}（{wareki(result.disposal_allowed_from)}）以降")

