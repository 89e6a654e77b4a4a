"""Retention and disposal rules: when a file may be disposed of, and what stops it. Plain Python: no Django.

The municipal document rules (文書管理規程) count a retention period from 1 April
of the fiscal year after the one in which the file was completed (seed 000, the
audit report: 「文書の保存期間は文書の作成年度の翌年度から起算される」). A five-year
file of FY2018 is kept until 31 March 2024 and may go from 1 April 2024 (seed 001,
報告第360号: 「平成30年度文書、令和6年3月廃棄」). Some rules count from the day after
completion instead; a series may choose that rule.

Seeds 000 (報告第374号) and 001 (報告第360号) are wrongful disposals: a paper
shredded as "not needed" before the prefecture's review, a box disposed of before
its retention ended. ``disposal_problems`` and ``holding_destruction_problems``
hold the checks that would have stopped them.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from hogo.lib.municipal_calendar import fiscal_year

NEXT_FISCAL_YEAR = "next_fiscal_year"  # 翌年度の4月1日から起算 (the municipality's default)
DAY_AFTER_COMPLETION = "day_after_completion"  # 完結の日の翌日から起算
START_RULES = (NEXT_FISCAL_YEAR, DAY_AFTER_COMPLETION)

RETENTION_YEARS = (1, 3, 5, 10, 30)


class RetentionError(ValueError):
    """Input the rules cannot compute with; the message is Japanese."""


@dataclass(frozen=True)
class Retention:
    fiscal_year: int  # the fiscal year in which the file was completed
    starts: date
    ends: date | None  # None: 常用 (kept while in use, never due)
    disposal_allowed_from: date | None

    def as_dict(self):
        return {
            "fiscal_year": self.fiscal_year,
            "retention_starts": self.starts.isoformat(),
            "retention_ends": self.ends.isoformat() if self.ends else None,
            "disposal_allowed_from": self.disposal_allowed_from.isoformat() if self.disposal_allowed_from else None,
        }


def _period_end(starts, years):
    """The last day of a period of ``years`` years beginning on ``starts`` (民法第143条).

    It ends the day before the corresponding day ``years`` later; when that month has
    no corresponding day (29 February), on the last day of the month.
    """
    try:
        return starts.replace(year=starts.year + years) - timedelta(days=1)
    except ValueError:
        return starts.replace(year=starts.year + years, day=28)


def retention(completed, years, *, permanent=False, start_rule=NEXT_FISCAL_YEAR):
    """The retention of a file completed on ``completed`` and kept ``years`` years (or 常用 when ``permanent``)."""
    if start_rule not in START_RULES:
        raise RetentionError(f"起算の方法「{start_rule}」は扱えません。")
    if not permanent and years not in RETENTION_YEARS:
        raise RetentionError("保存期間は1年、3年、5年、10年、30年のいずれか（または常用）で指定してください。")
    year = fiscal_year(completed)
    if start_rule == NEXT_FISCAL_YEAR:
        starts = date(year + 1, 4, 1)
    else:
        starts = completed + timedelta(days=1)
    if permanent:
        return Retention(year, starts, None, None)
    ends = _period_end(starts, years)
    return Retention(year, starts, ends, ends + timedelta(days=1))


@dataclass(frozen=True)
class HoldFact:
    """A request (or its appeal) that a file is the subject of, as the rules need it."""

    label: str  # e.g. 保有個人情報開示請求 2025-05-01 受付（第12号）
    request_open: bool
    appeal_pending: bool = False

    @property
    def holds(self):
        return self.request_open or self.appeal_pending


def active_holds(holds):
    """The holds that still stop a disposal: the request is open or an appeal against it is pending."""
    return [hold for hold in holds if hold.holds]


def hold_message(hold):
    reason = "審査請求が係属中" if hold.appeal_pending and not hold.request_open else "処理中"
    return f"請求（{hold.label}）が{reason}のため廃棄できません。"


def _ymd(day):
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class FileFacts:
    """One file of a disposal list."""

    title: str
    disposal_allowed_from: date | None  # None: not completed yet, or 常用
    holds: tuple = ()
    already_disposed: bool = False


def file_problems(file, on):
    """Why ``file`` may not be disposed of on ``on`` (Japanese messages; empty when it may)."""
    problems = []
    if file.already_disposed:
        problems.append(f"「{file.title}」は廃棄済みです。")
    if file.disposal_allowed_from is None:
        problems.append(f"「{file.title}」は保存期間が定まっていないため（未完結または常用）、廃棄できません。")
    elif on < file.disposal_allowed_from:
        problems.append(f"「{file.title}」は保存期間中です。廃棄できるのは{_ymd(file.disposal_allowed_from)}以降です。")
    for hold in active_holds(file.holds):
        problems.append(f"「{file.title}」は" + hold_message(hold))
    return problems


def disposal_problems(files, *, on, approved, privacy_check_needed, privacy_checked, disposer, witness,
                      method_needs_contractor=False, contractor=""):
    """Every reason the disposal of ``files`` on ``on`` is refused; empty when it may go ahead.

    ``disposer`` and ``witness`` are whatever identifies a person (user ids);
    the witness (立会者) must be present and someone other than the person disposing
    (報告第360号: the boxes were checked by one person, and nobody compared them at the door).
    """
    problems = []
    if not files:
        problems.append("廃棄する簿冊がありません。")
    if not approved:
        problems.append("保護管理者（課長）の承認がないため廃棄できません。")
    if privacy_check_needed and not privacy_checked:
        problems.append("要配慮個人情報を含む簿冊があるため、個人情報保護担当の確認が済むまで廃棄できません。")
    if witness is None:
        problems.append("立会者を指定してください。立会者のない廃棄は記録できません。")
    elif witness == disposer:
        problems.append("立会者には廃棄を行う職員以外の者を指定してください。")
    if method_needs_contractor and not contractor.strip():
        problems.append("委託による溶解処理では、委託先を入力してください。")
    for file in files:
        problems.extend(file_problems(file, on))
    return problems


def holding_destruction_problems(*, on, destroy_from, check_done_on, check_name, destroyed_by,
                                 second_checker, holds=()):
    """Why papers on the holding list may not yet be destroyed (報告第374号's remedy).

    Papers received with an application and "not needed" wait until the check
    (e.g. the prefecture's review) is done and their date has come; a second
    person, other than the one destroying them, confirms they are the papers listed.
    """
    problems = []
    if check_done_on is None:
        problems.append(f"「{check_name}」が済んでいないため廃棄できません。")
    if on < destroy_from:
        problems.append(f"廃棄できるのは{_ymd(destroy_from)}以降です。")
    if second_checker is None:
        problems.append("廃棄前の確認者（2人目）を指定してください。")
    elif second_checker == destroyed_by:
        problems.append("確認者には廃棄を行う職員以外の者を指定してください。")
    for hold in active_holds(holds):
        problems.append(hold_message(hold))
    return problems


def is_overdue(due, returned, now):
    """A medium taken out is overdue when it is not back by its due time (or came back late)."""
    if returned is not None:
        return returned > due
    return now > due
