"""Records (文書): series, files and their retention, disposal lists, holding lists, removable media.

Nothing here is ever deleted: a disposed file keeps its row with the disposal
list that disposed of it, so the yearly report can say what went, when, how and
in front of whom.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from hogo.core.concurrency import version_field
from hogo.core.models import Division
from hogo.core.uploads import GeneratedName
from hogo.records import retention
from hogo.records.choices import (
    DisposalMethod, DisposalStatus, MediaKind, Medium as MediumChoice, RetentionPeriod, StartRule, StoragePlace,
)


class RecordSeries(models.Model):
    """文書の分類: a kind of file a division keeps, with its retention period and where it is kept."""

    division = models.ForeignKey(Division, models.PROTECT, related_name="+", verbose_name="所管課")
    name = models.CharField("文書の分類の名称", max_length=200)
    personal_info_file = models.ForeignKey(
        "registers.PersonalInfoFile", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="個人情報ファイル", help_text="この分類の文書が属する個人情報ファイル（個人情報ファイル簿）")
    retention_years = models.PositiveSmallIntegerField("保存期間", choices=RetentionPeriod.choices,
                                                       default=RetentionPeriod.FIVE)
    start_rule = models.CharField("起算の方法", max_length=30, choices=StartRule.choices,
                                  default=StartRule.NEXT_FISCAL_YEAR)
    storage_place = models.CharField("保管場所", max_length=20, choices=StoragePlace.choices,
                                     default=StoragePlace.OFFICE)
    medium = models.CharField("媒体", max_length=20, choices=MediumChoice.choices, default=MediumChoice.PAPER)
    sensitive = models.BooleanField("要配慮個人情報を含む", default=False,
                                    help_text="個人情報ファイルが要配慮個人情報を含むときも要配慮として扱います。")
    note = models.TextField("備考", blank=True)
    version = version_field()

    class Meta:
        verbose_name = "文書の分類"
        verbose_name_plural = "文書の分類"
        ordering = ["division", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["division", "name"], name="records_unique_series_per_division",
                                    violation_error_message="同じ課に同名の文書の分類があります。"),
        ]

    def __str__(self):
        return f"{self.name}（{self.get_retention_years_display()}）"

    def get_absolute_url(self):
        return reverse("records:series_detail", args=[self.pk])

    @property
    def is_permanent(self):
        return self.retention_years == RetentionPeriod.PERMANENT

    @property
    def holds_sensitive(self):
        """要配慮: the series says so, or its 個人情報ファイル does."""
        return self.sensitive or bool(self.personal_info_file and self.personal_info_file.has_sensitive)

    def retention_for(self, completed):
        return retention.retention(completed, self.retention_years, permanent=self.is_permanent,
                                   start_rule=self.start_rule)


class RecordFile(models.Model):
    """簿冊: one file (box, binder, folder or data set) of a series, from completion to disposal."""

    series = models.ForeignKey(RecordSeries, models.PROTECT, related_name="files", verbose_name="文書の分類")
    title = models.CharField("簿冊の名称", max_length=200)
    completed_on = models.DateField("完結日", null=True, blank=True, help_text="未完結のときは空欄")
    retention_ends = models.DateField("保存期間の満了日", null=True, blank=True, editable=False)
    disposal_allowed_from = models.DateField("廃棄できる日", null=True, blank=True, editable=False)
    storage_place = models.CharField("現在の保管場所", max_length=20, choices=StoragePlace.choices,
                                     default=StoragePlace.OFFICE)
    moved_to_store_on = models.DateField("書庫への移管日", null=True, blank=True)
    disposal_planned_on = models.DateField("廃棄予定日", null=True, blank=True)
    disposal_list = models.ForeignKey("DisposalList", models.SET_NULL, null=True, blank=True, related_name="files",
                                      verbose_name="廃棄リスト")
    disposed_on = models.DateField("廃棄日", null=True, blank=True, editable=False)
    note = models.TextField("備考", blank=True)
    version = version_field()

    class Meta:
        verbose_name = "簿冊"
        verbose_name_plural = "簿冊"
        ordering = ["disposal_allowed_from", "title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("records:file_detail", args=[self.pk])

    @property
    def division(self):
        return self.series.division

    def compute_retention(self):
        """Set ``retention_ends`` and ``disposal_allowed_from`` from the series' rule (call before saving)."""
        if self.completed_on is None:
            self.retention_ends = self.disposal_allowed_from = None
            return None
        result = self.series.retention_for(self.completed_on)
        self.retention_ends, self.disposal_allowed_from = result.ends, result.disposal_allowed_from
        return result

    def hold_facts(self):
        return tuple(hold.fact() for hold in self.holds.all())

    def facts(self):
        return retention.FileFacts(self.title, self.disposal_allowed_from, self.hold_facts(),
                                   already_disposed=self.disposed_on is not None)


class Hold(models.Model):
    """A file that is the subject of a request: it may not be disposed of while the request or an appeal is open."""

    record_file = models.ForeignKey(RecordFile, models.PROTECT, related_name="holds", verbose_name="簿冊")
    request = models.ForeignKey("disclosure.Request", models.PROTECT, related_name="+", verbose_name="請求")
    note = models.CharField("備考", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="登録者")
    created_at = models.DateTimeField("登録日時", auto_now_add=True)

    class Meta:
        verbose_name = "廃棄の保留（請求）"
        verbose_name_plural = "廃棄の保留（請求）"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["record_file", "request"], name="records_unique_hold",
                                    violation_error_message="この請求は既に登録されています。"),
        ]

    def __str__(self):
        return f"{self.record_file} ← {self.request}"

    @property
    def division(self):
        return self.record_file.series.division

    def appeal_pending(self):
        from hogo.disclosure.choices import AppealOutcome

        return self.request.appeals.filter(outcome=AppealOutcome.PENDING).exists()

    def fact(self):
        return retention.HoldFact(str(self.request), self.request.is_open, self.appeal_pending())

    @property
    def is_active(self):
        return self.fact().holds


class DisposalList(models.Model):
    """廃棄リスト: the files a division proposes to dispose of in a fiscal year, approved, checked and disposed."""

    division = models.ForeignKey(Division, models.PROTECT, related_name="+", verbose_name="所管課")
    fiscal_year = models.PositiveSmallIntegerField("年度")
    status = models.CharField("状態", max_length=20, choices=DisposalStatus.choices, default=DisposalStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="作成者")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name="起案者")
    proposed_on = models.DateField("起案日", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name="承認者（保護管理者）")
    approved_on = models.DateField("承認日", null=True, blank=True)
    privacy_checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                           related_name="+", verbose_name="確認者（個人情報保護担当）")
    privacy_checked_on = models.DateField("個人情報保護担当の確認日", null=True, blank=True)
    method = models.CharField("廃棄の方法", max_length=20, choices=DisposalMethod.choices, blank=True)
    disposed_on = models.DateField("廃棄日", null=True, blank=True)
    disposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name="廃棄を行った職員")
    witness = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name="立会者")
    contractor = models.CharField("委託先", max_length=200, blank=True)
    certificate = models.FileField("廃棄（溶解）証明書", upload_to=GeneratedName("records"), blank=True)
    certificate_name = models.CharField("証明書のファイル名", max_length=200, blank=True)
    note = models.TextField("備考", blank=True)
    version = version_field()

    class Meta:
        verbose_name = "廃棄リスト"
        verbose_name_plural = "廃棄リスト"
        ordering = ["-fiscal_year", "division", "pk"]

    def __str__(self):
        return f"{self.fiscal_year}年度 廃棄リスト（{self.division.name}・第{self.pk}号）"

    def get_absolute_url(self):
        return reverse("records:disposal_detail", args=[self.pk])

    def privacy_check_needed(self):
        return any(record_file.series.holds_sensitive
                   for record_file in self.files.select_related("series__personal_info_file"))


class HoldingPaper(models.Model):
    """一時保管: papers received with an application and "not needed", kept until a check is done (報告第374号)."""

    division = models.ForeignKey(Division, models.PROTECT, related_name="+", verbose_name="所管課")
    description = models.CharField("書類の名称", max_length=200)
    application = models.CharField("添付されていた申請", max_length=200, blank=True)
    received_on = models.DateField("受付日")
    place = models.CharField("保管場所", max_length=100, help_text="例：課内の一時保管棚（施錠）")
    check_name = models.CharField("廃棄前に済ませる確認", max_length=100, default="東京都の審査",
                                  help_text="例：東京都の審査。この確認が済むまで廃棄できません。")
    check_done_on = models.DateField("確認が済んだ日", null=True, blank=True)
    destroy_from = models.DateField("廃棄できる日")
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                                      verbose_name="登録者")
    destroyed_on = models.DateField("廃棄日", null=True, blank=True)
    destroyed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name="廃棄した職員")
    second_checker = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                       related_name="+", verbose_name="確認者（2人目）")
    version = version_field()

    class Meta:
        verbose_name = "一時保管書類"
        verbose_name_plural = "一時保管書類"
        ordering = ["destroy_from", "pk"]

    def __str__(self):
        return f"{self.description}（{self.received_on:%Y-%m-%d} 受付）"

    def get_absolute_url(self):
        return reverse("records:holding_detail", args=[self.pk])


class Medium(models.Model):
    """A removable medium or laptop of a division (Nerima's SD cards, USB memory)."""

    division = models.ForeignKey(Division, models.PROTECT, related_name="+", verbose_name="所管課")
    identifier = models.CharField("管理番号", max_length=50)
    kind = models.CharField("種類", max_length=20, choices=MediaKind.choices)
    owner = models.CharField("管理者", max_length=100)
    encrypted = models.BooleanField("暗号化", default=False)
    contents = models.CharField("記録している情報", max_length=300, blank=True)
    note = models.TextField("備考", blank=True)
    lost_on = models.DateField("紛失が判明した日", null=True, blank=True, editable=False)
    incident = models.ForeignKey("incidents.Incident", models.SET_NULL, null=True, blank=True, related_name="+",
                                 verbose_name="漏えい等事案")
    retired_on = models.DateField("廃止日", null=True, blank=True)
    version = version_field()

    class Meta:
        verbose_name = "可搬媒体"
        verbose_name_plural = "可搬媒体"
        ordering = ["division", "identifier", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["division", "identifier"], name="records_unique_medium_per_division",
                                    violation_error_message="同じ課に同じ管理番号の媒体があります。"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.identifier}"

    def get_absolute_url(self):
        return reverse("records:medium_detail", args=[self.pk])

    def open_carryout(self):
        return self.carryouts.filter(returned_at__isnull=True).first()


class Carryout(models.Model):
    """One take-out of a medium and its return (the usage log of Nerima's SD cards)."""

    medium = models.ForeignKey(Medium, models.PROTECT, related_name="carryouts", verbose_name="媒体")
    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                                 verbose_name="持ち出した職員")
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="承認者")
    purpose = models.CharField("目的", max_length=200)
    destination = models.CharField("持出し先", max_length=200, blank=True)
    taken_at = models.DateTimeField("持出し日時", default=timezone.now)
    due_at = models.DateTimeField("返却予定日時")
    returned_at = models.DateTimeField("返却日時", null=True, blank=True)
    returned_to = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name="返却を確認した職員")

    class Meta:
        verbose_name = "持出し"
        verbose_name_plural = "持出し"
        ordering = ["-taken_at", "pk"]

    def __str__(self):
        return f"{self.medium} {timezone.localtime(self.taken_at):%Y-%m-%d %H:%M} 持出し"

    @property
    def division(self):
        return self.medium.division

    def is_overdue(self, now=None):
        return retention.is_overdue(self.due_at, self.returned_at, now or timezone.now())
