"""Statutory deadlines of disclosure, correction, suspension and information-disclosure requests.

Plain Python (no Django): every function takes the municipality's calendar and
settings as arguments and returns ``ComputedDate`` items that say which rule and
which provision produced each date. The web pages, the dashboard and the
``hogo deadline`` command all call these functions.

Rules (個人情報保護法 = the APPI, as it applies to 行政機関等):

- A decision is due within 30 days of receipt (第83条第1項, 第94条第1項, 第102条第1項);
  the day of receipt is not counted (民法第140条). An ordinance may shorten the
  period (``DeadlineSettings.*_days``).
- Days spent waiting for the requester to correct the request (補正) are not counted
  (第83条第1項ただし書). As national agencies count them, a pause runs from the day
  after the correction is asked for to the day it arrives, i.e. ``end - start`` days.
- The period may be extended by up to 30 days with notice of the reason
  (第83条第2項, 第94条第2項, 第102条第2項); more is refused.
- Special extensions: a very large disclosure may be decided for a 相当の部分 within
  60 days of receipt and for the rest by a date notified within the original period
  (第84条); correction and suspension needing a particularly long time, by a
  相当の期間 notified within the original period (第95条, 第103条).
- The APPI is silent on a last day that falls on a closure day, and 地方自治法第4条の2第4項
  moves only periods for acts *towards* the office, so by default the office's own
  decision deadline does not move; a warning says it falls on a closure day. The
  municipality may choose otherwise (``office_deadline_moves``).
- Deadlines the requester must meet do move to the next open day: choosing the
  method of disclosure within 30 days of the notice (第87条第4項) and requesting
  correction or suspension within 90 days of disclosure (第90条第3項, 第98条第3項).
- Information-disclosure requests follow the municipality's ordinance: its period,
  its counting convention (翌日起算 or 「起算して」 counting the day of receipt) and its
  extension limit come from ``DeadlineSettings``.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from hogo.lib.computed import ComputedDate
from hogo.lib.municipal_calendar import MunicipalCalendar

LAW = "個人情報保護法"
MAX_EXTENSION_DAYS = 30          # 第83条第2項 etc.: 「三十日以内に限り」
LARGE_VOLUME_DAYS = 60           # 第84条: 「六十日以内にその相当の部分につき」
METHOD_CHOICE_DAYS = 30          # 第87条第4項
CORRECTION_WINDOW_DAYS = 90      # 第90条第3項, 第98条第3項

DISCLOSURE = "disclosure"
CORRECTION = "correction"
SUSPENSION = "suspension"
INFORMATION = "information"


class DeadlineError(ValueError):
    """Input that no statutory rule accepts; the message is Japanese and shown as is."""


@dataclass(frozen=True)
class Rule:
    name: str                 # the kind of request, in Japanese
    period: str               # provision of the decision period
    extension: str            # provision of the 30-day extension
    special: str              # provision of the special extension


APPI_RULES = {
    DISCLOSURE: Rule("開示請求", f"{LAW}第83条第1項", f"{LAW}第83条第2項", f"{LAW}第84条"),
    CORRECTION: Rule("訂正請求", f"{LAW}第94条第1項", f"{LAW}第94条第2項", f"{LAW}第95条"),
    SUSPENSION: Rule("利用停止請求", f"{LAW}第102条第1項", f"{LAW}第102条第2項", f"{LAW}第103条"),
}

KINDS = (DISCLOSURE, CORRECTION, SUSPENSION, INFORMATION)


@dataclass(frozen=True)
class DeadlineSettings:
    """The municipality's choices that change deadlines (stored in ``RequestSettings``)."""

    disclosure_days: int = 30
    correction_days: int = 30
    suspension_days: int = 30
    office_deadline_moves: bool = False
    info_days: int = 15
    info_counting: str = "next_day"          # or "first_day"
    info_extension_days: int = 30
    info_ordinance: str = "情報公開条例"
    info_period_source: str = ""             # e.g. 「世田谷区情報公開条例第11条第1項」
    info_extension_source: str = ""

    def appi_days(self, kind):
        return {DISCLOSURE: self.disclosure_days, CORRECTION: self.correction_days,
                SUSPENSION: self.suspension_days}[kind]


@dataclass(frozen=True)
class Pause:
    """A correction pause (補正): asked for on ``start``, arrived on ``end`` (None: still waiting)."""

    start: date
    end: date | None = None

    def days(self, today):
        """Days not counted: from the day after ``start`` to ``end`` (or ``today`` while open)."""
        return max(((self.end or today) - self.start).days, 0)


def _fmt(day):
    return f"{day.year}年{day.month}月{day.day}日"


def check_extension(days, limit=MAX_EXTENSION_DAYS, source=f"{LAW}第83条第2項"):
    if days < 0:
        raise DeadlineError("延長日数は0以上で指定してください。")
    if days > limit:
        raise DeadlineError(
            f"延長できるのは{limit}日以内です（{source}）。{days}日の延長はできません。"
            f"さらに長い期間が必要な場合は特例延長の手続によってください。")


def check_pauses(received_on, pauses):
    for pause in pauses:
        if pause.start < received_on:
            raise DeadlineError(f"補正を求めた日（{_fmt(pause.start)}）が受付日より前です。")
        if pause.end is not None and pause.end < pause.start:
            raise DeadlineError(f"補正がされた日（{_fmt(pause.end)}）が補正を求めた日（{_fmt(pause.start)}）より前です。")


def _office_last_day(day, *, label, rule, source, calendar, settings, warnings=()):
    """The office's own deadline on ``day``: moved off a closure day only if the municipality says so."""
    reason = calendar.closure_reason(day)
    if reason is None:
        return ComputedDate(day, label, rule, source, warnings=tuple(warnings))
    if settings.office_deadline_moves:
        moved = calendar.roll_forward(day)
        return ComputedDate(
            moved, label, f"{rule}。末日（{_fmt(day)}）が閉庁日（{reason}）のため翌開庁日に繰り下げ（自治体の設定）",
            f"{source}、民法第142条（類推）", moved_from=day, warnings=tuple(warnings))
    warning = (f"期限日（{_fmt(day)}）は閉庁日（{reason}）です。実施機関自らの期限は繰り下がらないため、"
               f"前の開庁日（{_fmt(_previous_open_day(day, calendar))}）までに済ませてください。")
    return ComputedDate(day, label, rule, source, warnings=(*warnings, warning))


def _previous_open_day(day, calendar):
    while not calendar.is_open(day):
        day -= timedelta(days=1)
    return day


def _requester_last_day(day, *, label, rule, source, calendar):
    """A deadline the requester must meet: a last day on a closure day moves to the next open day."""
    moved = calendar.roll_forward(day)
    if moved == day:
        return ComputedDate(day, label, rule, source)
    reason = calendar.closure_reason(day)
    return ComputedDate(moved, label, f"{rule}。末日（{_fmt(day)}）が閉庁日（{reason}）のため翌開庁日まで",
                        f"{source}、地方自治法第4条の2第4項、民法第142条", moved_from=day)


def _period_end(kind, received_on, settings, calendar):
    """(unmoved last day, rule text, source) of the original decision period."""
    if kind == INFORMATION:
        days = settings.info_days
        source = settings.info_period_source or settings.info_ordinance
        if settings.info_counting == "first_day":
            day = calendar.add_days_counting_first(received_on, days)
            return day, f"請求日（{_fmt(received_on)}）から起算して{days}日（請求日を算入）", source
        day = calendar.add_days(received_on, days)
        return day, f"請求日（{_fmt(received_on)}）の翌日から起算して{days}日", source
    if kind not in APPI_RULES:
        raise DeadlineError(f"請求の種類「{kind}」は扱えません。")
    days = settings.appi_days(kind)
    rule = APPI_RULES[kind]
    source = rule.period if days == 30 else f"{rule.period}（条例により{days}日に短縮）"
    day = calendar.add_days(received_on, days)
    return day, f"受付日（{_fmt(received_on)}）の翌日から起算して{days}日（初日不算入・民法第140条）", source


def decision_deadlines(kind, received_on, *, calendar: MunicipalCalendar, settings=DeadlineSettings(),
                       pauses=(), extension_days=0, today=None):
    """The decision deadline of a request, and the extended one when ``extension_days`` > 0.

    ``pauses`` are correction pauses; a pause still open is counted up to
    ``today`` (default: the day of receipt) and the result carries a warning,
    because the date moves every day until the correction arrives.
    """
    check_pauses(received_on, pauses)
    if kind == INFORMATION:
        check_extension(extension_days, settings.info_extension_days,
                        settings.info_extension_source or settings.info_ordinance)
    else:
        check_extension(extension_days, MAX_EXTENSION_DAYS,
                        APPI_RULES[kind].extension if kind in APPI_RULES else "")
    today = today or received_on
    last_day, rule, source = _period_end(kind, received_on, settings, calendar)
    warnings = []
    paused = sum(pause.days(today) for pause in pauses)
    if paused:
        spans = "、".join(f"{_fmt(p.start)}〜{_fmt(p.end) if p.end else '補正待ち'}" for p in pauses)
        rule += f"。補正に要した{paused}日（{spans}）を算入しない"
        source += "（補正期間の不算入：同項ただし書）" if kind != INFORMATION else "（補正期間の不算入）"
        last_day += timedelta(days=paused)
        if any(pause.end is None for pause in pauses):
            warnings.append(f"補正待ちのため期限は確定していません（{_fmt(today)}に補正がされた場合の期限です）。")
    results = [_office_last_day(last_day, label="決定期限", rule=rule, source=source,
                                calendar=calendar, settings=settings, warnings=warnings)]
    if extension_days:
        extension_source = (settings.info_extension_source or settings.info_ordinance
                            if kind == INFORMATION else APPI_RULES[kind].extension)
        results.append(_office_last_day(
            last_day + timedelta(days=extension_days), label="延長後の決定期限",
            rule=f"当初の期間の末日（{_fmt(last_day)}）から{extension_days}日延長（延長の理由を請求者に書面で通知）",
            source=extension_source, calendar=calendar, settings=settings, warnings=warnings))
    return results


def special_extension_deadlines(kind, received_on, *, calendar: MunicipalCalendar, settings=DeadlineSettings(),
                                pauses=(), rest_by=None, today=None):
    """Deadlines under a special extension (第84条 for disclosure, 第95条/第103条 for correction and suspension).

    The notice of the special extension is due within the original period;
    for disclosure, a 相当の部分 must be decided within 60 days of receipt.
    ``rest_by`` is the date notified for the rest (相当の期間), when known.
    """
    if kind not in APPI_RULES:
        raise DeadlineError("特例延長は個人情報保護法の開示・訂正・利用停止請求についてのみ計算できます。")
    rule = APPI_RULES[kind]
    original = decision_deadlines(kind, received_on, calendar=calendar, settings=settings,
                                  pauses=pauses, today=today)[0]
    results = [ComputedDate(original.date, "特例延長の通知期限",
                            f"当初の決定期限までに特例延長の理由と期限を書面で通知（{original.rule}）",
                            rule.special, moved_from=original.moved_from, warnings=original.warnings)]
    if kind == DISCLOSURE:
        results.append(_office_last_day(
            calendar.add_days(received_on, LARGE_VOLUME_DAYS), label="相当の部分の決定期限",
            rule=f"受付日（{_fmt(received_on)}）の翌日から起算して{LARGE_VOLUME_DAYS}日（初日不算入）",
            source=rule.special, calendar=calendar, settings=settings))
    if rest_by is not None:
        if rest_by <= original.date:
            raise DeadlineError("特例延長で通知する期限は、当初の決定期限より後の日にしてください。")
        label = "残りの部分の決定期限" if kind == DISCLOSURE else "決定期限（特例延長）"
        results.append(_office_last_day(rest_by, label=label, rule="特例延長の通知で請求者に示した期限",
                                        source=rule.special, calendar=calendar, settings=settings))
    return results


def method_choice_deadline(notified_on, *, calendar: MunicipalCalendar):
    """第87条第4項: the requester states the method of disclosure within 30 days of the notice."""
    return _requester_last_day(
        calendar.add_days(notified_on, METHOD_CHOICE_DAYS), label="開示の実施方法の申出期限",
        rule=f"開示決定の通知があった日（{_fmt(notified_on)}）の翌日から起算して{METHOD_CHOICE_DAYS}日",
        source=f"{LAW}第87条第4項", calendar=calendar)


def follow_up_request_deadline(kind, disclosed_on, *, calendar: MunicipalCalendar):
    """第90条第3項 / 第98条第3項: correction or suspension is requested within 90 days of disclosure."""
    article, name = {CORRECTION: ("第90条第3項", "訂正請求"), SUSPENSION: ("第98条第3項", "利用停止請求")}[kind]
    return _requester_last_day(
        calendar.add_days(disclosed_on, CORRECTION_WINDOW_DAYS), label=f"{name}の期限",
        rule=f"開示を受けた日（{_fmt(disclosed_on)}）の翌日から起算して{CORRECTION_WINDOW_DAYS}日",
        source=f"{LAW}{article}", calendar=calendar)


def check_extension_in_time(decided_on, original_deadline, source=f"{LAW}第83条第2項"):
    """An extension is decided (and notified) within the original period: 「前項に規定する期間を…延長することができる」."""
    if decided_on > original_deadline:
        raise DeadlineError(
            f"延長は当初の決定期限（{_fmt(original_deadline)}）までに決定し通知しなければなりません（{source}）。"
            f"{_fmt(decided_on)}の延長はできません。")


THIRD_PARTY_WAIT_DAYS = 14       # 第86条第3項: 「少なくとも二週間を置かなければならない」


def third_party_wait(decided_on):
    """第86条第3項: the earliest day a disclosure over a third party's objection may be carried out.

    Two whole weeks must lie *between* the day of the decision and the day of
    disclosure, so neither day counts: decided on the 1st, disclosed on the 16th
    at the earliest.
    """
    earliest = decided_on + timedelta(days=THIRD_PARTY_WAIT_DAYS + 1)
    return ComputedDate(
        earliest, "反対意見書を提出した第三者がいる場合の開示の実施の最初の日",
        f"開示決定の日（{_fmt(decided_on)}）と開示を実施する日との間に少なくとも2週間（決定日と実施日を含まない）",
        f"{LAW}第86条第3項")


def check_third_party_wait(decided_on, scheduled_on):
    earliest = third_party_wait(decided_on).date
    if scheduled_on < earliest:
        raise DeadlineError(
            f"反対意見書を提出した第三者がいるため、開示の実施は{_fmt(earliest)}以後にしてください"
            f"（開示決定の日との間に少なくとも2週間を置く。{LAW}第86条第3項）。")


def copy_fee(unit_yen, copies):
    """The cost of copies by the ordinance's table: the unit price times the number of sheets (or items)."""
    if copies < 0:
        raise DeadlineError("写しの枚数は0以上で指定してください。")
    return unit_yen * copies
