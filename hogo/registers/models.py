"""Registers (個人情報ファイル簿, 個人情報取扱事務登録簿), reviews (審査) and Art.69 records.

Register entries are never deleted: abolishing one sets ``abolished_on``, so the
count at any past fiscal year end can be reproduced (Yachiyo's tables).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from hogo.core.concurrency import version_field
from hogo.core.models import CouncilReport, Division
from hogo.registers import stats
from hogo.registers.choices import Criterion, Decision, LegalBasis, ReportKind, UseKind


class InForceQuerySet(models.QuerySet):
    def in_force(self, on):
        """Entries registered by ``on`` and not abolished by then (see ``stats.in_force``)."""
        return self.filter(registered_on__lte=on).filter(
            models.Q(abolished_on__isnull=True) | models.Q(abolished_on__gt=on))


class RegisterEntry(models.Model):
    """Fields shared by both registers: the owning division and the entry's life."""

    division = models.ForeignKey(Division, models.PROTECT, verbose_name="所管課")
    registered_on = models.DateField("登録日")
    abolished_on = models.DateField("廃止日", null=True, blank=True,
                                    help_text="廃止した日。この日以降は登録簿の件数に含めません。")
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    updated_at = models.DateTimeField("更新日時", auto_now=True)
    version = version_field()

    objects = InForceQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        if self.abolished_on and self.registered_on and self.abolished_on < self.registered_on:
            raise ValidationError({"abolished_on": "廃止日は登録日より後の日付にしてください。"})

    @property
    def is_abolished(self):
        return self.abolished_on is not None


class PersonalInfoFile(RegisterEntry):
    """個人情報ファイル簿の一件 (APPI Art.75 and Cabinet Order Art.21)."""

    name = models.CharField("個人情報ファイルの名称", max_length=200)
    purpose = models.TextField("利用目的")
    record_items = models.TextField("記録項目")
    record_scope = models.TextField("記録範囲", help_text="記録される個人の範囲")
    collection_method = models.TextField("記録情報の収集方法")
    has_sensitive = models.BooleanField("要配慮個人情報が含まれるとき", default=False)
    # 法第75条第4項: for a local government's files the register also states
    # 「記録情報に条例要配慮個人情報が含まれているときは、その旨」.
    has_ordinance_sensitive = models.BooleanField(
        "条例要配慮個人情報が含まれるとき", default=False,
        help_text="法第75条第4項により、記録情報に条例要配慮個人情報が含まれているときはその旨を記載します。")
    regular_recipients = models.TextField("記録情報の経常的提供先", blank=True)
    request_office = models.CharField("開示・訂正・利用停止請求を受理する組織", max_length=200)
    special_provisions = models.TextField("訂正・利用停止の他法令の特別の定め", blank=True)
    individuals = models.PositiveIntegerField("本人の数", null=True, blank=True)
    excluded_from_publication = models.BooleanField("ファイル簿への不掲載", default=False,
                                                    help_text="法第75条第2項（第74条第2項各号のファイル。例：本人の数が"
                                                              "1,000人に満たないもの）又は第3項により公表しないもの")
    exclusion_reason = models.TextField("不掲載の理由", blank=True)

    class Meta:
        verbose_name = "個人情報ファイル簿"
        verbose_name_plural = "個人情報ファイル簿"
        ordering = ["division__department__agency__order", "division__department__order",
                    "division__order", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(excluded_from_publication=False) | ~models.Q(exclusion_reason=""),
                name="file_exclusion_has_reason",
                violation_error_message="ファイル簿に掲載しない場合は理由を記入してください。",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("registers:file_detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.excluded_from_publication and not self.exclusion_reason.strip():
            raise ValidationError({"exclusion_reason": "ファイル簿に掲載しない場合は理由を記入してください。"})

    @property
    def agency(self):
        return self.division.agency


class ProcessingActivity(RegisterEntry):
    """個人情報取扱事務登録簿の一件 (the ordinance's register of operations)."""

    name = models.CharField("事務の名称", max_length=200)
    purpose = models.TextField("事務の目的")
    subjects = models.TextField("対象者の範囲")
    record_items = models.TextField("記録項目")
    sources = models.TextField("収集先", blank=True)
    has_sensitive = models.BooleanField("要配慮個人情報", default=False)
    has_ordinance_sensitive = models.BooleanField("条例要配慮個人情報", default=False)
    outsourced = models.BooleanField("外部委託", default=False)
    provided = models.BooleanField("外部提供", default=False)
    online_linked = models.BooleanField("オンライン結合", default=False)
    files = models.ManyToManyField(PersonalInfoFile, blank=True, related_name="activities",
                                   verbose_name="個人情報ファイル")

    class Meta:
        verbose_name = "個人情報取扱事務登録簿"
        verbose_name_plural = "個人情報取扱事務登録簿"
        ordering = ["division__department__agency__order", "division__department__order",
                    "division__order", "name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("registers:activity_detail", args=[self.pk])


class Review(models.Model):
    """One reviewed operation (審査) under one criterion, with its checklist and decision."""

    criterion = models.CharField("審査基準", max_length=20, choices=Criterion.choices)
    number = models.PositiveIntegerField("整理番号", null=True, blank=True,
                                         help_text="所管課・区政情報課の一覧の番号。報告の一覧はこの順に並びます。")
    division = models.ForeignKey(Division, models.PROTECT, related_name="reviews",
                                 verbose_name="担当部課", help_text="目的外利用では保有課")
    using_division = models.ForeignKey(Division, models.PROTECT, null=True, blank=True, related_name="+",
                                       verbose_name="利用課", help_text="目的外利用のみ")
    content = models.TextField("内容", help_text="委託の内容／利用目的／提供先での利用目的／結合・導入の内容")
    recipient = models.CharField("提供先", max_length=300, blank=True, help_text="外部提供のみ")
    legal_basis = models.CharField("該当条項", max_length=20, choices=LegalBasis.choices, blank=True)
    sensitive = models.BooleanField("要配慮個人情報", default=False)
    ordinance_sensitive = models.BooleanField("条例要配慮個人情報", default=False)
    ordinance_sensitive_contents = models.TextField("条例要配慮個人情報の内容", blank=True,
                                                    help_text="1行に1項目。例：国籍、ドメスティック・バイオレンス")
    checklist = models.JSONField("審査項目の確認", default=dict, blank=True)
    decision = models.CharField("審査結果", max_length=20, choices=Decision.choices, blank=True)
    conditions = models.TextField("条件・意見", blank=True)
    reviewer = models.CharField("審査者", max_length=100, blank=True)
    decided_on = models.DateField("審査日", null=True, blank=True)
    starts_on = models.DateField("開始日", null=True, blank=True)
    ends_on = models.DateField("終了日", null=True, blank=True, help_text="業務を終えた日（継続中は空欄）")
    contractor = models.CharField("委託先", max_length=200, blank=True)
    contract_starts_on = models.DateField("契約期間（始期）", null=True, blank=True)
    contract_ends_on = models.DateField("契約期間（終期）", null=True, blank=True)
    activity = models.ForeignKey(ProcessingActivity, models.SET_NULL, null=True, blank=True,
                                 related_name="reviews", verbose_name="個人情報取扱事務")
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    updated_at = models.DateTimeField("更新日時", auto_now=True)
    version = version_field()

    class Meta:
        verbose_name = "審査"
        verbose_name_plural = "審査"
        ordering = ["division__department__agency__order", "criterion", "number", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(criterion="internal_use", legal_basis="art69_2_3"),
                name="internal_use_not_art69_2_3",
                violation_error_message="目的外利用に第69条第2項第3号（他の行政機関等への提供）は該当しません。",
            ),
            models.CheckConstraint(
                condition=~models.Q(criterion="internal_use", legal_basis="art69_2_4"),
                name="internal_use_not_art69_2_4",
                violation_error_message="目的外利用に第69条第2項第4号（提供の特別の理由）は該当しません。",
            ),
            models.CheckConstraint(
                condition=~models.Q(criterion="provision", legal_basis="art69_2_2"),
                name="provision_not_art69_2_2",
                violation_error_message="外部提供に第69条第2項第2号（内部での利用）は該当しません。",
            ),
        ]

    def __str__(self):
        first_line = self.content.splitlines()[0] if self.content else ""
        return f"{self.get_criterion_display()}：{first_line[:60]}"

    def get_absolute_url(self):
        return reverse("registers:review_detail", args=[self.pk])

    @property
    def group(self):
        return stats.group_of(self.criterion)

    def clean(self):
        errors = {}
        if self.criterion == Criterion.INTERNAL_USE and not self.using_division_id:
            errors["using_division"] = "目的外利用では利用課を選んでください。"
        if self.criterion == Criterion.PROVISION and not self.recipient:
            errors["recipient"] = "外部提供では提供先を記入してください。"
        if self.criterion in (Criterion.INTERNAL_USE, Criterion.PROVISION) and not self.legal_basis:
            errors["legal_basis"] = "該当条項を選んでください。"
        if self.ordinance_sensitive_contents.strip() and not self.ordinance_sensitive:
            errors["ordinance_sensitive"] = "条例要配慮個人情報の内容があるときは「有」にしてください。"
        if self.legal_basis and self.criterion in stats.ART69_COLUMNS \
                and self.legal_basis not in stats.allowed_bases(self.criterion):
            errors["legal_basis"] = f"{self.get_criterion_display()}に{self.get_legal_basis_display()}は該当しません。"
        if self.decision and not self.decided_on:
            errors["decided_on"] = "審査結果を記録するときは審査日を入力してください。"
        if self.decision == Decision.CONDITIONAL and not self.conditions.strip():
            errors["conditions"] = "条件付可のときは条件を記入してください。"
        if self.contract_starts_on and self.contract_ends_on and self.contract_ends_on < self.contract_starts_on:
            errors["contract_ends_on"] = "契約期間の終期は始期より後の日付にしてください。"
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "終了日は開始日より後の日付にしてください。"
        if errors:
            raise ValidationError(errors)

    def ordinance_sensitive_list(self):
        return [line.strip() for line in self.ordinance_sensitive_contents.splitlines() if line.strip()]


class UseProvisionRecord(models.Model):
    """One 目的外利用 or 外部提供 of personal information, with the Art.69 basis relied on."""

    kind = models.CharField("区分", max_length=20, choices=UseKind.choices)
    division = models.ForeignKey(Division, models.PROTECT, related_name="+", verbose_name="保有課")
    occurred_on = models.DateField("利用・提供日")
    legal_basis = models.CharField("根拠", max_length=20, choices=LegalBasis.choices)
    counterpart = models.CharField("利用課・提供先", max_length=300)
    purpose = models.TextField("利用目的・提供先での利用目的", blank=True)
    items = models.TextField("個人情報の項目", blank=True)
    review = models.ForeignKey(Review, models.SET_NULL, null=True, blank=True, related_name="uses",
                               verbose_name="審査")
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    version = version_field()

    class Meta:
        verbose_name = "目的外利用・外部提供の記録"
        verbose_name_plural = "目的外利用・外部提供の記録"
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="internal_use", legal_basis="art69_2_3"),
                name="use_record_internal_not_art69_2_3",
                violation_error_message="目的外利用に第69条第2項第3号は該当しません。",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="internal_use", legal_basis="art69_2_4"),
                name="use_record_internal_not_art69_2_4",
                violation_error_message="目的外利用に第69条第2項第4号は該当しません。",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="provision", legal_basis="art69_2_2"),
                name="use_record_provision_not_art69_2_2",
                violation_error_message="外部提供に第69条第2項第2号は該当しません。",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.occurred_on:%Y-%m-%d} {self.counterpart[:40]}"

    def clean(self):
        if self.kind and self.legal_basis and self.legal_basis not in stats.allowed_bases(self.kind):
            raise ValidationError({"legal_basis": f"{self.get_kind_display()}に{self.get_legal_basis_display()}は該当しません。"})

    def get_absolute_url(self):
        return reverse("registers:use_detail", args=[self.pk])


class IssuedReport(models.Model):
    """A council report the privacy office issued from these registers, with its 報告第N号."""

    kind = models.CharField("報告の種類", max_length=20, choices=ReportKind.choices)
    council_report = models.OneToOneField(CouncilReport, models.PROTECT, null=True, related_name="+",
                                          verbose_name="審議会報告")
    date_from = models.DateField("期間（始期）", null=True, blank=True)
    date_to = models.DateField("期間（終期）・基準日", null=True, blank=True)
    fiscal_year = models.PositiveIntegerField("年度（西暦）", null=True, blank=True)
    author = models.CharField("作成課", max_length=100, blank=True)
    created_at = models.DateTimeField("作成日時", auto_now_add=True)

    class Meta:
        verbose_name = "発行した報告"
        verbose_name_plural = "発行した報告"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.council_report) if self.council_report else self.get_kind_display()
