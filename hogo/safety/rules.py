"""The safety-management cycle's rules, in plain Python (no Django): who holds a post on a day,
when a training, a verification or a self-check falls due, when a finding closes, what a send needs.

Sources (docs/safety.md): Yachiyo 管理指針 (seed 004, 資料1) §2 管理体制, §3 教育研修, §12 監査及び点検;
Setagaya 報告第378号 and 第371号 (seed 000); Nerima's audit report (seed 003).
The guideline says training and checks are done 「定期的に」 without a period: the periods below are
Hogo's defaults, named here once.
"""

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

# Posts with one holder at a time for the same division (or agency, or the whole municipality).
SINGLE_HOLDER_POSTS = frozenset({"general_manager", "manager", "responsible", "audit_officer"})

TRAINING_PERIOD_MONTHS = 12       # a person attends a training at least once a year
VERIFICATION_INTERVAL_MONTHS = 6  # a division re-checks its speed-dial and address list twice a year
FINDING_RESPONSE_DAYS = 30        # a division names its corrective action within 30 days of a finding

# The methods that make sense for each channel (誤送付・誤送信の防止).
METHODS_BY_CHANNEL = {
    "fax": ("fax_cover", "fax_masked", "fax_internal"),
    "mail": ("registered", "tokutei_kiroku", "ordinary_mail"),
    "email": ("password_separate", "secure_folder"),
}


def add_months(day, months):
    """``day`` moved by ``months`` calendar months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# ------------------------------------------------------------------ the management structure

@dataclass(frozen=True)
class Assignment:
    post: str
    holder: object                 # whatever the caller wants back: a name, a User, a model row
    starts_on: date
    ends_on: date | None = None    # None: still holds it
    division_id: int | None = None
    agency_id: int | None = None

    def active_on(self, day):
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


def holder_on(assignments, post, day, *, division_id=None, agency_id=None):
    """Who holds ``post`` on ``day`` for the division (or agency); None if nobody.

    The most specific assignment wins: one for the division itself, then one for
    its agency (e.g. the 保護管理者 of a department's agency), then one for the whole
    municipality (the 総括保護管理者, the 監査責任者). Among assignments of the same
    level the one that started last wins (a successor named before the predecessor's
    end date was entered).
    """
    def level(item):
        if item.division_id is not None:
            return 0 if item.division_id == division_id else None
        if item.agency_id is not None:
            return 1 if item.agency_id == agency_id else None
        return 2

    candidates = [(level(item), item) for item in assignments if item.post == post and item.active_on(day)]
    candidates = [(rank, item) for rank, item in candidates if rank is not None]
    if not candidates:
        return None
    best = min(rank for rank, _ in candidates)
    return max((item for rank, item in candidates if rank == best), key=lambda item: item.starts_on).holder


def periods_overlap(first_start, first_end, second_start, second_end):
    """Two periods (an end of None is open) share at least one day."""
    return ((second_end is None or first_start <= second_end)
            and (first_end is None or second_start <= first_end))


def assignment_problem(post, starts_on, ends_on, others):
    """Why this assignment cannot be saved, or None. ``others``: (starts_on, ends_on) of the same post and scope."""
    if ends_on is not None and ends_on < starts_on:
        return "終了日が開始日より前です。"
    if post in SINGLE_HOLDER_POSTS:
        for other_start, other_end in others:
            if periods_overlap(starts_on, ends_on, other_start, other_end):
                end = f"{other_end:%Y-%m-%d}" if other_end else "現在"
                return f"同じ職の別の任期（{other_start:%Y-%m-%d}〜{end}）と重なっています。前任者の終了日を先に入力してください。"
    return None


# ------------------------------------------------------------------ training

def training_due_on(last_attended, started_on, months=TRAINING_PERIOD_MONTHS):
    """The day by which a person must attend again: ``months`` after the last attendance,
    or after they started (joined the division, took up the post) if they never attended."""
    return add_months(last_attended or started_on, months)


def completion_rate(attended, total):
    """Percentage of people who attended within the period, one decimal; None without people."""
    if total == 0:
        return None
    return round(100 * attended / total, 1)


# ------------------------------------------------------------------ outgoing checks

def verification_due_on(last_checked, registered_on, months=VERIFICATION_INTERVAL_MONTHS):
    """When the division's fax / address list must be checked again."""
    return add_months(last_checked or registered_on, months)


def send_problems(*, channel, method, sender_id, checker_id):
    """What is wrong with a send record (Japanese messages); empty when it may be saved."""
    problems = []
    if method not in METHODS_BY_CHANNEL.get(channel, ()):
        problems.append("送付の方法が送付手段に合っていません。")
    if checker_id is None:
        problems.append("送付前に宛先と内容を確認した職員（送付者以外）を選んでください。")
    elif checker_id == sender_id:
        problems.append("確認者は送付者と別の職員にしてください（二者確認）。")
    return problems


@dataclass(frozen=True)
class SendFact:
    sent_on: date
    channel: str
    method: str
    misdirected: bool


def monthly_summary(sends):
    """Sends counted by month: {(year, month): {"total", "by_channel", "by_method", "misdirected"}}."""
    months = defaultdict(lambda: {"total": 0, "by_channel": Counter(), "by_method": Counter(), "misdirected": 0})
    for send in sends:
        row = months[(send.sent_on.year, send.sent_on.month)]
        row["total"] += 1
        row["by_channel"][send.channel] += 1
        row["by_method"][send.method] += 1
        row["misdirected"] += int(send.misdirected)
    return dict(sorted(months.items()))


# ------------------------------------------------------------------ self-checks, audits, follow-up

def self_check_due_on(fiscal_year):
    """A division's yearly self-check is due by the end of the fiscal year (3/31)."""
    return date(fiscal_year + 1, 3, 31)


def failed_items(answers):
    """The item keys answered "no": each becomes a finding. ``answers``: (key, answer) pairs."""
    return [key for key, answer in answers if answer == "no"]


def corrective_action_due_on(found_on, days=FINDING_RESPONSE_DAYS):
    """By when the division must record a corrective action for a new finding."""
    return found_on + timedelta(days=days)


def finding_closes(actions_done):
    """A finding closes when it has corrective actions and every one of them is done."""
    actions_done = list(actions_done)
    return bool(actions_done) and all(actions_done)


def action_overdue(due_on, done_on, today):
    """A corrective action is overdue when its due date has passed and it is not done."""
    return done_on is None and due_on is not None and due_on < today
