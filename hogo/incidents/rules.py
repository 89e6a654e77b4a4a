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

# 法第2条第3項 and 施行令第2条: the kinds of 要配慮個人情報, each with where it is written.
# The first six are in the Act itself; the rest are 「その他本人に対する不当な差別、偏見その他の
# 不利益が生じないようにその取扱いに特に配慮を要するものとして政令で定める記述等」, i.e. 施行令第2条各号
# (報告第373号 cites them as 「法第２条第３項及び法施行令第２条第１号」).
SENSITIVE_CATEGORY_SOURCES = {
    "人種": "法第2条第3項",
    "信条": "法第2条第3項",
    "社会的身分": "法第2条第3項",
    "病歴": "法第2条第3項",
    "犯罪の経歴": "法第2条第3項",
    "犯罪により害を被った事実": "法第2条第3項",
    "心身の機能の障害があること": "法第2条第3項及び法施行令第2条第1号",
    "健康診断等の結果": "法第2条第3項及び法施行令第2条第2号",
    # 施行令第2条第3号: 「…心身の状態の改善のための指導又は診療若しくは調剤が行われたこと」
    "指導・診療・調剤が行われたこと": "法第2条第3項及び法施行令第2条第3号",
    "刑事事件に関する手続が行われたこと": "法第2条第3項及び法施行令第2条第4号",
    "少年の保護事件に関する手続が行われたこと": "法第2条第3項及び法施行令第2条第5号",
}
SENSITIVE_CATEGORIES = tuple(SENSITIVE_CATEGORY_SOURCES)


def sensitive_category_source(category: str) -> str:
    """Where a 要配慮 category is defined, as the seeds cite it; 法第2条第3項 for an unknown one."""
    return SENSITIVE_CATEGORY_SOURCES.get(category, "法第2条第3項")


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

HELD_STATUSES = ("held", "acquiring", "not_held")

# 規則第43条第3号 as stored in data/reference.txt: 「不正の目的をもって行われたおそれがある保有個人情報
# の漏えい等」. The amendment in force since 2024-04-01 (令和5年個人情報保護委員会規則第5号) added
# 「取得し、又は取得しようとしている個人情報であって、個人データとして取り扱われることが予定されて
# いるもの」 to the private-sector 規則第7条第3号. Hogo follows the stored text of 第43条第3号; should
# the text in force for 行政機関等 add the same words, set this to True (and update reference.txt).
RULE43_3_COVERS_ACQUIRING = False


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
    held: str = "held"                      # 法第60条第1項: "held", "acquiring" or "not_held"


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
    if facts.held not in HELD_STATUSES:
        raise ValueError(f"unknown held status: {facts.held!r}")
    if facts.held == "not_held":
        return Decision(False, (), (
            "法第60条第1項の保有個人情報に当たらないため、法第68条第1項の報告の対象ではありません"
            "（規則第43条各号はいずれも「保有個人情報」の漏えい等を定めています）。",
            "保有個人情報に当たらない理由を記録してください。"
            "特定個人情報や他の法令・条例による報告が必要な場合は別に判断します。",
        ))
    if facts.held == "acquiring" and not (RULE43_3_COVERS_ACQUIRING and facts.unlawful_purpose):
        return Decision(False, (), (
            "取得し、又は取得しようとしている段階の個人情報で、まだ保有個人情報（法第60条第1項）"
            "ではないため、規則第43条の報告対象事態に当たりません。",
            "規則第43条第3号は「保有個人情報」の漏えい等と定めており、令和6年4月施行の改正で"
            "取得しようとしている個人情報を加えたのは個人情報取扱事業者の規則第7条第3号です。"
            "不正アクセス等による場合は個人情報保護委員会に相談し、任意の報告を検討してください。",
        ))
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
    if facts.held == "acquiring":   # only reachable when RULE43_3_COVERS_ACQUIRING: item 3 alone
        items = [item for item in items if item == 3]
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


# ------------------------------------------------------------ 特定個人情報 (番号法)

# 行政手続における特定の個人を識別するための番号の利用等に関する法律第二十九条の四第一項及び第二項に
# 基づく特定個人情報の漏えい等に関する報告等に関する規則 (特定個人情報漏えい等規則), 第2条各号.
MY_NUMBER_RULE = "特定個人情報漏えい等規則"
MY_NUMBER_ITEMS = {
    1: "情報提供ネットワークシステム又は個人番号利用事務・個人番号関係事務の情報システムで管理される特定個人情報の",
    2: "不正の目的をもって行われたおそれがある特定個人情報の",
    3: "特定個人情報が電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれがある",
    4: "特定個人情報に係る本人の数が100人を超える",
}
MY_NUMBER_SYSTEMS = ("network", "use_system", "relation_system")   # 第2条第1号イ・ロ・ハ


@dataclass(frozen=True)
class MyNumberFacts:
    """What the 番号法第29条の4第1項 decision needs to know (only when 特定個人情報 is involved)."""

    system: str | None = None               # "network", "use_system", "relation_system", "other" or None
    unlawful_purpose: bool = False          # 不正の目的のおそれ (漏えい等・利用・提供)
    exposed_online: bool = False            # 電磁的方法により不特定多数の者に閲覧されたおそれ
    individuals: int | None = None          # 特定個人情報に係る本人の数
    strongly_encrypted: bool = False        # 高度な暗号化その他の必要な措置


def decide_my_number_report(facts: MyNumberFacts) -> Decision:
    """Whether 番号法第29条の4第1項 requires a report to the PPC, per 特定個人情報漏えい等規則第2条.

    A separate route from 法第68条: its own items (第2条第1号〜第4号), its own report
    (同規則第3条) and its own notification of the individuals (番号法第29条の4第2項).
    The encryption exception is written into item 1 with 「以下同じ」, so, as for
    規則第43条, it takes every item out.
    """
    if facts.individuals is not None and facts.individuals < 0:
        raise ValueError("individuals must not be negative")
    if facts.strongly_encrypted:
        return Decision(False, (), (
            "高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられているため、"
            f"{MY_NUMBER_RULE}第2条の報告対象事態に当たらず、番号法第29条の4第1項の報告は不要です。",
        ))
    items = []
    if facts.system in MY_NUMBER_SYSTEMS:
        items.append(1)
    if facts.unlawful_purpose:
        items.append(2)
    if facts.exposed_online:
        items.append(3)
    if facts.individuals is not None and facts.individuals > INDIVIDUALS_THRESHOLD:
        items.append(4)
    reasons = [f"{MY_NUMBER_RULE}第2条第{item}号（{MY_NUMBER_ITEMS[item]}事態）に該当します。" for item in items]
    if facts.system is None:
        reasons.append("特定個人情報の管理場所が未入力です。情報提供ネットワークシステム又は個人番号利用事務・"
                       "個人番号関係事務の情報システムで管理されていたときは第1号に該当します。")
    if facts.individuals is None:
        reasons.append("特定個人情報に係る本人の数が未確定です。100人を超えると第4号に該当します。")
    if items:
        reasons.insert(0, "番号法第29条の4第1項により個人情報保護委員会への報告が必要です"
                          "（法第68条第1項の報告とは別の根拠によるものです）。")
    else:
        reasons.insert(0, f"{MY_NUMBER_RULE}第2条各号のいずれにも該当しないため、番号法第29条の4第1項の報告は不要です。")
    return Decision(bool(items), tuple(items), tuple(reasons))


def my_number_report_deadlines(learned_on: date, *, unlawful_purpose: bool,
                               calendar: MunicipalCalendar | None = None) -> list[ComputedDate]:
    """番号法の速報の目安と確報期限 (特定個人情報漏えい等規則第3条第1項・第2項).

    Same shape as the APPI route: 「速やかに」 (3–5 days as a target) and 30 days,
    60 days for a 第2条第2号 situation (unlawful purpose), the day of learning
    counted and a last day on a 行政機関の休日 moved to the next day.
    """
    first, last = PRELIMINARY_WINDOW
    window_end = learned_on + timedelta(days=last)
    preliminary = ComputedDate(
        date=window_end,
        label="番号法の速報の目安",
        rule=(f"知った日から概ね{first}〜{last}日以内"
              f"（{_md(learned_on + timedelta(days=first))}〜{_md(window_end)}）。法定の期限ではなく目安です。"),
        source=f"番号法第29条の4第1項、{MY_NUMBER_RULE}第3条第1項（「速やかに」）",
    )
    days = FINAL_DAYS_UNLAWFUL if unlawful_purpose else FINAL_DAYS
    final = _final_report_deadline(
        learned_on, days, office_calendar=calendar, label="番号法の確報期限",
        source=f"{MY_NUMBER_RULE}第3条第2項" + ("（第2条第2号の事態は60日以内）" if unlawful_purpose else ""))
    return [preliminary, final]


# --------------------------------------------------------------------- deadlines

PRELIMINARY_WINDOW = (3, 5)   # 「速やかに」: the PPC's guidance reads this as roughly 3–5 days
FINAL_DAYS = 30               # 規則第44条第2項
FINAL_DAYS_UNLAWFUL = 60      # 同項括弧書き (規則第43条第3号の事態)
# 行政機関の休日に関する法律第1条第1項第3号: 12月29日から翌年の1月3日まで, whatever the
# municipality's 休日条例 fixes for its own offices.
NATIONAL_YEAR_END = ((12, 29), (1, 3))


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
    30th/60th day on a 行政機関の休日 moves to the next day that is not one
    (行政機関の休日に関する法律第2条; the days are those of its 第1条第1項:
    Saturdays, Sundays, national holidays and 12/29–1/3). The report goes to
    the PPC, a national body, so the municipality's own extra closure days
    (``calendar``) do not move it: when the last day is one, we only say so.
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
    final = _final_report_deadline(learned_on, FINAL_DAYS_UNLAWFUL if unlawful_purpose else FINAL_DAYS,
                                   office_calendar=calendar,
                                   source="規則第44条第2項" + ("（第43条第3号の事態は60日以内）"
                                                             if unlawful_purpose else ""))
    return [preliminary, final]


def government_holidays_calendar() -> MunicipalCalendar:
    """The 行政機関の休日 (行政機関の休日に関する法律第1条第1項) as a calendar.

    Saturdays, Sundays, national holidays and 12/29–1/3, and nothing else: no
    municipal closure day, and the national year-end dates whatever a
    municipality's 休日条例 says.
    """
    return MunicipalCalendar(frozenset(), year_end=NATIONAL_YEAR_END)


def _final_report_deadline(learned_on, days, *, office_calendar, source, label="確報期限"):
    """The 30th/60th day counting the day of learning, moved off 行政機関の休日 only."""
    national = government_holidays_calendar()
    last_day = national.add_days_counting_first(learned_on, days)
    due = national.roll_forward(last_day)
    rule = f"知った日（{_md(learned_on)}）を1日目として{days}日目"
    warnings = []
    if due != last_day:
        reason = national.closure_reason(last_day)
        rule += f"。{days}日目の{_md(last_day)}は行政機関の休日（{reason}）のため翌日"
        warnings.append(f"{days}日目（{_md(last_day)}）が行政機関の休日（{reason}）のため{_md(due)}に繰り下げました"
                        "（行政機関の休日に関する法律第2条）。")
    if office_calendar is not None and not office_calendar.is_open(due) and national.is_open(due):
        warnings.append(f"{_md(due)}は{office_calendar.closure_reason(due)}ですが、行政機関の休日ではないため"
                        "期限は動きません。前開庁日までに報告してください。")
    return ComputedDate(
        date=due,
        label=label,
        rule=rule,
        source=source,
        moved_from=last_day if due != last_day else None,
        warnings=tuple(warnings),
    )


def _md(day):
    return f"{day.month}月{day.day}日"
