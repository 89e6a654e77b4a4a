"""Contractors who handle personal information for the municipality, their contracts and inspections.

Seed 004 (Yachiyo, 議題3): the pre-contract checklist (資料2), the standard with its
inspection schedule (資料3), the special clauses (資料4), the management-structure
report (第2号様式) and the inspection forms (資料6/7).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from hogo.contractors import schedule, seed_forms
from hogo.contractors.choices import InspectionKind, ItemResult, ReportKind, StaffRole
from hogo.core.concurrency import version_field
from hogo.core.models import Division
from hogo.core.uploads import GeneratedName


class Contractor(models.Model):
    """A contractor (委託先): an organisation outside the municipality, not a division."""

    name = models.CharField("名称", max_length=200)
    address = models.CharField("所在地", max_length=300, blank=True)
    representative = models.CharField("代表者の氏名", max_length=100, blank=True)
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    version = version_field()

    class Meta:
        verbose_name = "委託先"
        verbose_name_plural = "委託先"
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contractors:contractor_detail", args=[self.pk])


class SpecialClauses(models.Model):
    """One version of the municipality's special clauses (個人情報の取扱いに関する特記仕様書)."""

    number = models.PositiveIntegerField("版", unique=True)
    adopted_on = models.DateField("制定・改正日")
    text = models.TextField("本文")
    created_at = models.DateTimeField("作成日時", auto_now_add=True)

    class Meta:
        verbose_name = "特記仕様書"
        verbose_name_plural = "特記仕様書"
        ordering = ["-number"]

    def __str__(self):
        return f"特記仕様書 第{self.number}版（{self.adopted_on:%Y-%m-%d}）"

    @classmethod
    def current(cls):
        return cls.objects.order_by("-number").first()


class Contract(models.Model):
    """A contract under which a contractor handles (or may handle) personal information."""

    title = models.CharField("契約件名", max_length=200)
    division = models.ForeignKey(Division, models.PROTECT, related_name="contracts", verbose_name="所管課")
    contractor = models.ForeignKey(Contractor, models.PROTECT, related_name="contracts", verbose_name="受託者")
    starts_on = models.DateField("契約期間（始期）")
    ends_on = models.DateField("契約期間（終期）")
    designated_manager = models.BooleanField("公の施設の指定管理", default=False)
    handles_personal_info = models.BooleanField("個人情報を取り扱う", default=True)
    on_site_every_year = models.BooleanField(
        "毎年実地検査を行う", default=False,
        help_text="保有個人情報の秘匿性や量に応じ、所管課の判断で毎年実地検査とする場合（基準5(1)）")
    personal_info_file = models.ForeignKey("registers.PersonalInfoFile", models.SET_NULL, null=True, blank=True,
                                           related_name="contracts", verbose_name="個人情報ファイル")
    review = models.ForeignKey("registers.Review", models.SET_NULL, null=True, blank=True,
                               related_name="contracts", verbose_name="外部委託の審査",
                               limit_choices_to={"criterion": "outsourcing"})
    clauses = models.ForeignKey(SpecialClauses, models.PROTECT, null=True, blank=True, related_name="contracts",
                                verbose_name="特記仕様書の版")
    signed_on = models.DateField("契約締結日", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    version = version_field()

    class Meta:
        verbose_name = "委託契約"
        verbose_name_plural = "委託契約"
        ordering = ["-starts_on", "title", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="contract_ends_after_start",
                                   violation_error_message="契約の終期は始期以降の日付にしてください。"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contractors:contract_detail", args=[self.pk])

    @property
    def agency(self):
        return self.division.agency

    @property
    def is_multi_year(self):
        return schedule.fiscal_year_of(self.starts_on) != schedule.fiscal_year_of(self.ends_on)

    def required_inspections(self):
        if not self.handles_personal_info:
            return []
        return schedule.inspection_schedule(self.starts_on, self.ends_on, designated_manager=self.designated_manager,
                                            on_site_every_year=self.on_site_every_year)

    def schedule_rows(self):
        """Each required inspection with the inspection that answers it (or None)."""
        done = list(self.inspections.all())
        rows = []
        for required in self.required_inspections():
            match = next((item for item in done if item.fiscal_year == required.fiscal_year
                          and schedule.satisfies(required.kind, item.kind)), None)
            rows.append((required, match))
        return rows


class Subcontract(models.Model):
    """再委託 (special clauses 第5条): allowed only with the municipality's written approval."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="subcontracts", verbose_name="契約")
    subcontractor = models.ForeignKey(Contractor, models.PROTECT, related_name="subcontracts",
                                      verbose_name="再委託先")
    work = models.TextField("再委託して処理する内容")
    reason = models.TextField("再委託する理由")
    approved_on = models.DateField("承諾日")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                                    verbose_name="承諾を記録した職員")

    class Meta:
        verbose_name = "再委託"
        verbose_name_plural = "再委託"
        ordering = ["approved_on", "pk"]

    def __str__(self):
        return f"{self.contract}：{self.subcontractor}"

    @property
    def division(self):
        return self.contract.division


class Checklist(models.Model):
    """The pre-contract checklist (資料2) of one contract, answered by the division, approved by the office."""

    contract = models.OneToOneField(Contract, models.CASCADE, related_name="checklist", verbose_name="契約")
    answers = models.JSONField("回答", default=dict)
    phone = models.CharField("電話番号", max_length=40, blank=True)
    head_name = models.CharField("所属長氏名", max_length=100, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                                    verbose_name="回答者")
    answered_at = models.DateTimeField("回答日時")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name="確認者")
    approved_at = models.DateTimeField("確認日時", null=True, blank=True)
    version = version_field()

    class Meta:
        verbose_name = "委託チェックリスト"
        verbose_name_plural = "委託チェックリスト"
        ordering = ["pk"]

    def __str__(self):
        return f"チェックリスト：{self.contract}"

    @property
    def division(self):
        return self.contract.division

    def answer_map(self):
        return {int(key): value for key, value in self.answers.items()}

    def problems(self):
        return seed_forms.checklist_problems(self.answer_map())

    @property
    def is_approved(self):
        return self.approved_at is not None

    def rows(self):
        answers = self.answer_map()
        return [(question, seed_forms.ANSWER_LABELS.get(answers.get(question.number), ""))
                for question in seed_forms.CHECKLIST_QUESTIONS]


class ManagementReport(models.Model):
    """第2号様式: the contractor's management structure; a change of staff is a new version."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="management_reports", verbose_name="契約")
    number = models.PositiveIntegerField("版")
    kind = models.CharField("区分", max_length=10, choices=ReportKind.choices)
    reported_on = models.DateField("報告日")
    received_on = models.DateField("受領日")
    work_address = models.TextField("作業場所（住所）")
    storage_place = models.TextField("管理場所（具体的に記載）")
    has_handling_rules = models.BooleanField("個人情報等の取扱規程がある", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = "管理体制等報告書"
        verbose_name_plural = "管理体制等報告書"
        ordering = ["contract", "-number"]
        constraints = [models.UniqueConstraint(fields=["contract", "number"], name="management_report_number",
                                               violation_error_message="同じ版の報告書が既にあります。")]

    def __str__(self):
        return f"管理体制等報告書 第{self.number}版（{self.get_kind_display()}）：{self.contract}"

    @property
    def division(self):
        return self.contract.division


class ManagementStaff(models.Model):
    """One row of 第2号様式 section 2: 管理者区分, 部署名, 役職名, 氏名."""

    report = models.ForeignKey(ManagementReport, models.CASCADE, related_name="staff", verbose_name="報告書")
    role = models.CharField("管理者区分", max_length=20, choices=StaffRole.choices)
    department = models.CharField("部署名", max_length=200)
    title = models.CharField("役職名", max_length=100, blank=True)
    name = models.CharField("氏名", max_length=100)

    class Meta:
        verbose_name = "管理体制の担当者"
        verbose_name_plural = "管理体制の担当者"
        ordering = ["report", "role", "pk"]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"


class Inspection(models.Model):
    """An on-site or document inspection (資料6/7) with its ten items and the follow-up."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="inspections", verbose_name="契約")
    kind = models.CharField("検査の種類", max_length=20, choices=InspectionKind.choices)
    fiscal_year = models.PositiveIntegerField("年度")
    inspected_on = models.DateField("検査実施日・報告日")
    respondent = models.CharField("受託者検査対応者", max_length=200, blank=True,
                                  help_text="部署名・職位名・担当者名")
    inspector = models.CharField("検査実施者", max_length=200, blank=True, help_text="実地検査：部署名・補職名・職員名")
    results = models.JSONField("点検結果", default=dict)
    remarks = models.JSONField("備考", default=dict, blank=True)
    attachment = models.FileField("委託先の検査書（任意様式）", upload_to=GeneratedName("contractors"), blank=True)
    attachment_name = models.CharField("添付ファイル名", max_length=200, blank=True)
    notified_on = models.DateField("検査結果の通知日", null=True, blank=True)
    improvement_requested_on = models.DateField("改善報告書の提出依頼日", null=True, blank=True)
    improvement_received_on = models.DateField("改善報告書の受領日", null=True, blank=True)
    improvement_summary = models.TextField("改善の内容", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    version = version_field()

    class Meta:
        verbose_name = "検査"
        verbose_name_plural = "検査"
        ordering = ["-fiscal_year", "-inspected_on", "pk"]

    def __str__(self):
        return f"{self.contract}：{self.fiscal_year}年度 {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("contractors:inspection_detail", args=[self.pk])

    @property
    def division(self):
        return self.contract.division

    def result_map(self):
        return {int(key): value for key, value in self.results.items()}

    def item_rows(self):
        results, remarks = self.result_map(), {int(key): value for key, value in self.remarks.items()}
        return [(item, seed_forms.RESULT_LABELS.get(results.get(item.number), ""), remarks.get(item.number, ""))
                for item in seed_forms.INSPECTION_ITEMS]

    @property
    def failed_items(self):
        return [number for number, value in self.result_map().items() if value == ItemResult.NG]

    def open_steps(self):
        return seed_forms.follow_up_steps(self.result_map(), notified_on=self.notified_on,
                                          improvement_requested_on=self.improvement_requested_on,
                                          improvement_received_on=self.improvement_received_on)

    @property
    def is_closed(self):
        return not self.open_steps()


class ContractIncident(models.Model):
    """An incident (漏えい等) that names a contract and its contractor; the incident app stays unchanged."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="incident_links", verbose_name="契約")
    incident = models.ForeignKey("incidents.Incident", models.CASCADE, related_name="contract_links",
                                 verbose_name="事案")
    created_at = models.DateTimeField("作成日時", auto_now_add=True)

    class Meta:
        verbose_name = "契約に係る事案"
        verbose_name_plural = "契約に係る事案"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["contract", "incident"], name="contract_incident_once",
                                               violation_error_message="この事案は既にこの契約に結び付いています。")]

    def __str__(self):
        return f"{self.contract} ↔ {self.incident}"

    @property
    def division(self):
        return self.contract.division
