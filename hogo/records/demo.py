"""Demo records for the first demo division (staff1's 健康づくり課), after the seeds' incidents.

Series and files of 自立支援医療 applications (報告第374号) and 精神保健相談記録 (報告第360号),
a file held by an open disclosure request, a paper waiting for the prefecture's review,
a login (head1) for the division's 個人情報保護管理者, who approves disposal lists, and an SD card not returned in time
(Nerima's SD cards, seed 003). Get-or-create: running it twice changes nothing.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from hogo.core.choices import Role
from hogo.core.demo import DEMO_PASSWORD
from hogo.core.models import Division, User
from hogo.records.choices import MediaKind, StoragePlace
from hogo.records.models import Carryout, Hold, HoldingPaper, Medium, RecordFile, RecordSeries

SERIES = [
    # (name, years, sensitive, storage place, files: (title, completed, place))
    ("精神保健相談記録", 5, True, StoragePlace.STORE, [
        ("精神保健相談記録（平成30年度終結分）", date(2019, 3, 29), StoragePlace.STORE),
        ("精神保健相談記録（令和6年度終結分）", date(2025, 3, 31), StoragePlace.OFFICE),
    ]),
    ("自立支援医療（精神通院）支給認定申請書類", 5, True, StoragePlace.OFFICE, [
        ("自立支援医療申請書類（令和元年度）", date(2020, 3, 31), StoragePlace.STORE),
        ("自立支援医療申請書類（令和7年度）", None, StoragePlace.OFFICE),
    ]),
    ("乳幼児健康診査の記録", 5, False, StoragePlace.STORE, [
        ("乳幼児健康診査記録票（令和元年度）", date(2020, 3, 31), StoragePlace.STORE),
    ]),
]


def load(profile, stdout):
    division = Division.objects.get(full_name=profile.staff_divisions[0])
    staff = User.objects.get(username="staff1")
    with transaction.atomic():
        head = _head(division)
        for name, years, sensitive, place, files in SERIES:
            series, _ = RecordSeries.objects.get_or_create(division=division, name=name, defaults={
                "retention_years": years, "sensitive": sensitive, "storage_place": place})
            for title, completed, file_place in files:
                if not RecordFile.objects.filter(series=series, title=title).exists():
                    item = RecordFile(series=series, title=title, completed_on=completed, storage_place=file_place)
                    item.compute_retention()
                    item.save()
        held = _hold(division, staff)
        _holding(division, staff)
        _media(division, staff, head)
    stdout.write(f"文書・媒体：{division.full_name}の文書の分類 {len(SERIES)}件・簿冊・可搬媒体を用意しました"
                 f"（保護管理者 head1 / {DEMO_PASSWORD.format('head1')}）" + ("。請求による保留 1件" if held else "。"))


def _head(division):
    """A login for the division's 個人情報保護管理者, tied to the safety module's post when its demo set one."""
    from hogo.safety.choices import Post
    from hogo.safety.models import PostAssignment

    head = User.objects.filter(username="head1").first() or User(username="head1")
    head.last_name, head.first_name, head.role, head.division = "保健", "課長", Role.DIVISION_STAFF, division
    head.set_password(DEMO_PASSWORD.format("head1"))
    head.save()
    assignment = (PostAssignment.objects.filter(post=Post.MANAGER, division=division, ends_on__isnull=True)
                  .order_by("-starts_on").first())
    if assignment is None:
        PostAssignment.objects.create(post=Post.MANAGER, user=head, division=division, job_title="所管課長",
                                      starts_on=date(2020, 4, 1))
    elif assignment.user_id is None:
        assignment.user = head
        assignment.save(update_fields=["user"])
    return head


def _hold(division, staff):
    """The 令和元年度 health-check file is the subject of an open disclosure request, if the demo has one."""
    from hogo.disclosure.models import Request

    request = (Request.objects.filter(division=division, closed_on__isnull=True).order_by("received_on", "pk")
               .first())
    item = RecordFile.objects.filter(series__division=division, title="乳幼児健康診査記録票（令和元年度）").first()
    if request is None or item is None:
        return False
    Hold.objects.get_or_create(record_file=item, request=request, defaults={
        "created_by": staff, "note": "開示請求の対象（決定まで廃棄しない）"})
    return True


def _holding(division, staff):
    today = timezone.localdate()
    HoldingPaper.objects.get_or_create(division=division, description="自立支援医療診断書（区保存用の写し）", defaults={
        "application": "自立支援医療費（精神通院）支給認定申請", "received_on": today - timedelta(days=10),
        "place": "課内の一時保管棚（施錠）", "check_name": "東京都の審査", "destroy_from": today + timedelta(days=40),
        "registered_by": staff})


def _media(division, staff, head):
    sd, _ = Medium.objects.get_or_create(division=division, identifier="SD-01", defaults={
        "kind": MediaKind.SD, "owner": "保健 課長", "encrypted": False, "contents": "健康教室の記録写真"})
    Medium.objects.get_or_create(division=division, identifier="USB-01", defaults={
        "kind": MediaKind.USB, "owner": "保健 課長", "encrypted": True, "contents": "都への進達データ（暗号化）"})
    if not sd.carryouts.exists():
        now = timezone.now()
        Carryout.objects.create(medium=sd, taken_by=staff, approver=head, purpose="健康教室の撮影（会場：区民会館）",
                                destination="区民会館", taken_at=now - timedelta(days=2),
                                due_at=now - timedelta(days=2) + timedelta(hours=4))
