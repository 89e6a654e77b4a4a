"""Demo requests.

For Yachiyo: one record per request and per decision, as a division would have
registered them in FY2023 and FY2024; the statistics page rebuilds 資料1 §2
①–④ from them (the tests check it cell by cell). For Setagaya: a handful of
requests still open today, so the dashboard shows decision deadlines.

Decision codes in the request lists below:
  全 = 全部開示, 部2.7 = 部分開示 citing Art.78 items 2 and 7, 不7 = 不開示 (item 7),
  存2 = 存否応答拒否 (item 2), 無 = 不存在, 取 = 取下げ.
A code may end in @key for a decision by another division of the request.
"""

from datetime import date, timedelta

from django.utils import timezone

from hogo.core.models import Division, Municipality, User
from hogo.disclosure import actions, demo_setagaya_fy2024
from hogo.disclosure.choices import InfoCounting, Outcome, RequestKind
from hogo.disclosure.models import Request, RequestSettings

CODES = {"全": Outcome.FULL, "部": Outcome.PARTIAL, "不": Outcome.REFUSED, "存": Outcome.NCND,
         "無": Outcome.NOT_HELD, "取": Outcome.WITHDRAWN}

YACHIYO_DIVISIONS = {
    "法務": "総務部法務課", "総務": "総務部総務課", "健康": "健康福祉部健康づくり課", "障害": "健康福祉部障害者支援課",
    "子ども": "子ども部子ども相談センター", "市民": "市民部市民課", "学務": "教育委員会事務局学務課",
    "消防": "消防本部総務課",
}

# Fictitious requesters: (name, address). The same person keeps the same name and address.
YACHIYO_PEOPLE = {
    "P01": ("大和田 一郎", "八千代市大和田新田1-1"), "P02": ("勝田 花子", "八千代市勝田台2-2"),
    "P03": ("村上 次郎", "八千代市村上3-3"), "P04": ("高津 三枝", "八千代市高津4-4"),
    "P05": ("米本 四郎", "八千代市米本5-5"), "P06": ("萱田 五月", "八千代市萱田6-6"),
    "P07": ("緑が丘 六助", "八千代市緑が丘7-7"), "P08": ("八千代台 七海", "八千代市八千代台北8-8"),
    "P09": ("保品 八郎", "八千代市保品9-9"), "P10": ("島田 九美", "八千代市島田台10-10"),
    "P11": ("下市場 十蔵", "八千代市下市場11-11"), "P12": ("睦 十一子", "八千代市睦12-12"),
    "E1": ("上高野 学", "八千代市上高野1-2"), "E2": ("吉橋 教子", "八千代市吉橋2-3"),
    "E3": ("桑橋 育男", "八千代市桑橋3-4"), "E4": ("神野 校子", "八千代市神野4-5"),
    "E5": ("真木野 進", "八千代市真木野5-6"), "E6": ("麦丸 園子", "八千代市麦丸6-7"),
    "F1": ("平戸 消一", "八千代市平戸1-3"), "F2": ("佐山 救子", "八千代市佐山2-4"),
    "F3": ("尾崎 防人", "八千代市尾崎3-5"), "F4": ("島田 火奈", "八千代市島田4-6"),
    "F5": ("吉橋 水樹", "八千代市吉橋5-7"), "F6": ("米本 守", "八千代市米本6-8"),
    "F7": ("高津 炎", "八千代市高津7-9"),
}

# (demo key, requester, division key, received on, decision codes)
YACHIYO_REQUESTS = [
    # FY2023 (令和5年度), 市長
    ("Y23-01", "P01", "健康", "2023-04-10", "全 全 全 部2.7"),
    ("Y23-02", "P01", "健康", "2023-06-05", "全 全 無"),
    ("Y23-03", "P02", "障害", "2023-04-24", "全 全 全 全@子ども 部2"),
    ("Y23-04", "P03", "子ども", "2023-05-15", "部2.7 部7 存2 無"),
    ("Y23-05", "P04", "市民", "2023-05-29", "全 全 全"),
    ("Y23-06", "P04", "市民", "2023-07-03", "取"),
    ("Y23-07", "P05", "健康", "2023-07-18", "全 全 無 無"),
    ("Y23-08", "P06", "障害", "2023-08-21", "全 全 全 部2"),
    ("Y23-09", "P07", "子ども", "2023-09-11", "全 全 部3 部7"),
    ("Y23-10", "P07", "子ども", "2023-10-02", "無 無"),
    ("Y23-11", "P08", "法務", "2023-10-16", "全 全 全 全"),
    ("Y23-12", "P09", "健康", "2023-11-06", "全 全 全 部2"),
    ("Y23-13", "P09", "障害", "2023-12-04", "全 全@健康 無"),
    ("Y23-14", "P10", "市民", "2023-12-26", "全 全 全"),
    ("Y23-15", "P11", "総務", "2024-01-15", "全 部2 部7"),
    ("Y23-16", "P11", "総務", "2024-02-05", "全 無"),
    ("Y23-17", "P12", "子ども", "2024-02-19", "全 全 全"),
    ("Y23-18", "P12", "健康", "2024-03-11", "全"),
    # FY2023, 教育委員会
    ("Y23-21", "E1", "学務", "2023-06-12", "部2 部7"),
    ("Y23-22", "E2", "学務", "2023-09-04", "全"),
    ("Y23-23", "E3", "学務", "2023-11-20", "部2"),
    ("Y23-24", "E3", "学務", "2024-01-22", "取"),
    ("Y23-25", "E4", "学務", "2024-02-26", "部7"),
    # FY2023, 消防長
    ("Y23-31", "F1", "消防", "2023-05-08", "全"),
    ("Y23-32", "F2", "消防", "2023-08-07", "全"),
    ("Y23-33", "F3", "消防", "2023-12-11", "部2"),
    # FY2024 (令和6年度), 市長
    ("Y24-01", "P01", "健康", "2024-04-15", "全"),
    ("Y24-02", "P02", "障害", "2024-05-07", "全"),
    ("Y24-03", "P03", "子ども", "2024-05-20", "部2.3 不7"),
    ("Y24-04", "P04", "市民", "2024-06-10", "取"),
    ("Y24-05", "P05", "健康", "2024-06-24", "全 無"),
    ("Y24-06", "P06", "法務", "2024-07-08", "全"),
    ("Y24-07", "P07", "子ども", "2024-08-05", "部2.3"),
    ("Y24-08", "P08", "障害", "2024-09-02", "全"),
    ("Y24-09", "P09", "市民", "2024-09-30", "全"),
    ("Y24-10", "P10", "健康", "2024-10-21", "部2"),
    ("Y24-11", "P10", "健康", "2024-11-11", "取"),
    ("Y24-12", "P11", "総務", "2024-12-02", "全"),
    ("Y24-13", "P11", "総務", "2024-12-23", "不7"),
    ("Y24-14", "P12", "子ども", "2025-01-14", "部7 無"),
    ("Y24-15", "P12", "子ども", "2025-02-03", "全"),
    ("Y24-16", "P01", "障害", "2025-02-17", "全"),
    ("Y24-17", "P03", "市民", "2025-03-03", "全"),
    # FY2024, 教育委員会
    ("Y24-21", "E5", "学務", "2024-07-01", "取"),
    ("Y24-22", "E6", "学務", "2024-10-15", "全"),
    # FY2024, 消防長
    ("Y24-31", "F4", "消防", "2024-05-13", "全 全"),
    ("Y24-32", "F5", "消防", "2024-07-22", "全 部2"),
    ("Y24-33", "F6", "消防", "2024-10-07", "全 全"),
    ("Y24-34", "F7", "消防", "2025-01-20", "部2"),
]

SUBJECTS = {"健康": "健康診査の受診記録", "障害": "障害福祉サービスの支給決定に関する記録",
            "子ども": "児童相談の記録", "市民": "住民票の写し等の交付請求書", "法務": "法律相談の記録",
            "総務": "文書の収受記録", "学務": "就学に関する記録", "消防": "救急活動記録票"}


def _marker(key):
    return f"デモデータ {key}"


def parse_decisions(codes):
    """``"部2.7 全@子ども"`` → ``[(Outcome.PARTIAL, [2, 7], None), (Outcome.FULL, [], "子ども")]``."""
    parsed = []
    for code in codes.split():
        code, _, division = code.partition("@")
        grounds = [int(item) for item in code[1:].split(".") if item]
        parsed.append((CODES[code[0]], grounds, division or None))
    return parsed


def _decision_day(received, index, calendar):
    """A plausible decision day: two to four weeks after receipt, on an open day before it."""
    day = received + timedelta(days=14 + (index * 5) % 14)
    while not calendar.is_open(day):
        day -= timedelta(days=1)
    return day


def load_yachiyo_requests(user):
    """Create the Yachiyo FY2023/FY2024 requests and decisions (skipping those already there)."""
    divisions = {key: Division.objects.get(full_name=name) for key, name in YACHIYO_DIVISIONS.items()}
    existing = set(Request.objects.filter(note__startswith="デモデータ Y").values_list("note", flat=True))
    calendar = Municipality.current().calendar()
    created = 0
    for key, person, division_key, received, codes in YACHIYO_REQUESTS:
        if _marker(key) in existing:
            continue
        received_on = date.fromisoformat(received)
        decisions = parse_decisions(codes)
        others = {divisions[other] for _, _, other in decisions if other}
        name, address = YACHIYO_PEOPLE[person]
        obj = actions.do_create_request(None, user=user, other_divisions=others, data={
            "kind": RequestKind.DISCLOSURE, "received_on": received_on, "division": divisions[division_key],
            "requester_name": name, "requester_address": address, "subject": SUBJECTS[division_key],
            "identity_checked": True, "note": _marker(key)})
        for index, (outcome, grounds, other) in enumerate(decisions):
            actions.do_record_decision(
                None, obj, user=user, division=divisions[other] if other else obj.division, outcome=outcome,
                decided_on=_decision_day(received_on, index, calendar), grounds=grounds,
                reason="デモ：第三者の氏名等を除いて開示" if grounds else "",
                completes=index == len(decisions) - 1)
        created += 1
    return created


# (key, kind, division, received so many days ago, requester, subject, correction pause (days ago), extension)
SETAGAYA_OPEN_REQUESTS = [
    ("SG-01", RequestKind.DISCLOSURE, "世田谷総合支所保健福祉センター健康づくり課", 9, ("世田谷 太郎", "世田谷区世田谷4-21-27"),
     "乳幼児健康診査の記録", None, 0),
    ("SG-02", RequestKind.DISCLOSURE, "世田谷総合支所保健福祉センター健康づくり課", 24, ("三軒茶屋 花子", "世田谷区三軒茶屋2-1-1"),
     "母子保健相談の記録", (20, 15), 0),
    ("SG-03", RequestKind.CORRECTION, "地域行政部住民記録・戸籍課", 40, ("北沢 一郎", "世田谷区北沢2-8-18"),
     "住民票の記載事項（続柄）", None, 30),
    ("SG-04", RequestKind.DISCLOSURE, "子ども・若者部児童相談支援課", 33, ("玉川 次郎", "世田谷区等々力3-4-1"),
     "児童相談の記録", None, 0),
    ("SG-05", RequestKind.INFORMATION, "総務部区政情報課", 6, ("砧 三郎", "世田谷区成城6-2-1"),
     "令和7年度の公文書管理研修の資料", None, 0),
    ("SG-06", RequestKind.DISCLOSURE, "北沢総合支所保健福祉センター健康づくり課", 12, ("烏山 四郎", "世田谷区南烏山6-2-19"),
     "がん検診の受診記録", (5, None), 0),
]


def _open_day_on_or_before(day):
    """Requests arrive on days the office is open."""
    calendar = Municipality.current().calendar()
    while not calendar.is_open(day):
        day -= timedelta(days=1)
    return day


def load_setagaya_requests(user, today):
    existing = set(Request.objects.filter(note__startswith="デモデータ SG").values_list("note", flat=True))
    created = 0
    for key, kind, division_name, days_ago, (name, address), subject, pause, extension in SETAGAYA_OPEN_REQUESTS:
        if _marker(key) in existing:
            continue
        received_on = _open_day_on_or_before(today - timedelta(days=days_ago))
        obj = actions.do_create_request(None, user=user, data={
            "kind": kind, "received_on": received_on, "division": Division.objects.get(full_name=division_name),
            "requester_name": name, "requester_address": address, "requester_contact": "03-0000-0000",
            "subject": subject, "identity_checked": True, "note": _marker(key),
            "fee_yen": 10 if kind == RequestKind.INFORMATION else None})
        if pause:
            started, ended = pause
            created_pause = actions.do_start_pause(None, obj, user=user, requested_on=today - timedelta(days=started),
                                                   note="請求に係る保有個人情報の特定のため")
            if ended is not None:
                actions.do_end_pause(None, created_pause, user=user, answered_on=today - timedelta(days=ended))
        if extension:
            actions.do_extend_deadline(None, obj, user=user, days=extension, notified_on=received_on + timedelta(days=20),
                                       reason="事務の繁忙及び請求に係る文書の量が多いため")
        created += 1
    return created


def load(profile, stdout):
    settings = RequestSettings.current()
    privacy = User.objects.get(username="privacy")
    if profile.key == "yachiyo":
        settings.info_ordinance = "八千代市情報公開条例"
        settings.statistics_layout = "yachiyo"
        settings.save()
        created = load_yachiyo_requests(privacy)
        stdout.write(f"開示請求（令和5・6年度）のデモデータを{created}件作成しました。")
        return
    settings.info_ordinance = "世田谷区情報公開条例"
    settings.info_days = 14
    settings.info_counting = InfoCounting.NEXT_DAY
    settings.info_grounds = "\n".join([
        "1 法令秘情報", "2 個人に関する情報", "3 法人等に関する情報", "4 公共の安全等に関する情報",
        "5 審議、検討等に関する情報", "6 事務事業に関する情報"])
    settings.statistics_layout = "setagaya_appi"
    # Illustrative values for the notices (法第82条第1項, 施行令第26条第1項): check them before real use.
    settings.head_title = settings.head_title or "世田谷区長"
    settings.disclosure_place = settings.disclosure_place or "世田谷区役所 区政情報センター"
    settings.disclosure_hours = settings.disclosure_hours or "午前8時30分から午後5時まで（閉庁日を除く）"
    settings.copy_fee_table = settings.copy_fee_table or "用紙（A3まで）白黒 10\n用紙（A3まで）カラー 50"
    settings.postage_note = settings.postage_note or "郵送料（実費）"
    settings.save()
    created = load_setagaya_requests(privacy, timezone.localdate())
    stdout.write(f"処理中の開示請求等のデモデータを{created}件作成しました。")
    created = demo_setagaya_fy2024.load(privacy)
    stdout.write(f"令和6年度の請求（報告第376号・第377号）のデモデータを{created}件作成しました。")
