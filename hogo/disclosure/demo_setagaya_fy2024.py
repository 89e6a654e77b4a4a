"""Setagaya's FY2024 (令和6年度) requests behind 報告第376号 and 第377号 (seed 000), as records.

One request per result, by agency, with the decision, extension and appeal a
division would have registered: the statistics page then counts 第376号
(行政情報, the 議会 included as an 実施機関 of the information ordinance) and
第377号 (保有個人情報) from them. The seed gives only the counts, so divisions,
dates, requesters and subjects are invented; every number is the seed's.

In every row of both tables the results add up to the requests (全部 + 一部 +
非開示小計 + 取下げ + 拒否 = 請求件数), so each request has exactly one decision.
"""

from datetime import date, timedelta

from hogo.core.models import Agency, Department, Division, Municipality
from hogo.disclosure import actions
from hogo.disclosure.choices import AppealOutcome, Outcome, RequestKind
from hogo.disclosure.models import Request, RequestSettings

MARKER = "デモデータ SG24"
FIRST_DAY, LAST_DAY = date(2024, 4, 1), date(2025, 3, 31)

# The result columns in the seed's order, after its lost-header subtotal is taken
# out: 全部, 一部（部分）, 非開示（不開示）, 不存在, 存否応答拒否等, 取下げ, 拒否.
RESULTS = (Outcome.FULL, Outcome.PARTIAL, Outcome.REFUSED, Outcome.NOT_HELD, Outcome.NCND,
           Outcome.WITHDRAWN, Outcome.DISMISSED)

# agency → (results in RESULTS order, requests extended up to 30 days, beyond 30 days).
INFORMATION = {   # 報告第376号 1 行政情報開示請求の状況
    "区長": ((167, 189, 6, 29, 5, 30, 0), 40, 5),
    "教育委員会": ((5, 16, 3, 5, 1, 4, 0), 5, 0),
    "選挙管理委員会": ((1, 1, 0, 0, 0, 1, 0), 0, 0),
    "監査委員": ((0, 1, 0, 1, 1, 0, 0), 1, 0),
    "議会": ((1, 2, 0, 0, 0, 0, 0), 1, 0),
}
DISCLOSURE = {    # 報告第377号 1 保有個人情報の開示請求の状況
    "区長": ((28, 165, 57, 10, 1, 7, 3), 35, 1),
    "教育委員会": ((9, 6, 0, 0, 2, 0, 0), 4, 0),
}
CORRECTION = {    # 報告第377号 2 訂正請求: 区長 1件, 不訂正 1
    "区長": (((Outcome.NOT_CORRECTED, 1),), 0, 0),
}
# Appeals received in FY2024 (第376号 2, 第377号 4): outcome → number.
INFORMATION_APPEALS = {AppealOutcome.PENDING: 7, AppealOutcome.WITHDRAWN: 2, AppealOutcome.DISMISSED: 1}
APPI_APPEALS = {AppealOutcome.PENDING: 5}

# Where each agency's requests are filed (full division names of the demo organisation).
DIVISIONS = {
    "区長": ("総務部区政情報課", "総務部総務課", "政策経営部広報広聴課", "財務部課税課", "地域行政部住民記録・戸籍課",
             "世田谷総合支所保健福祉センター生活支援課", "子ども・若者部児童相談支援課", "高齢福祉部介護保険課",
             "障害福祉部障害保健福祉課", "都市整備政策部住宅管理課", "防災街づくり担当部建築安全課", "清掃・リサイクル部事業課"),
    "教育委員会": ("教育委員会事務局教育総務課", "教育委員会事務局学務課", "教育委員会事務局教育指導課",
                   "教育委員会事務局支援教育課"),
    "選挙管理委員会": ("選挙管理委員会事務局選挙課",),
    "監査委員": ("監査事務局監査課",),
    "議会": ("区議会事務局区議会総務課",),
}
SUBJECTS = {
    RequestKind.INFORMATION: ("令和6年度の委託契約の仕様書", "会議録及び会議資料", "工事の設計図書", "補助金交付決定に係る文書",
                              "事業計画に関する起案文書", "審議会の答申資料"),
    RequestKind.DISCLOSURE: ("本人の相談記録", "本人の課税に関する記録", "本人の住民票の異動に関する記録", "本人のケース記録",
                             "本人の就学に関する記録", "本人の介護認定調査票"),
    RequestKind.CORRECTION: ("本人の相談記録の記載",),
}
FAMILY = ("世田谷", "北沢", "玉川", "砧", "烏山", "太子堂", "三宿", "代沢", "奥沢", "成城")
GIVEN = ("一郎", "花子", "次郎", "春子", "三郎", "夏美", "四郎", "秋子", "五郎", "冬美")
TOWNS = ("世田谷", "北沢", "代田", "奥沢", "成城", "上北沢", "用賀", "経堂", "太子堂", "松原")


def _person(number):
    """A fictitious requester; ``number`` picks one of 100 people."""
    name = f"{FAMILY[number % 10]} {GIVEN[number // 10 % 10]}"
    return name, f"世田谷区{TOWNS[number // 10 % 10]}{number % 5 + 1}-{number % 7 + 1}-{number % 9 + 1}"


def _open_day_on_or_after(day, calendar):
    while not calendar.is_open(day):
        day += timedelta(days=1)
    return day


def _received_on(index, total, calendar):
    """Spread ``total`` requests over the fiscal year, each on an open day."""
    position = index * 7919 % total    # a prime larger than any total: results mixed over the year
    day = FIRST_DAY + timedelta(days=(LAST_DAY - FIRST_DAY).days * position // total)
    day = _open_day_on_or_after(day, calendar)
    return day if day <= LAST_DAY else _open_day_on_or_after(LAST_DAY - timedelta(days=7), calendar)


def planned_requests():
    """Every request to create: (kind, agency, number within the agency, outcome, extension)."""
    plan = []
    for kind, table in ((RequestKind.INFORMATION, INFORMATION), (RequestKind.DISCLOSURE, DISCLOSURE),
                        (RequestKind.CORRECTION, CORRECTION)):
        for agency, (results, up_to_30, over_30) in table.items():
            outcomes = (list(results) if isinstance(results[0], tuple)
                        else list(zip(RESULTS, results)))
            number = 0
            for outcome, count in outcomes:
                for _ in range(count):
                    # Extensions go to requests that were decided (not withdrawn), first come first.
                    plan.append([kind, agency, number, outcome, ""])
                    number += 1
            decided = [entry for entry in plan if entry[0] == kind and entry[1] == agency
                       and entry[3] != Outcome.WITHDRAWN]
            for entry in decided[:up_to_30]:
                entry[4] = "up_to_30"
            for entry in decided[up_to_30:up_to_30 + over_30]:
                entry[4] = "over_30"
    return [tuple(entry) for entry in plan]


def _parliament():
    """The 区議会: an 実施機関 of the information ordinance, not of the APPI (法第2条第11項第2号)."""
    parliament, _ = Agency.objects.get_or_create(name="議会", defaults={"order": Agency.objects.count() + 1})
    department, _ = Department.objects.get_or_create(agency=parliament, name="区議会事務局")
    Division.objects.get_or_create(full_name="区議会事務局区議会総務課",
                                   defaults={"department": department, "name": "区議会総務課"})
    RequestSettings.current().information_only_agencies.add(parliament)


def load(user):
    """Create the FY2024 records once (a second run finds the marker and creates nothing)."""
    if Request.objects.filter(note__startswith=MARKER).exists():
        return 0
    _parliament()
    calendar = Municipality.current().calendar()
    divisions = {agency: [Division.objects.get(full_name=name) for name in names] for agency, names in DIVISIONS.items()}
    plan = planned_requests()
    appealable = {RequestKind.INFORMATION: [], RequestKind.DISCLOSURE: []}
    for index, (kind, agency, number, outcome, extension) in enumerate(plan):
        received_on = _received_on(number, sum(1 for entry in plan if entry[:2] == (kind, agency)), calendar)
        division = divisions[agency][number % len(divisions[agency])]
        name, address = _person(index)
        obj = actions.do_create_request(None, user=user, data={
            "kind": kind, "received_on": received_on, "division": division,
            "requester_name": name, "requester_address": address,
            "subject": SUBJECTS[kind][number % len(SUBJECTS[kind])], "identity_checked": True,
            "note": f"{MARKER}-{index + 1:03d}"})
        decided_on = received_on + timedelta(days=10)
        if extension == "up_to_30":
            actions.do_extend_deadline(None, obj, user=user, days=30, notified_on=received_on + timedelta(days=7),
                                       reason="請求に係る文書が多量であり、その確認に時間を要するため")
            decided_on = received_on + timedelta(days=35)
        elif extension == "over_30":
            original = obj.deadlines()[0].date
            actions.do_special_extension(None, obj, user=user, notified_on=received_on + timedelta(days=7),
                                         rest_by=original + timedelta(days=60),
                                         reason="請求に係る文書が著しく大量であるため")
            decided_on = received_on + timedelta(days=60)
        decided_on = _open_day_on_or_after(decided_on, calendar)
        grounds = [2] if outcome in (Outcome.PARTIAL, Outcome.REFUSED, Outcome.NCND) else []
        decision = actions.do_record_decision(
            None, obj, user=user, division=division, outcome=outcome, decided_on=decided_on, grounds=grounds,
            reason="デモ：個人に関する情報のため" if grounds else "", notified_on=decided_on)
        if kind in appealable and outcome in (Outcome.PARTIAL, Outcome.REFUSED) and decided_on < date(2025, 2, 1):
            appealable[kind].append((obj, decision))
    for kind, appeals in ((RequestKind.INFORMATION, INFORMATION_APPEALS), (RequestKind.DISCLOSURE, APPI_APPEALS)):
        candidates = iter(appealable[kind])
        for appeal_outcome, count in appeals.items():
            for _ in range(count):
                obj, decision = next(candidates)
                received_on = _open_day_on_or_after(decision.decided_on + timedelta(days=20), calendar)
                data = {"received_on": received_on, "outcome": appeal_outcome, "note": ""}
                if appeal_outcome != AppealOutcome.PENDING:
                    data["decided_on"] = _open_day_on_or_after(received_on + timedelta(days=30), calendar)
                actions.do_record_appeal(None, obj, decision=decision, user=user, data=data)
    return len(plan)
