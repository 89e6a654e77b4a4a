"""Demo records of the safety cycle, from the seeds.

Setagaya: the FY2024 audit of 報告第378号 (北沢総合支所保健福祉センター健康づくり課, two findings from the
report's section 5, one linked to the 371 fax incident of the incidents demo, looked up by title), a
mutual audit of the other demo division (Nerima's 相互監査 idea, seed 003; its finding and overdue action
are illustrations, not seed facts), the 文書監督者研修 of 2024-08-14 (378) and this year's session that
one demo user missed, the 北沢 fax register whose verification after the incident (371) is now overdue,
and the misdirected fax of 2024-08-05 as a send record. Yachiyo: the structure of 管理指針 §2 and §12(1).
Person names are demo names, like the demo users'. Get-or-create throughout: running it twice changes nothing.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from hogo.core.actions import do_allocate_council_report
from hogo.core.models import CouncilReport, Division, User
from hogo.incidents.models import Incident
from hogo.safety.choices import CheckCategory, Post
from hogo.safety.models import (
    Attendance, Audit, AuditPlan, CheckItem, CorrectiveAction, Destination, DestinationCheck, Finding, PostAssignment,
    SelfCheck, SelfCheckAnswer, Send, TrainingSession,
)

KITAZAWA = "北沢総合支所保健福祉センター健康づくり課"
SETAGAYA_DIVISION = "世田谷総合支所保健福祉センター健康づくり課"
FAX_INCIDENT = "個人情報を含む文書の誤送信による漏えいのおそれ"

# The self-check items: what the 378 audit verified (section 5 (2)) and the Yachiyo guideline asks (§12(3)).
ITEMS = [
    (CheckCategory.STORAGE, "個人情報を含む文書は施錠可能なキャビネット又は文書庫に保管している", "管理基準（報告第378号 5(2)①）"),
    (CheckCategory.STORAGE, "文書保存箱の廃棄年月日を、作成年度の翌年度から起算した保存期間で記載している", "報告第378号 5(2)②"),
    (CheckCategory.ACCESS, "事務で使用する情報システムの利用権限を必要最小限の範囲としている", "管理基準（報告第378号 5(2)①）"),
    (CheckCategory.MEDIA, "事務用端末に盗難防止措置を講じ、又は施錠可能なキャビネットに保管している", "管理基準（報告第378号 5(2)①）"),
    (CheckCategory.FAX_MAIL, "ファクシミリ複合機の誤送信防止機能（宛先の２回入力）を設定している", "報告第378号 5(1)①"),
    (CheckCategory.FAX_MAIL, "ファクシミリの短縮登録を定期的に一斉点検し、不要な連絡先を削除している", "報告第371号 再発防止策"),
    (CheckCategory.FAX_MAIL, "庁内の所管課間の個人情報の授受にファクシミリ（外線）を使用していない", "報告第378号 6"),
    (CheckCategory.DISPOSAL, "廃棄文書はシュレッダー又は溶解により廃棄している", "管理基準（報告第378号 5(2)①）"),
    (CheckCategory.CONTRACTORS, "個人情報を取り扱う委託について、チェックリストと特記仕様書により必要な措置を確認している",
     "管理指針 資料2・資料4"),
    (CheckCategory.TRAINING, "課の職員に、総括保護管理者が実施する研修への参加の機会を与えている", "管理指針3(4)"),
]

SETAGAYA_PLAN = {
    "title": "世田谷区個人情報保護条例に基づく監査",
    "annex_label": "報告資料Ｎｏ．６－２",
    "introduction": (
        "個人情報の保護に関する法律（以下「法」という。）及び世田谷区個人情報保護条例（以下「条例」という。）の改正に伴い、"
        "令和５年４月１日から、法第６６条の規定に基づく安全管理措置の一環として、個人情報の管理の状況について監査を実施することとなった。\n"
        "この度、条例第５条第５項の規定に基づき設置する個人情報保護監査責任者が同項の規定により実施する個人情報の管理の状況についての"
        "監査に関して、令和６年度の実施結果を下記のとおり報告する。"),
    "viewpoint": (
        "個人情報の保護に関する法律（以下「法」という。）第６８条の規定に基づき、国（個人情報保護委員会）に報告すべき漏えい等の"
        "事態が生じた事案に係る所管課に対し、その改善状況について確認するとともに、当該所管課に対して保有個人情報を取り扱う事務に"
        "ついて世田谷区個人情報保護管理基準（以下「管理基準」という。）に即した方法で行っているかどうかについて確認する。"),
    "closing": (
        "今年度の監査は、漏えい等事案の発生があったこともあり、区におけるファクシミリの使用の必要性をテーマとして取り上げることとした。"
        "庁内における所管課間での保有個人情報の授受については、ファクシミリの方法は採用すべきでないと考えられる。"
        "代替手段として用いることが想定されるセキュリティフォルダ等の手法を用いて、より安全な方法で事務執行をされるよう、"
        "各課において取り組まれたい。"),
}

KITAZAWA_AUDIT = {
    "kind": "on_site", "auditor": "個人情報保護監査責任者",
    "planned_on": date(2025, 2, 26), "conducted_on": date(2025, 2, 26),
    "time_text": "午後３時００分から午後４時２０分まで",
    "place": "北沢総合支所保健福祉センター健康づくり課 ９階会議室及び執務室\n北沢総合支所地下３階文書庫",
    "selection_reason": (
        "上記監査対象課は、令和６年８月に、関係課に対して送付すべき文書（紙の申請書）をファクシミリで送信する際、"
        "送信先の番号を誤ったことにより、当該文書を実施機関外の事業者に誤送付した。\n"
        "本件監査においては、本件事案発生後の事務における改善策等について検証する必要があることから、同課を監査対象課として選定することとした。"),
    "items": "漏えい等が生じた保有個人情報に係る事務の改善状況の確認\n保有個人情報の取扱状況及び保存・保管状況の確認",
    "method": "提出資料の確認、担当職員への聴き取り調査及び現地調査",
    "result": ("本件事案発生後に監査対象課が策定し、実施した改善策等については、概ね適正であると判断する。"
               "また、監査対象課における保有個人情報を取り扱う事務についても概ね適正に行われていると判断する。"),
}

KITAZAWA_FINDINGS = [
    ("fax_mail", "advice", "管理基準", True,
     "ファクシミリによらなければならない事務かについて引き続き検討するとともに、少なくとも区内部における外線を用いた"
     "ファクシミリは使用しないこととするよう事務改善を図ること。"),
    ("disposal", "finding", "文書の保存期間（作成年度の翌年度から起算）", False,
     "地下３階文書庫の過年度文書に係る文書保存箱において、廃棄年月日に誤記載があり、保存期間満了の１年前に廃棄をする旨の"
     "表示がされているものが見受けられた。"),
]


def load(profile, stdout):
    with transaction.atomic():
        _items()
        if profile.key == "setagaya":
            _setagaya_structure()
            loaded = _setagaya_cycle()
            stdout.write(f"安全管理：管理体制、点検項目 {len(ITEMS)}件、令和６年度の監査（報告第378号）、研修、"
                         f"ファクシミリ送付先と送付記録を用意しました{'' if loaded else '（登録済み）'}。")
        elif profile.key == "yachiyo":
            _yachiyo_structure(profile)
            stdout.write("安全管理：八千代市個人情報の安全管理に関する指針の管理体制と点検項目を用意しました。")


def _items():
    for order, (category, text, rule) in enumerate(ITEMS, 1):
        CheckItem.objects.get_or_create(text=text, defaults={"category": category, "rule": rule, "order": order})


def _assign(post, starts_on, *, person_name="", job_title="", user=None, division=None, agency=None):
    PostAssignment.objects.get_or_create(post=post, division=division, agency=agency, starts_on=starts_on,
                                         defaults={"person_name": person_name, "job_title": job_title, "user": user})


def _setagaya_structure():
    start = date(2023, 4, 1)   # the amended ordinance took effect (報告第378号)
    _assign(Post.GENERAL_MANAGER, start, job_title="総務部長", person_name="総務 太郎")
    _assign(Post.AUDIT_OFFICER, start, job_title="個人情報保護監査責任者（条例第5条第5項）", person_name="総務 太郎")
    for full_name, manager, username in ((KITAZAWA, "北沢 課長", "staff2"), (SETAGAYA_DIVISION, "世田谷 課長", "staff1")):
        division = Division.objects.filter(full_name=full_name).first()
        if division is None:
            continue
        # 報告第378号: the division's 個人情報保護管理者 is 「所管課長」.
        _assign(Post.MANAGER, start, job_title="所管課長", person_name=manager, division=division)
        _assign(Post.OFFICER, start, user=User.objects.filter(username=username).first(), job_title="係長",
                division=division)
        _assign(Post.DOCUMENT_SUPERVISOR, start, user=User.objects.filter(username=username).first(),
                division=division)


def _yachiyo_structure(profile):
    start = date(2023, 4, 1)
    # 管理指針 §2(1)ア and §12(1): both posts are held by the 総務部長.
    _assign(Post.GENERAL_MANAGER, start, job_title="総務部長", person_name="総務 太郎")
    _assign(Post.AUDIT_OFFICER, start, job_title="総務部長", person_name="総務 太郎")
    for full_name, username in zip(profile.staff_divisions, ("staff1", "staff2")):
        division = Division.objects.filter(full_name=full_name).first()
        if division is None:
            continue
        _assign(Post.MANAGER, start, job_title="健康福祉部長（業務主管部長）", person_name="健康 部長", division=division)
        _assign(Post.RESPONSIBLE, start, job_title="業務主管課長", person_name=f"{division.name}長", division=division)
        _assign(Post.OFFICER, start, user=User.objects.filter(username=username).first(), division=division)


def _setagaya_cycle():
    kitazawa = Division.objects.filter(full_name=KITAZAWA).first()
    own = Division.objects.filter(full_name=SETAGAYA_DIVISION).first()
    if kitazawa is None or own is None or AuditPlan.objects.filter(fiscal_year=2024).exists():
        return False
    today = timezone.localdate()
    incident = Incident.objects.filter(title=FAX_INCIDENT, division=kitazawa).first()

    plan = AuditPlan.objects.create(fiscal_year=2024, **SETAGAYA_PLAN)
    if not CouncilReport.objects.filter(number=378).exists():
        plan.council_report = do_allocate_council_report(
            None, title=f"{plan.title}の結果について（令和６年度分）", reported_on=date(2025, 7, 11), record=plan,
            number=378)
        plan.save(update_fields=["council_report"])
    audit = Audit.objects.create(plan=plan, division=kitazawa, **KITAZAWA_AUDIT)
    for category, severity, rule, linked, text in KITAZAWA_FINDINGS:
        finding = Finding.objects.create(division=kitazawa, source="audit", audit=audit, category=category,
                                         severity=severity, rule=rule, text=text, incident=incident if linked else None)
        if category == "disposal":
            CorrectiveAction.objects.create(finding=finding, text="文書保存箱の廃棄年月日を点検し、誤記載を訂正した。",
                                            owner="庶務担当係長", due_on=date(2025, 3, 31), done_on=date(2025, 3, 14))
            finding.closed_on = date(2025, 3, 14)
            finding.save(update_fields=["closed_on"])
        else:
            CorrectiveAction.objects.create(finding=finding, text="庁内あての送付はセキュリティフォルダ・LoGoフォームに改める。",
                                            owner="所管課長", due_on=date(2025, 3, 31), done_on=date(2025, 3, 31))
            CorrectiveAction.objects.create(finding=finding, text="ファクシミリによらなければならない事務を洗い出し、代替手段を検討する。",
                                            owner="所管課長", due_on=today + timedelta(days=20))
    mutual = Audit.objects.create(
        plan=plan, division=own, kind="documentary", auditor="北沢総合支所保健福祉センター健康づくり課 係長",
        auditing_division=kitazawa, planned_on=date(2025, 3, 10), conducted_on=date(2025, 3, 10),
        items="個人情報保護や漏洩防止に対する意識啓発のための取り組みを行っている",
        method="提出資料の確認（相互監査）", result="手続きや根拠については正しく認識されている。")
    finding = Finding.objects.create(division=own, source="audit", audit=mutual, category="training",
                                     severity="finding", rule="管理指針3(4)",
                                     text="異動（転入）職員に対する課内研修の実施記録が保管されていない。")
    CorrectiveAction.objects.create(finding=finding, text="課内研修の実施記録を事業起案とともに保管する。",
                                    owner="庶務担当係長", due_on=today - timedelta(days=10))

    # This year's self-check of 北沢: the speed-dial item answered "no" became a finding.
    year = today.year if today.month >= 4 else today.year - 1
    self_check = SelfCheck.objects.create(division=kitazawa, fiscal_year=year, status="submitted",
                                          submitted_on=today - timedelta(days=5),
                                          submitted_by=User.objects.filter(username="staff2").first())
    for item in CheckItem.objects.filter(active=True):
        answer = "no" if "外線" in item.text else "yes"
        saved = SelfCheckAnswer.objects.create(self_check=self_check, item=item, answer=answer,
                                               note="保健所とのやり取りにファクシミリが残っている" if answer == "no" else "")
        if answer == "no":
            Finding.objects.create(division=kitazawa, source="self_check", answer=saved, category=item.category,
                                   rule=item.rule, text=f"点検で「いいえ」：{item.text}（{saved.note}）")

    # Training: the seed's 文書監督者研修 (北沢 sent one 係長級職員) and this year's session staff1 missed.
    seed_session = TrainingSession.objects.create(title="文書監督者研修", held_on=date(2024, 8, 14),
                                                  audience="document_supervisors",
                                                  note="漏えい等事案（報告第371号）の発生を受け、監査対象課の係長級職員１名が出席した。")
    staff1, staff2 = User.objects.filter(username="staff1").first(), User.objects.filter(username="staff2").first()
    if staff2:
        Attendance.objects.create(session=seed_session, user=staff2, person_name=str(staff2), division=kitazawa)
    session = TrainingSession.objects.create(title="個人情報保護研修（全職員）", held_on=today - timedelta(days=60),
                                             audience="all_staff")
    if staff2:
        Attendance.objects.create(session=session, user=staff2, person_name=str(staff2), division=kitazawa)
    if staff1:   # staff1 attended two years ago and missed this year's session
        old = TrainingSession.objects.create(title="個人情報保護研修（全職員）", held_on=today - timedelta(days=760),
                                             audience="all_staff")
        Attendance.objects.create(session=old, user=staff1, person_name=str(staff1), division=own)
        User.objects.filter(pk=staff1.pk).update(date_joined=timezone.now() - timedelta(days=1000))

    # The fax register of 北沢: checked after the incident (371), not since: the verification is overdue.
    registered = date(2024, 4, 1)
    destinations = [
        Destination.objects.create(division=kitazawa, channel="fax", name="子ども・若者部子ども家庭課",
                                   address="（内線ファクシミリ）", speed_dial="12", created_on=registered),
        Destination.objects.create(division=kitazawa, channel="fax", name="世田谷保健所", address="0-03-0000-0000",
                                   speed_dial="21", created_on=registered),
        Destination.objects.create(division=kitazawa, channel="mail", name="区民（申請者）あて", address="申請書記載の住所",
                                   created_on=registered),
    ]
    if staff2:
        DestinationCheck.objects.create(division=kitazawa, checked_on=date(2024, 8, 6), checked_by=staff2,
                                        note="短縮登録を一斉点検し、すべて「0」発信に直した。不要な連絡先を削除した。（報告第371号）")
        checker = User.objects.filter(division=kitazawa).exclude(pk=staff2.pk).first() or User.objects.filter(
            username="privacy").first()
        if checker:
            Send.objects.create(
                division=kitazawa, sent_on=date(2024, 8, 5), channel="fax", destination=destinations[0],
                recipient="子ども・若者部子ども家庭課", address="短縮ダイヤル登録の番号（誤登録）",
                content="世田谷区産前・産後訪問支援申請書", method="fax_cover", sender=staff2, checker=checker,
                misdirected_on=date(2024, 8, 5),
                misdirection="Ｂ社から所管課に電話があり、本件文書がＢ社にファクシミリで誤送信されているため、廃棄するとの連絡があった。",
                incident=incident)
            Send.objects.create(division=kitazawa, sent_on=today - timedelta(days=3), channel="mail",
                                destination=destinations[2], recipient="区民（申請者）あて", address="申請書記載の住所",
                                content="世田谷区産前・産後訪問支援事業決定通知書兼報告書", method="tokutei_kiroku",
                                sender=staff2, checker=checker)
    return True
