"""When a leak, loss or damage must be reported to the PPC, and by when.

Plain Python with no Django imports: the rules can be read and tested alone.
The incidents app builds ``IncidentFacts`` from a record, and the
``hogo deadline ppc-final`` command imports ``ppc_report_deadlines``.

Sources (the text is stored once in ``hogo/incidents/data/reference.txt``):
- 個人情報の保護に関する法律（法）第68条第1項・第2項
- 個人情報の保護に関する法律施行規則（規則）第43条（報告対象事態）、
  第44条第1項（速報）・第2項（確報）、第45条（本人への通知）
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from hogo.lib.computed import ComputedDate
from hogo.lib.municipal_calendar import MunicipalCalendar

# 法第2条第3項 and 施行令第2条: the kinds of 要配慮個人情報.
SENSITIVE_CATEGORIES = (
    "人種",
    "信条",
    "社会的身分",
    "病歴",
    "犯罪の経歴",
    "犯罪により害を被った事実",
    "心身の機能の障害があること",
    "健康診断等の結果",
    "診療・調剤が行われたこと",
    "刑事事件に関する手続が行われたこと",
    "少年の保護事件に関する手続が行われたこと",
)

# 規則第43条第4号: "本人の数が百人を超える" — 100 is not reportable, 101 is.
INDIVIDUALS_THRESHOLD = 100

# Each Rule 43 item: number → the words the explanation uses.
RULE43_ITEMS = {
    1: "要配慮個人情報が含まれる",
    2: "不正に利用されることにより財産的被害が生じるおそれがある",
    3: "不正の目的をもって行われたおそれがある",
    4: "本人の数が100人を超える",
    5: "条例要配慮個人情報が含まれる",
}

KANJI_NUMBERS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}


@dataclass(frozen=True)
class IncidentFacts:
    """What the Rule 43 decision needs to know about one incident."""

    sensitive: bool = False                 # 要配慮個人情報を含む
    ordinance_sensitive: bool = False       # 条例要配慮個人情報を含む
    ordinance_defines_sensitive: bool = True  # the local ordinance defines 条例要配慮個人情報
    financial_damage_risk: bool = False     # 財産的被害のおそれ
    unlawful_purpose: bool = False          # 不正の目的のおそれ
    individuals: int | None = None          # 本人の数 (None: not yet known)
    individuals_estimated: bool = False     # 「約40件」のような概数
    strongly_encrypted: bool = False        # 高度な暗号化その他の必要な措置


@dataclass(frozen=True)
class Decision:
    """The answer: is a PPC report required, under which items, and why (in Japanese)."""

    required: bool
    items: tuple = ()
    reasons: tuple = field(default_factory=tuple)

    @property
    def explanation(self):
        return "\n".join(self.reasons)

    @property
    def items_label(self):
        """「第1号・第4号」 style, for lists and the dashboard."""
        return "・".join(f"第{item}号" for item in self.items)


def decide_ppc_report(facts: IncidentFacts) -> Decision:
    """Whether 法第68条第1項 requires a report to the PPC, per 規則第43条.

    Any one item is enough. The exception for strong encryption is written
    into item 1 as a definition of 保有個人情報 that applies to the whole
    article (「以下この条及び次条第一項において同じ」), so it takes every item
    out, not only item 1. Item 5 counts only where the ordinance defines
    条例要配慮個人情報.
    """
    if facts.individuals is not None and facts.individuals < 0:
        raise ValueError("individuals must not be negative")
    if facts.strongly_encrypted:
        return Decision(False, (), (
            "高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられているため、"
            "規則第43条各号の「保有個人情報」に当たらず、個人情報保護委員会への報告は不要です"
            "（規則第43条第1号括弧書き）。",
            "暗号化の鍵が漏えいした場合など、措置の効果が失われているときはこの判断を見直してください。",
        ))
    items = []
    if facts.sensitive:
        items.append(1)
    if facts.financial_damage_risk:
        items.append(2)
    if facts.unlawful_purpose:
        items.append(3)
    if facts.individuals is not None and facts.individuals > INDIVIDUALS_THRESHOLD:
        items.append(4)
    if facts.ordinance_sensitive and facts.ordinance_defines_sensitive:
        items.append(5)
    reasons = [f"規則第43条第{item}号（{RULE43_ITEMS[item]}漏えい等）に該当します。" for item in items]
    reasons.extend(_notes(facts))
    if items:
        reasons.insert(0, "法第68条第1項により個人情報保護委員会への報告が必要です。")
    else:
        reasons.insert(0, "規則第43条各号のいずれにも該当しないため、法第68条第1項の報告は不要です。")
    return Decision(bool(items), tuple(items), tuple(reasons))


def _notes(facts):
    """Remarks that keep the user from misreading a decision."""
    if facts.individuals is None:
        yield "本人の数が未確定です。100人を超えると判明した時点で第4号に該当します。"
    elif facts.individuals_estimated:
        yield f"本人の数は概数（約{facts.individuals}人）です。確定した数で判断を見直してください。"
    elif facts.individuals <= INDIVIDUALS_THRESHOLD:
        yield f"本人の数は{facts.individuals}人で、第4号（100人を超える）には当たりません。"
    if facts.ordinance_sensitive and not facts.ordinance_defines_sensitive:
        yield "条例要配慮個人情報とされた項目がありますが、条例に定めがないため第5号は適用されません。"


# --------------------------------------------------------------------- deadlines

PRELIMINARY_WINDOW = (3, 5)   # 「速やかに」: the PPC's guidance reads this as roughly 3–5 days
FINAL_DAYS = 30               # 規則第44条第2項
FINAL_DAYS_UNLAWFUL = 60      # 同項括弧書き (規則第43条第3号の事態)


def ppc_report_deadlines(learned_on: date, *, unlawful_purpose: bool,
                         calendar: MunicipalCalendar) -> list[ComputedDate]:
    """The preliminary report's target window and the final report's due date.

    速報 (規則第44条第1項): "速やかに" after learning of the situation. The law
    gives no number of days; the PPC's guidance (個人情報保護法ガイドライン
    （通則編）3-5-3-3, followed for 行政機関等) gives roughly 3 to 5 days from
    learning of it as a rough guide. We return the end of that window (day 5)
    as a *target*, not a legal deadline, so it is not moved off closure days.

    確報 (規則第44条第2項): within 30 days of learning of it, 60 days when the
    situation is one of 規則第43条第3号 (unlawful purpose). As the PPC counts
    it (ガイドライン（通則編）3-5-3-4), the day of learning is day 1, and a
    30th/60th day on a Saturday, Sunday, national holiday or 12/29–1/3 moves
    to the next open day; we also honour the municipality's own closure days.
    The seeds agree: 報告第371号 learned of the fax on 2024-08-05 and sent the
    final report on 2024-09-03, its 30th day counted this way.
    """
    first, last = PRELIMINARY_WINDOW
    window_start = learned_on + timedelta(days=first)
    window_end = learned_on + timedelta(days=last)
    preliminary = ComputedDate(
        date=window_end,
        label="速報の目安",
        rule=(f"知った日から概ね{first}〜{last}日以内"
              f"（{_md(window_start)}〜{_md(window_end)}）。法定の期限ではなく目安です。"),
        source="規則第44条第1項（「速やかに」）、個人情報保護委員会ガイドライン",
    )
    days = FINAL_DAYS_UNLAWFUL if unlawful_purpose else FINAL_DAYS
    last_day = calendar.add_days_counting_first(learned_on, days)
    due = calendar.roll_forward(last_day)
    rule = f"知った日（{_md(learned_on)}）を1日目として{days}日目"
    warnings = ()
    if due != last_day:
        reason = calendar.closure_reason(last_day)
        rule += f"。{days}日目の{_md(last_day)}は{reason}のため翌開庁日"
        warnings = (f"{days}日目（{_md(last_day)}）が{reason}のため{_md(due)}に繰り下げました。",)
    final = ComputedDate(
        date=due,
        label="確報期限",
        rule=rule,
        source="規則第44条第2項" + ("（第43条第3号の事態は60日以内）" if unlawful_purpose else ""),
        moved_from=last_day if due != last_day else None,
        warnings=warnings,
    )
    return [preliminary, final]


def _md(day):
    return f"{day.month}月{day.day}日"
