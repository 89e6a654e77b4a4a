"""Every write to records, disposal lists, holding papers and media: one transaction each, with its audit row."""

from django.db import transaction
from django.utils import timezone

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.concurrency import claim_version
from hogo.core.uploads import display_name
from hogo.records import retention
from hogo.records.choices import DisposalMethod, DisposalStatus
from hogo.records.models import Carryout, DisposalList, Hold, RecordFile


class RecordsError(Exception):
    """A write refused for a reason the user can fix; the message (Japanese) is shown as is.

    ``problems`` lists every reason when there are several (a disposal refused for two files).
    """

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems) or [message]


def _changes(form):
    return {form.fields[name].label: ["", str(form.cleaned_data.get(name, ""))[:200]]
            for name in form.changed_data if name != "version"}


def _save_versioned(request, form, label=None):
    """Create or update the form's record, claiming its version on update; audited."""
    with transaction.atomic():
        obj = form.instance
        creating = obj.pk is None
        if not creating:
            claim_version(obj, form.cleaned_data["version"])
        obj = form.save(commit=False)
        if isinstance(obj, RecordFile):
            obj.compute_retention()
        obj.save()
        log.record(request, AuditAction.CREATE if creating else AuditAction.UPDATE, obj, changes=_changes(form),
                   note=label or "")
    return obj


def do_save_series(request, form):
    series = _save_versioned(request, form)
    # A changed period or start rule changes the files' dates: recompute those not yet disposed of.
    with transaction.atomic():
        for record_file in series.files.filter(disposed_on__isnull=True).select_related("series"):
            before = record_file.disposal_allowed_from
            record_file.compute_retention()
            if record_file.disposal_allowed_from != before:
                record_file.save(update_fields=["retention_ends", "disposal_allowed_from"])
    return series


def do_save_file(request, form):
    if form.instance.pk and form.instance.disposed_on:
        raise RecordsError("廃棄済みの簿冊は変更できません。")
    return _save_versioned(request, form)


def do_save_holding(request, form):
    if form.instance.pk is None:
        form.instance.registered_by = request.user
    elif form.instance.destroyed_on:
        raise RecordsError("廃棄済みの書類は変更できません。")
    return _save_versioned(request, form)


def do_save_medium(request, form):
    return _save_versioned(request, form)


# ------------------------------------------------------------------ holds

def do_add_hold(request, record_file, *, request_obj, note=""):
    with transaction.atomic():
        if Hold.objects.filter(record_file=record_file, request=request_obj).exists():
            raise RecordsError("この請求は既に登録されています。")
        hold = Hold.objects.create(record_file=record_file, request=request_obj, note=note, created_by=request.user)
        log.record(request, AuditAction.CREATE, hold, changes={"請求": ["", str(request_obj)]},
                   division=record_file.series.division)
    return hold


# ------------------------------------------------------------------ disposal lists

def do_create_disposal_list(request, *, division, fiscal_year):
    with transaction.atomic():
        disposal_list = DisposalList.objects.create(division=division, fiscal_year=fiscal_year,
                                                    created_by=request.user)
        log.record(request, AuditAction.CREATE, disposal_list)
    return disposal_list


def _require_status(disposal_list, *statuses):
    if disposal_list.status not in statuses:
        raise RecordsError(f"この廃棄リストは「{disposal_list.get_status_display()}」のため、この操作はできません。")


def do_set_list_files(request, disposal_list, files):
    """Put ``files`` (of the list's division, not disposed of, on no other list) on a draft list."""
    with transaction.atomic():
        _require_status(disposal_list, DisposalStatus.DRAFT)
        before = set(disposal_list.files.values_list("pk", flat=True))
        after = {record_file.pk for record_file in files}
        for record_file in files:
            if record_file.series.division_id != disposal_list.division_id:
                raise RecordsError(f"「{record_file.title}」は他の課の簿冊です。")
            if record_file.disposal_list_id not in (None, disposal_list.pk):
                raise RecordsError(f"「{record_file.title}」は別の廃棄リストに載っています。")
        RecordFile.objects.filter(pk__in=before - after).update(disposal_list=None)
        RecordFile.objects.filter(pk__in=after - before).update(disposal_list=disposal_list)
        titles = [record_file.title for record_file in files]
        log.record(request, AuditAction.UPDATE, disposal_list, changes={"簿冊": ["", "、".join(titles)[:500]]})


def _file_problems(disposal_list, on):
    files = disposal_list.files.select_related("series").prefetch_related("holds__request__appeals")
    return [problem for record_file in files for problem in retention.file_problems(record_file.facts(), on)]


def do_propose(request, disposal_list, *, today=None):
    """Staff send the list to the head: only files whose retention has ended and that no request holds."""
    today = today or timezone.localdate()
    with transaction.atomic():
        _require_status(disposal_list, DisposalStatus.DRAFT)
        if not disposal_list.files.exists():
            raise RecordsError("廃棄する簿冊を選んでから起案してください。")
        problems = _file_problems(disposal_list, today)
        if problems:
            raise RecordsError(problems[0], problems)
        disposal_list.status = DisposalStatus.PROPOSED
        disposal_list.proposed_by, disposal_list.proposed_on = request.user, today
        disposal_list.save(update_fields=["status", "proposed_by", "proposed_on"])
        log.record(request, AuditAction.UPDATE, disposal_list, note="廃棄リストの起案",
                   changes={"状態": ["作成中", "承認待ち"]})


def is_protection_manager(user, division, day=None):
    """``user`` holds the division's 個人情報保護管理者 post on ``day`` (the safety module's management structure)."""
    from hogo.safety.choices import Post
    from hogo.safety.structure import holder

    assignment = holder(Post.MANAGER, division, day)
    return assignment is not None and assignment.user_id == user.pk


def do_approve(request, disposal_list, *, today=None):
    """The division head (保護管理者) approves; the proposer cannot approve their own list."""
    today = today or timezone.localdate()
    with transaction.atomic():
        _require_status(disposal_list, DisposalStatus.PROPOSED)
        if not is_protection_manager(request.user, disposal_list.division, today):
            raise RecordsError("廃棄リストを承認できるのは、この課の個人情報保護管理者（安全管理の管理体制に"
                               "利用者として登録された者）です。")
        if disposal_list.proposed_by_id == request.user.pk:
            raise RecordsError("起案した職員は自分の廃棄リストを承認できません。")
        disposal_list.status = DisposalStatus.APPROVED
        disposal_list.approved_by, disposal_list.approved_on = request.user, today
        disposal_list.save(update_fields=["status", "approved_by", "approved_on"])
        log.record(request, AuditAction.UPDATE, disposal_list, note="廃棄リストの承認（保護管理者）",
                   changes={"状態": ["承認待ち", "承認済み"]})


def do_return_to_draft(request, disposal_list):
    """The head sends the list back to its author (or the author withdraws it) before disposal."""
    with transaction.atomic():
        _require_status(disposal_list, DisposalStatus.PROPOSED, DisposalStatus.APPROVED)
        before = disposal_list.get_status_display()
        disposal_list.status = DisposalStatus.DRAFT
        disposal_list.approved_by = disposal_list.approved_on = None
        disposal_list.privacy_checked_by = disposal_list.privacy_checked_on = None
        disposal_list.save(update_fields=["status", "approved_by", "approved_on", "privacy_checked_by",
                                          "privacy_checked_on"])
        log.record(request, AuditAction.UPDATE, disposal_list, note="廃棄リストの差戻し",
                   changes={"状態": [before, "作成中"]})


def do_privacy_check(request, disposal_list, *, today=None):
    """The privacy office checks a list that holds 要配慮 data."""
    today = today or timezone.localdate()
    with transaction.atomic():
        _require_status(disposal_list, DisposalStatus.PROPOSED, DisposalStatus.APPROVED)
        if not request.user.is_privacy_office:
            raise RecordsError("この確認は個人情報保護担当が行います。")
        disposal_list.privacy_checked_by, disposal_list.privacy_checked_on = request.user, today
        disposal_list.save(update_fields=["privacy_checked_by", "privacy_checked_on"])
        log.record(request, AuditAction.UPDATE, disposal_list, note="廃棄リストの確認（個人情報保護担当）")


def do_record_disposal(request, disposal_list, *, method, disposed_on, disposed_by, witness, contractor="",
                       certificate=None, note=""):
    """Record the act of disposal, refused unless every rule of ``retention.disposal_problems`` holds."""
    with transaction.atomic():
        disposal_list = DisposalList.objects.select_for_update().get(pk=disposal_list.pk)
        if disposal_list.status == DisposalStatus.DISPOSED:
            raise RecordsError("この廃棄リストは既に廃棄済みです。")
        files = list(disposal_list.files.select_related("series__personal_info_file")
                     .prefetch_related("holds__request__appeals"))
        problems = retention.disposal_problems(
            [record_file.facts() for record_file in files], on=disposed_on,
            approved=disposal_list.status == DisposalStatus.APPROVED,
            privacy_check_needed=any(record_file.series.holds_sensitive for record_file in files),
            privacy_checked=disposal_list.privacy_checked_on is not None,
            disposer=disposed_by.pk if disposed_by else None, witness=witness.pk if witness else None,
            method_needs_contractor=method == DisposalMethod.DISSOLUTION, contractor=contractor)
        if problems:
            raise RecordsError(problems[0], problems)
        disposal_list.status = DisposalStatus.DISPOSED
        disposal_list.method, disposal_list.disposed_on = method, disposed_on
        disposal_list.disposed_by, disposal_list.witness = disposed_by, witness
        disposal_list.contractor, disposal_list.note = contractor, note
        fields = ["status", "method", "disposed_on", "disposed_by", "witness", "contractor", "note"]
        if certificate:
            disposal_list.certificate_name = display_name(certificate.name, 200)
            disposal_list.certificate.save(certificate.name, certificate, save=False)
            fields += ["certificate", "certificate_name"]
        disposal_list.save(update_fields=fields)
        RecordFile.objects.filter(disposal_list=disposal_list).update(disposed_on=disposed_on)
        log.record(request, AuditAction.UPDATE, disposal_list, note="廃棄の実施",
                   changes={"廃棄の方法": ["", disposal_list.get_method_display()],
                            "廃棄日": ["", disposed_on.isoformat()],
                            "廃棄を行った職員": ["", str(disposed_by)], "立会者": ["", str(witness)],
                            "簿冊": ["", "、".join(record_file.title for record_file in files)[:500]]})
    return disposal_list


# ------------------------------------------------------------------ holding papers

def do_destroy_holding(request, paper, *, destroyed_on, second_checker):
    with transaction.atomic():
        if paper.destroyed_on:
            raise RecordsError("この書類は既に廃棄済みです。")
        problems = retention.holding_destruction_problems(
            on=destroyed_on, destroy_from=paper.destroy_from, check_done_on=paper.check_done_on,
            check_name=paper.check_name, destroyed_by=request.user.pk,
            second_checker=second_checker.pk if second_checker else None)
        if problems:
            raise RecordsError(problems[0], problems)
        paper.destroyed_on, paper.destroyed_by, paper.second_checker = destroyed_on, request.user, second_checker
        paper.save(update_fields=["destroyed_on", "destroyed_by", "second_checker"])
        log.record(request, AuditAction.UPDATE, paper, note="一時保管書類の廃棄",
                   changes={"廃棄日": ["", destroyed_on.isoformat()], "確認者": ["", str(second_checker)]})
    return paper


# ------------------------------------------------------------------ media

def do_take_out(request, medium, *, purpose, destination, approver, due_at):
    with transaction.atomic():
        if medium.lost_on or medium.retired_on:
            raise RecordsError("紛失・廃止した媒体は持ち出せません。")
        if medium.carryouts.filter(returned_at__isnull=True).exists():
            raise RecordsError("この媒体は持出し中です。返却を記録してから持ち出してください。")
        now = timezone.now()
        if due_at <= now:
            raise RecordsError("返却予定日時は今より後にしてください。")
        carryout = Carryout.objects.create(medium=medium, taken_by=request.user, approver=approver, purpose=purpose,
                                           destination=destination, taken_at=now, due_at=due_at)
        log.record(request, AuditAction.CREATE, carryout, note="可搬媒体の持出し",
                   changes={"目的": ["", purpose], "承認者": ["", str(approver)]})
    return carryout


def do_return(request, carryout):
    with transaction.atomic():
        if carryout.returned_at:
            raise RecordsError("返却は記録済みです。")
        carryout.returned_at, carryout.returned_to = timezone.now(), request.user
        carryout.save(update_fields=["returned_at", "returned_to"])
        log.record(request, AuditAction.UPDATE, carryout, note="可搬媒体の返却")
    return carryout


def do_mark_lost(request, medium, *, lost_on):
    with transaction.atomic():
        if medium.lost_on:
            raise RecordsError("紛失は記録済みです。")
        medium.lost_on = lost_on
        medium.save(update_fields=["lost_on"])
        log.record(request, AuditAction.UPDATE, medium, note="可搬媒体の紛失", changes={"紛失が判明した日": ["", str(lost_on)]})
    return medium


def do_link_incident(request, medium, incident):
    with transaction.atomic():
        medium.incident = incident
        medium.save(update_fields=["incident"])
        log.record(request, AuditAction.UPDATE, medium, changes={"漏えい等事案": ["", str(incident)]})
    return medium
