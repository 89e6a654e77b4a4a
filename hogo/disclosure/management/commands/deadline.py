"""``hogo deadline``: when is it due, for any rule, without creating a record.

    hogo deadline disclosure --received 2025-12-26 [--correction 2026-01-05:2026-01-09] [--extension 30] [--json]
    hogo deadline correction|suspension|information --received DATE [...]
    hogo deadline disclosure --received DATE --special [--rest-by DATE]
    hogo deadline method-choice --notified DATE
    hogo deadline follow-up-correction|follow-up-suspension --disclosed DATE
    hogo deadline ppc-preliminary|ppc-final --learned DATE [--unlawful-purpose]

The calendar (closure days) and the ordinance settings are the municipality's
as stored in the database; on a database not yet migrated the national
calendar and the law's defaults are used, with a note on stderr. Bad input,
including a date outside 1989-01-08〜2100-12-31, exits with status 2 and a
Japanese message.
"""

import importlib
import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from hogo.core.models import Municipality
from hogo.disclosure import deadlines
from hogo.disclosure.models import RequestSettings
from hogo.lib.municipal_calendar import SUPPORTED_RANGE_TEXT, MunicipalCalendar, is_supported_day

REQUEST_RULES = ("disclosure", "correction", "suspension", "information")
RULES = REQUEST_RULES + ("method-choice", "follow-up-correction", "follow-up-suspension",
                         "ppc-preliminary", "ppc-final")


def _date(text, option):
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        raise CommandError(f"{option} の日付「{text}」を読めません。YYYY-MM-DD の形で指定してください（例：2025-12-26）。",
                           returncode=2)
    if not is_supported_day(day):
        raise CommandError(f"{option} の日付「{text}」は計算できる範囲（{SUPPORTED_RANGE_TEXT}）の外です。",
                           returncode=2)
    return day


def _pause(text):
    start, separator, end = text.partition(":")
    if not separator:
        raise CommandError(f"--correction「{text}」は 補正を求めた日:補正がされた日 の形で指定してください"
                           "（例：2026-01-05:2026-01-09。補正待ちなら 2026-01-05: ）。", returncode=2)
    return deadlines.Pause(_date(start, "--correction"), _date(end, "--correction") if end else None)


def _days(text):
    if not str(text).isdigit():
        raise CommandError(f"--extension「{text}」は日数（0〜30の整数）で指定してください。", returncode=2)
    return int(text)


def _require(value, option, rule):
    if value is None:
        raise CommandError(f"{rule} には {option} が必要です。", returncode=2)
    return value


class Command(BaseCommand):
    help = "法定期限を計算して表示します（記録は作成しません）。"

    def add_arguments(self, parser):
        parser.add_argument("rule", choices=RULES, help="計算する期限の種類")
        parser.add_argument("--received", help="請求の受付日（YYYY-MM-DD）")
        parser.add_argument("--correction", action="append", default=[],
                            help="補正：補正を求めた日:補正がされた日（複数回指定可）")
        parser.add_argument("--extension", default="0", help="延長日数（30日以内）")
        parser.add_argument("--special", action="store_true", help="特例延長（第84条・第95条・第103条）")
        parser.add_argument("--rest-by", help="特例延長で通知した期限（YYYY-MM-DD）")
        parser.add_argument("--today", help="補正待ちの期限を計算する基準日（既定：今日）")
        parser.add_argument("--notified", help="開示決定の通知があった日（method-choice）")
        parser.add_argument("--disclosed", help="開示を受けた日（follow-up-*）")
        parser.add_argument("--learned", help="漏えい等を知った日（ppc-*）")
        parser.add_argument("--unlawful-purpose", action="store_true", help="不正の目的によるおそれ（規則第43条第3号）")
        parser.add_argument("--json", action="store_true", help="ISO 8601 の日付で JSON を出力する")

    def handle(self, *args, rule, **options):
        calendar, settings = self.stored_rules()
        try:
            results = self.compute(rule, calendar, settings, options)
        except deadlines.DeadlineError as error:
            raise CommandError(str(error), returncode=2)
        if options["json"]:
            self.stdout.write(json.dumps({"rule": rule, "dates": [item.as_dict() for item in results]},
                                         ensure_ascii=False, indent=2))
            return
        for item in results:
            self.stdout.write(f"{item.label}: {item.date:%Y-%m-%d}（{'月火水木金土日'[item.date.weekday()]}）")
            self.stdout.write(f"  計算: {item.rule}")
            self.stdout.write(f"  根拠: {item.source}")
            if item.moved_from:
                self.stdout.write(f"  本来の末日: {item.moved_from:%Y-%m-%d}")
            for warning in item.warnings:
                self.stdout.write(self.style.WARNING(f"  注意: {warning}"))

    def stored_rules(self):
        """The municipality's calendar and deadline settings, or the defaults before ``hogo migrate``."""
        try:
            return Municipality.current().calendar(), RequestSettings.current().deadline_settings()
        except DatabaseError:
            self.stderr.write("注意: データベースが作成されていないため（hogo migrate が未実行）、国の祝日と年末年始だけの"
                              "暦と法定の既定値で計算しました。区の閉庁日や条例の設定を使うには hogo migrate を実行してください。")
            return MunicipalCalendar(), deadlines.DeadlineSettings()

    def compute(self, rule, calendar, settings, options):
        if rule in REQUEST_RULES:
            received = _date(_require(options["received"], "--received", rule), "--received")
            pauses = [_pause(text) for text in options["correction"]]
            today = _date(options["today"], "--today") if options["today"] else date.today()
            if options["special"]:
                rest_by = _date(options["rest_by"], "--rest-by") if options["rest_by"] else None
                return deadlines.special_extension_deadlines(rule, received, calendar=calendar, settings=settings,
                                                             pauses=pauses, rest_by=rest_by, today=today)
            return deadlines.decision_deadlines(rule, received, calendar=calendar, settings=settings, pauses=pauses,
                                                extension_days=_days(options["extension"]), today=today)
        if rule == "method-choice":
            notified = _date(_require(options["notified"], "--notified", rule), "--notified")
            return [deadlines.method_choice_deadline(notified, calendar=calendar)]
        if rule.startswith("follow-up-"):
            disclosed = _date(_require(options["disclosed"], "--disclosed", rule), "--disclosed")
            return [deadlines.follow_up_request_deadline(rule.removeprefix("follow-up-"), disclosed,
                                                         calendar=calendar)]
        learned = _date(_require(options["learned"], "--learned", rule), "--learned")
        return self.ppc(rule, learned, options["unlawful_purpose"], calendar)

    def ppc(self, rule, learned, unlawful_purpose, calendar):
        """The incident rules live in hogo.incidents (another module); import them only when asked for."""
        try:
            rules = importlib.import_module("hogo.incidents.rules")
            compute = rules.ppc_report_deadlines
        except (ImportError, AttributeError):
            raise CommandError("個人情報保護委員会への報告期限の計算（hogo.incidents）が導入されていないため、"
                               f"{rule} は計算できません。", returncode=2)
        results = compute(learned, unlawful_purpose=unlawful_purpose, calendar=calendar)
        wanted = "速報" if rule == "ppc-preliminary" else "確報"
        return [item for item in results if wanted in item.label] or list(results)
