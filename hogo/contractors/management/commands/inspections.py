"""``hogo inspections``: which inspections a contract requires, without a database record.

    hogo inspections --start 2025-04-01 --end 2028-03-31 [--designated-manager] [--on-site-every-year] [--json]

Errors (a missing or unreadable date, an end before the start) go to stderr in
Japanese with exit status 2.
"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from hogo.contractors import schedule
from hogo.lib.municipal_calendar import SUPPORTED_RANGE_TEXT, is_supported_day


def _date(text, option):
    if not text:
        raise CommandError(f"{option} を指定してください（YYYY-MM-DD、例：2025-04-01）。", returncode=2)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} の日付「{text}」を読めません。YYYY-MM-DD の形で指定してください（例：2025-04-01）。",
                           returncode=2)
    if not is_supported_day(day):
        raise CommandError(f"{option} の日付「{text}」は計算できる範囲（{SUPPORTED_RANGE_TEXT}）の外です。", returncode=2)
    return day


class Command(BaseCommand):
    help = "委託契約の期間から必要な検査（実地検査・書面検査）と期限を表示します（記録は作成しません）。"
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--start", help="契約期間の始期（YYYY-MM-DD）")
        parser.add_argument("--end", help="契約期間の終期（YYYY-MM-DD）")
        parser.add_argument("--designated-manager", action="store_true", help="公の施設の指定管理")
        parser.add_argument("--on-site-every-year", action="store_true", help="所管課の判断で毎年実地検査とする")
        parser.add_argument("--json", action="store_true", help="JSON で出力する")

    def handle(self, *args, **options):
        starts_on, ends_on = _date(options["start"], "--start"), _date(options["end"], "--end")
        try:
            inspections = schedule.inspection_schedule(
                starts_on, ends_on, designated_manager=options["designated_manager"],
                on_site_every_year=options["on_site_every_year"])
        except schedule.ScheduleError as error:
            raise CommandError(str(error), returncode=2)
        if options["json"]:
            self.stdout.write(json.dumps({"inspections": [item.as_dict() for item in inspections]}, ensure_ascii=False))
            return
        if not inspections:
            self.stdout.write("必要な検査はありません（契約期間が６か月以下）。")
        for item in inspections:
            self.stdout.write(f"{item.fiscal_year}年度 {schedule.KIND_LABELS[item.kind]} 期限 {item.due:%Y-%m-%d}（{item.reason}）")
