"""Safety management (安全管理措置, APPI Art.66): the management structure, self-checks, audits with
findings and corrective actions, training, and the checks that prevent misdirected sends."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from hogo.core.concurrency import version_field
from hogo.core.uploads import GeneratedName
from hogo.safety.choices import (
    Answer, Audience, AuditKind, Channel, CheckCategory, FindingSource, Post, SelfCheckStatus, SendMethod, Severity,
)

USER = settings.AUTH_USER_MODEL


class PostAssignment(models.Model):
    """One person holding one post of the management structure for a period.

    The scope is a division (保護責任者, 保護担当者, 文書監督者), an agency, or the whole
    municipality (総括保護管理者, 監査責任者) when both are empty.
    """

    post = models.CharField("職", max_length=30, choices=Post.choices)
    user = models.ForeignKey(USER, models.PROTECT, null=True, blank=True, related_name="posts",
                             verbose_name="利用者", help_text="Hogo の利用者なら選びます。")
    person_name = models.CharField("氏名", max_length=100, blank=True,
                                   help_text="利用者でない場合、または氏名を明記する場合")
    job_title = models.CharField("充て職", max_length=100, blank=True, help_text="例：総務部長、所管課長")
    agency = models.ForeignKey("core.Agency", models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name="実施機関")
    division = models.ForeignKey("core.Division", models.PROTECT, null=True, blank=True,
                                 related_name="post_assignments", verbose_name="課")
    starts_on = models.DateField("開始日")
    ends_on = models.DateField("終了日", null=True, blank=True, help_text="在任中なら空欄")
    version = version_field()

    class Meta:
        verbose_name = "管理体制（職の指定）"
        verbose_name_plural = "管理体制（職の指定）"
        ordering = ["post", "division__full_name", "-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(user__isnull=True, person_name=""),
                                   name="safety_assignment_has_person",
                                   violation_error_message="利用者または氏名を入力してください。"),
        ]

    def __str__(self):
        return f"{self.get_post_display()} {self.holder_name}（{self.scope_name}）"

    def get_absolute_url(self):
        return reverse("safety:structure")

    @property
    def holder_name(self):
        name = self.person_name or (str(self.user) if self.user else "")
        return f"{self.job_title} {name}".strip()

    @property
    def scope_name(self):
        if self.division_id:
            return self.division.full_name
        if self.agency_id:
            return self.agency.name
        return "全庁"


class CheckItem(models.Model):
    """One question of the yearly self-check, declared once by the privacy office."""

    category = models.CharField("分類", max_length=20, choices=CheckCategory.choices)
    text = models.CharField("点検項目", max_length=300)
    rule = models.CharField("根拠となる規定", max_length=200, blank=True, help_text="例：管理指針12(3)、管理基準")
    order = models.PositiveIntegerField("表示順", default=0)
    active = models.BooleanField("使用する", default=True)
    version = version_field()

    class Meta:
        verbose_name = "点検項目"
        verbose_name_plural = "点検項目"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


class SelfCheck(models.Model):
    """A division's yearly self-check (点検, 管理指針12(3))."""

    division = models.ForeignKey("core.Division", models.PROTECT, related_name="self_checks", verbose_name="課")
    fiscal_year = models.PositiveIntegerField("年度")
    status = models.CharField("状態", max_length=20, choices=SelfCheckStatus.choices, default=SelfCheckStatus.DRAFT)
    remarks = models.TextField("特記事項", blank=True)
    submitted_on = models.DateField("提出日", null=True, blank=True)
    submitted_by = models.ForeignKey(USER, models.SET_NULL, null=True, blank=True, related_name="+",
                                     verbose_name="提出者")
    version = version_field()

    class Meta:
        verbose_name = "点検"
        verbose_name_plural = "点検"
        ordering = ["-fiscal_year", "division__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["division", "fiscal_year"], name="safety_one_self_check_a_year",
                                    violation_error_message="この課のこの年度の点検はすでにあります。"),
        ]

    def __str__(self):
        return f"{self.fiscal_year}年度 点検（{self.division.full_name}）"

    def get_absolute_url(self):
        return reverse("safety:self_check", args=[self.pk])


class SelfCheckAnswer(models.Model):
    """The division's answer to one item, with its evidence."""

    self_check = models.ForeignKey(SelfCheck, models.CASCADE, related_name="answers", verbose_name="点検")
    item = models.ForeignKey(CheckItem, models.PROTECT, related_name="answers", verbose_name="点検項目")
    answer = models.CharField("回答", max_length=5, choices=Answer.choices, blank=True)
    note = models.TextField("補足", blank=True)
    evidence = models.FileField("根拠資料", upload_to=GeneratedName("safety"), blank=True)
    evidence_name = models.CharField("根拠資料の名称", max_length=200, blank=True)

    class Meta:
        verbose_name = "点検の回答"
        verbose_name_plural = "点検の回答"
        ordering = ["item__order", "item__pk"]
        constraints = [
            models.UniqueConstraint(fields=["self_check", "item"], name="safety_one_answer_per_item",
                                    violation_error_message="同じ項目に回答が二つあります。"),
        ]

    def __str__(self):
        return f"{self.item}：{self.get_answer_display() or '未回答'}"

    @property
    def division(self):
        return self.self_check.division


class AuditPlan(models.Model):
    """A fiscal year's audit plan and the text of its report (報告第378号 and its annexed report)."""

    fiscal_year = models.PositiveIntegerField("年度", unique=True)
    title = models.CharField("監査の名称", max_length=200, default="個人情報保護条例に基づく監査",
                             help_text="例：世田谷区個人情報保護条例に基づく監査")
    introduction = models.TextField("報告の前文", blank=True)
    viewpoint = models.TextField("監査の観点", blank=True)
    closing = models.TextField("終わりに", blank=True)
    council_report = models.OneToOneField("core.CouncilReport", models.PROTECT, null=True, blank=True,
                                          related_name="audit_plan", verbose_name="審議会報告")
    annex_label = models.CharField("報告書の資料番号", max_length=50, blank=True, help_text="例：報告資料Ｎｏ．６－２")
    version = version_field()

    class Meta:
        verbose_name = "監査計画"
        verbose_name_plural = "監査計画"
        ordering = ["-fiscal_year"]

    def __str__(self):
        return f"{self.fiscal_year}年度 {self.title}"

    def get_absolute_url(self):
        return reverse("safety:plan", args=[self.pk])


class Audit(models.Model):
    """One audit of one division: planned, then recorded with its findings.

    ``auditing_division`` set makes it a mutual audit (相互監査, Nerima): that
    division's staff audit another division and see this audit.
    """

    plan = models.ForeignKey(AuditPlan, models.PROTECT, related_name="audits", verbose_name="監査計画")
    division = models.ForeignKey("core.Division", models.PROTECT, related_name="audits", verbose_name="監査対象課")
    kind = models.CharField("監査の方法", max_length=20, choices=AuditKind.choices, default=AuditKind.ON_SITE)
    auditor = models.CharField("監査を行う者", max_length=200, help_text="例：個人情報保護監査責任者（総務部長）")
    auditing_division = models.ForeignKey("core.Division", models.PROTECT, null=True, blank=True,
                                          related_name="mutual_audits", verbose_name="相互監査を行う課")
    planned_on = models.DateField("予定日", null=True, blank=True)
    conducted_on = models.DateField("実施日", null=True, blank=True)
    time_text = models.CharField("時間", max_length=100, blank=True, help_text="例：午後３時００分から午後４時２０分まで")
    place = models.TextField("場所", blank=True)
    selection_reason = models.TextField("選定理由", blank=True)
    items = models.TextField("監査項目", blank=True, help_text="1行に1項目")
    method = models.TextField("実施手法", blank=True, help_text="例：提出資料の確認、担当職員への聴き取り調査及び現地調査")
    result = models.TextField("監査の結果（総括）", blank=True)
    version = version_field()

    class Meta:
        verbose_name = "監査"
        verbose_name_plural = "監査"
        ordering = ["plan", "planned_on", "pk"]

    def __str__(self):
        return f"{self.plan.fiscal_year}年度 {self.get_kind_display()}（{self.division.full_name}）"

    def get_absolute_url(self):
        return reverse("safety:audit", args=[self.pk])

    @property
    def is_mutual(self):
        return self.auditing_division_id is not None

    def item_lines(self):
        return [line.strip() for line in self.items.splitlines() if line.strip()]


class Finding(models.Model):
    """A finding of an audit, or a self-check item answered "no"; followed up until closed."""

    division = models.ForeignKey("core.Division", models.PROTECT, related_name="findings", verbose_name="課")
    source = models.CharField("発見の契機", max_length=20, choices=FindingSource.choices)
    audit = models.ForeignKey(Audit, models.PROTECT, null=True, blank=True, related_name="findings",
                              verbose_name="監査")
    answer = models.OneToOneField(SelfCheckAnswer, models.PROTECT, null=True, blank=True, related_name="finding",
                                  verbose_name="点検の回答")
    category = models.CharField("分類", max_length=20, choices=CheckCategory.choices)
    severity = models.CharField("重要度", max_length=20, choices=Severity.choices, default=Severity.FINDING)
    rule = models.CharField("関係する規定", max_length=200, blank=True)
    text = models.TextField("指摘の内容")
    incident = models.ForeignKey("incidents.Incident", models.SET_NULL, null=True, blank=True,
                                 related_name="safety_findings", verbose_name="関連する漏えい等事案")
    closed_on = models.DateField("完了日", null=True, blank=True)
    created_at = models.DateTimeField("登録日時", auto_now_add=True)

    class Meta:
        verbose_name = "指摘事項"
        verbose_name_plural = "指摘事項"
        ordering = ["closed_on", "division__full_name", "pk"]

    def __str__(self):
        return f"{self.get_category_display()}：{self.text[:40]}"

    def get_absolute_url(self):
        return reverse("safety:finding", args=[self.pk])

    @property
    def is_closed(self):
        return self.closed_on is not None


class CorrectiveAction(models.Model):
    """What the division does about a finding, by whom and by when."""

    finding = models.ForeignKey(Finding, models.CASCADE, related_name="actions", verbose_name="指摘事項")
    text = models.TextField("改善措置")
    owner = models.CharField("担当", max_length=100)
    due_on = models.DateField("期限")
    done_on = models.DateField("完了日", null=True, blank=True)

    class Meta:
        verbose_name = "改善措置"
        verbose_name_plural = "改善措置"
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text[:60]

    @property
    def division(self):
        return self.finding.division


class TrainingSession(models.Model):
    """A training session (教育研修, 管理指針3)."""

    title = models.CharField("研修名", max_length=200)
    held_on = models.DateField("実施日")
    audience = models.CharField("対象", max_length=30, choices=Audience.choices)
    note = models.TextField("内容・備考", blank=True)
    version = version_field()

    class Meta:
        verbose_name = "研修"
        verbose_name_plural = "研修"
        ordering = ["-held_on", "pk"]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self):
        return reverse("safety:training", args=[self.pk])


class Attendance(models.Model):
    """One person at one session, as imported from the attendance list."""

    session = models.ForeignKey(TrainingSession, models.CASCADE, related_name="attendances", verbose_name="研修")
    user = models.ForeignKey(USER, models.SET_NULL, null=True, blank=True, related_name="trainings",
                             verbose_name="利用者")
    person_name = models.CharField("氏名", max_length=100)
    division = models.ForeignKey("core.Division", models.PROTECT, related_name="training_attendances",
                                 verbose_name="所属課")

    class Meta:
        verbose_name = "受講記録"
        verbose_name_plural = "受講記録"
        ordering = ["division__full_name", "person_name"]
        constraints = [
            models.UniqueConstraint(fields=["session", "division", "person_name"], name="safety_attended_once",
                                    violation_error_message="同じ人が同じ研修に二重に記録されています。"),
        ]

    def __str__(self):
        return f"{self.person_name}（{self.session.title}）"


class Destination(models.Model):
    """A fax number, e-mail address or postal address a division sends personal information to."""

    division = models.ForeignKey("core.Division", models.PROTECT, related_name="destinations", verbose_name="課")
    channel = models.CharField("送付手段", max_length=10, choices=Channel.choices)
    name = models.CharField("相手先", max_length=200)
    address = models.CharField("番号・アドレス・住所", max_length=300)
    speed_dial = models.CharField("短縮番号", max_length=20, blank=True)
    active = models.BooleanField("使用中", default=True)
    created_on = models.DateField("登録日")
    version = version_field()

    class Meta:
        verbose_name = "送付先"
        verbose_name_plural = "送付先"
        ordering = ["division__full_name", "channel", "speed_dial", "name"]

    def __str__(self):
        return f"{self.name}（{self.get_channel_display()} {self.address}）"


class DestinationCheck(models.Model):
    """The periodic verification of a division's whole list (e.g. every speed-dial of the fax)."""

    division = models.ForeignKey("core.Division", models.PROTECT, related_name="destination_checks",
                                 verbose_name="課")
    checked_on = models.DateField("点検日")
    checked_by = models.ForeignKey(USER, models.PROTECT, related_name="+", verbose_name="点検者")
    note = models.TextField("点検の内容", blank=True, help_text="例：短縮登録を一斉点検し、不要な2件を削除")

    class Meta:
        verbose_name = "送付先の点検"
        verbose_name_plural = "送付先の点検"
        ordering = ["-checked_on", "-pk"]

    def __str__(self):
        return f"{self.checked_on:%Y-%m-%d} 送付先の点検（{self.division.full_name}）"


class Send(models.Model):
    """A document with personal information sent by fax, mail or e-mail, checked by a second person."""

    division = models.ForeignKey("core.Division", models.PROTECT, related_name="sends", verbose_name="課")
    sent_on = models.DateField("送付日")
    channel = models.CharField("送付手段", max_length=10, choices=Channel.choices)
    destination = models.ForeignKey(Destination, models.PROTECT, null=True, blank=True, related_name="sends",
                                    verbose_name="登録済みの送付先")
    recipient = models.CharField("相手先", max_length=200)
    address = models.CharField("番号・アドレス・住所", max_length=300)
    content = models.CharField("送付した文書", max_length=300)
    method = models.CharField("送付の方法", max_length=30, choices=SendMethod.choices)
    sender = models.ForeignKey(USER, models.PROTECT, related_name="+", verbose_name="送付者")
    checker = models.ForeignKey(USER, models.PROTECT, related_name="+", verbose_name="確認者（二者確認）")
    misdirected_on = models.DateField("誤送付が判明した日", null=True, blank=True)
    misdirection = models.TextField("誤送付の状況", blank=True)
    incident = models.ForeignKey("incidents.Incident", models.SET_NULL, null=True, blank=True,
                                 related_name="safety_sends", verbose_name="漏えい等事案")
    created_at = models.DateTimeField("登録日時", auto_now_add=True)

    class Meta:
        verbose_name = "送付記録"
        verbose_name_plural = "送付記録"
        ordering = ["-sent_on", "-pk"]

    def __str__(self):
        return f"{self.sent_on:%Y-%m-%d} {self.get_channel_display()} {self.recipient}"

    def get_absolute_url(self):
        return reverse("safety:send", args=[self.pk])
