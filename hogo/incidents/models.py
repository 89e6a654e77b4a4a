"""Leaks, losses and damage of personal information (漏えい・滅失・毀損) and how they were handled."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from hogo.core.concurrency import version_field
from hogo.incidents import rules
from hogo.incidents.choices import (
    CauseParty, HeldStatus, IncidentKind, Medium, MyNumberSystem, Notification, ReportKind, Sensitivity,
    TimelineKind,
)


class Incident(models.Model):
    """One incident (事案) with the facts the PPC report and the council report are written from.

    ``ppc_required`` and ``ppc_items`` cache the Rule 43 decision so lists and
    the dashboard can filter on it; ``actions.refresh_decision`` recomputes
    them whenever a fact changes.
    """

    title = models.CharField("事案の件名", max_length=200)
    division = models.ForeignKey(
        "core.Division", models.PROTECT, related_name="incidents", verbose_name="発生部署",
    )
    related_divisions = models.ManyToManyField(
        "core.Division", blank=True, related_name="related_incidents", verbose_name="関係課",
        help_text="報告書に連名で記載する課（例：支援教育課、給排水相談課）",
    )
    kind = models.CharField("事態の種類", max_length=10, choices=IncidentKind.choices,
                            default=IncidentKind.LEAK)
    possibly = models.BooleanField("発生したおそれ", default=False,
                                   help_text="発生が確認されておらず、そのおそれがある場合")
    occurred_on = models.DateField("発生日", null=True, blank=True)
    occurred_time = models.TimeField("発生時刻", null=True, blank=True)
    learned_on = models.DateField("覚知日", help_text="漏えい等を知った日（報告期限の起算日）")
    learned_time = models.TimeField("覚知時刻", null=True, blank=True)
    document_name = models.CharField("文書等の名称", max_length=300, blank=True)
    summary = models.TextField("概要")
    discovered_how = models.TextField("判明した経緯", blank=True)
    individuals = models.PositiveIntegerField(
        "本人の数", null=True, blank=True, help_text="未確定なら空欄",
    )
    individuals_estimated = models.BooleanField("本人の数は概数", default=False,
                                                help_text="「約40件」のような見込みの数")
    count_text = models.CharField("件数の表記", max_length=200, blank=True,
                                  help_text="報告書での表記。例：1件（3人）。空欄なら本人の数から作ります。")
    cause = models.TextField("発生原因", blank=True)
    secondary_damage = models.TextField("二次被害又はそのおそれ", blank=True)
    initial_response = models.TextField("発生時の対応", blank=True)
    response_to_individuals = models.TextField("本人への対応", blank=True)
    publication = models.TextField("公表", blank=True)
    contractor = models.CharField("委託先", max_length=200, blank=True)
    other = models.TextField("その他参考となる事項", blank=True)

    contact = models.CharField("担当者・連絡先", max_length=300, blank=True,
                               help_text="個人情報保護委員会への報告の担当者。部署、氏名、電話番号、メールアドレス")
    discovered_by = models.CharField("発見者", max_length=200, blank=True,
                                     help_text="例：区民からの指摘、担当職員、委託先")
    medium = models.CharField("媒体", max_length=12, choices=Medium.choices, blank=True)
    cause_party = models.CharField("発生主体", max_length=12, choices=CauseParty.choices, blank=True,
                                   help_text="原因が実施機関にあるか委託先にあるか")
    other_reports = models.TextField("警察への届出・他の機関への報告", blank=True,
                                     help_text="例：令和7年2月18日 ○○警察署に遺失届を提出")
    held_status = models.CharField(
        "保有個人情報への該当", max_length=12, choices=HeldStatus.choices, default=HeldStatus.HELD,
        help_text="法第60条第1項：職員が職務上作成・取得し、組織的に利用するものとして保有し、行政文書に記録されているもの",
    )
    held_reason = models.TextField("保有個人情報に当たらない理由", blank=True)
    my_number = models.BooleanField("特定個人情報（個人番号を含む）", default=False,
                                    help_text="番号法第29条の4の報告の要否も判定します")
    my_number_system = models.CharField("特定個人情報の管理場所", max_length=16, choices=MyNumberSystem.choices,
                                        blank=True)
    my_number_exposed = models.BooleanField(
        "特定個人情報が電磁的方法により不特定多数の者に閲覧されたおそれ", default=False,
        help_text="特定個人情報漏えい等規則第2条第3号（例：インターネット上への誤掲載）",
    )
    my_number_individuals = models.PositiveIntegerField(
        "特定個人情報に係る本人の数", null=True, blank=True, help_text="空欄なら本人の数と同じとみなします",
    )

    financial_damage_risk = models.BooleanField("財産的被害のおそれ", default=False,
                                                help_text="規則第43条第2号")
    unlawful_purpose = models.BooleanField("不正の目的のおそれ", default=False,
                                           help_text="規則第43条第3号（不正アクセス、盗難、持ち出し等）")
    strongly_encrypted = models.BooleanField("高度な暗号化等の措置あり", default=False,
                                             help_text="規則第43条第1号括弧書き")
    ppc_required = models.BooleanField("個人情報保護委員会への報告", default=False, editable=False)
    ppc_items = models.CharField("該当する号", max_length=20, blank=True, editable=False)

    notification = models.CharField("本人への通知", max_length=20, choices=Notification.choices,
                                    default=Notification.PENDING)
    notified_on = models.DateField("通知日", null=True, blank=True)
    notification_method = models.CharField("通知の方法", max_length=200, blank=True,
                                           help_text="例：電話、訪問、郵送、区ホームページでの公表")
    notification_reason = models.TextField("通知しない理由・代替措置", blank=True)

    council_report = models.OneToOneField(
        "core.CouncilReport", models.PROTECT, null=True, blank=True, related_name="incident",
        verbose_name="審議会報告",
    )
    council_basis = models.CharField(
        "審議会報告の根拠", max_length=200, blank=True,
        help_text="件名の後に括弧書きで添える文言。例：個人情報保護条例第４条第２項第２号の報告",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name="登録者")
    created_at = models.DateTimeField("登録日時", auto_now_add=True)
    updated_at = models.DateTimeField("更新日時", auto_now=True)
    version = version_field()

    class Meta:
        verbose_name = "漏えい等事案"
        verbose_name_plural = "漏えい等事案"
        ordering = ["-learned_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(occurred_on__isnull=True) | models.Q(occurred_on__lte=models.F("learned_on")),
                name="incident_learned_after_occurred",
                violation_error_message="覚知日は発生日より前にできません。",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("incidents:detail", args=[self.pk])

    @property
    def kind_label(self):
        """「漏えい」 or 「漏えいのおそれ」, as the seeds' titles say it."""
        return self.get_kind_display() + ("のおそれ" if self.possibly else "")

    def facts(self, municipality):
        """The facts the Rule 43 decision reads (items must already be saved)."""
        sensitivities = {item.sensitivity for item in self.items.all()}
        return rules.IncidentFacts(
            sensitive=Sensitivity.SENSITIVE in sensitivities,
            ordinance_sensitive=Sensitivity.ORDINANCE in sensitivities,
            ordinance_defines_sensitive=bool(municipality.sensitive_category_list()),
            financial_damage_risk=self.financial_damage_risk,
            unlawful_purpose=self.unlawful_purpose,
            individuals=self.individuals,
            individuals_estimated=self.individuals_estimated,
            strongly_encrypted=self.strongly_encrypted,
            held=self.held_status,
        )

    def my_number_facts(self):
        """The facts the 番号法第29条の4 decision reads, or None when no 特定個人情報 is involved."""
        if not self.my_number:
            return None
        individuals = self.my_number_individuals if self.my_number_individuals is not None else self.individuals
        return rules.MyNumberFacts(
            system=self.my_number_system or None,
            unlawful_purpose=self.unlawful_purpose,
            exposed_online=self.my_number_exposed,
            individuals=individuals,
            strongly_encrypted=self.strongly_encrypted,
        )

    def my_number_deadlines(self, calendar):
        return rules.my_number_report_deadlines(self.learned_on, unlawful_purpose=self.unlawful_purpose,
                                                calendar=calendar)

    def deadlines(self, calendar):
        return rules.ppc_report_deadlines(self.learned_on, unlawful_purpose=self.unlawful_purpose,
                                          calendar=calendar)

    def reports_by_kind(self):
        return {report.kind: report for report in self.reports.all()}

    def preliminary_sent(self):
        kinds = self.reports_by_kind()
        return kinds.get(ReportKind.PRELIMINARY) or kinds.get(ReportKind.COMBINED)

    def final_sent(self):
        kinds = self.reports_by_kind()
        return kinds.get(ReportKind.FINAL) or kinds.get(ReportKind.COMBINED)

    def count_display(self):
        if self.count_text:
            return self.count_text
        if self.individuals is None:
            return "調査中"
        return f"{'約' if self.individuals_estimated else ''}{self.individuals:,}件"

    def persons_display(self):
        """本人の数 in persons (人), as the PPC report asks (規則第44条第1項第3号), never 件."""
        if self.individuals is None:
            return "調査中"
        return f"{'約' if self.individuals_estimated else ''}{self.individuals:,}人"

    def reporting_divisions(self):
        """The divisions in a report's header: the owner first, then the related ones."""
        return [self.division, *self.related_divisions.all()]


class PersonalInfoItem(models.Model):
    """One item of personal information involved (項目), marked ordinary / 要配慮 / 条例要配慮."""

    incident = models.ForeignKey(Incident, models.CASCADE, related_name="items", verbose_name="事案")
    name = models.CharField("項目", max_length=100)
    sensitivity = models.CharField("区分", max_length=10, choices=Sensitivity.choices,
                                   default=Sensitivity.ORDINARY)
    category = models.CharField("該当する類型", max_length=100, blank=True,
                                help_text="要配慮個人情報は法第2条第3項の類型、条例要配慮は条例の項目")
    order = models.PositiveIntegerField("表示順", default=0)

    class Meta:
        verbose_name = "個人情報の項目"
        verbose_name_plural = "個人情報の項目"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class TimelineEntry(models.Model):
    """A dated entry of the incident's course (事案の経過), or a recorded change of the decision."""

    incident = models.ForeignKey(Incident, models.CASCADE, related_name="timeline", verbose_name="事案")
    on = models.DateField("日付")
    at = models.TimeField("時刻", null=True, blank=True)
    text = models.TextField("内容")
    kind = models.CharField("種類", max_length=10, choices=TimelineKind.choices, default=TimelineKind.EVENT)
    created_at = models.DateTimeField("記録日時", auto_now_add=True)

    class Meta:
        verbose_name = "事案の経過"
        verbose_name_plural = "事案の経過"
        ordering = ["on", models.F("at").asc(nulls_first=True), "pk"]

    def __str__(self):
        return f"{self.on:%Y-%m-%d} {self.text[:40]}"


class PpcReport(models.Model):
    """A report sent to the PPC (速報 / 確報). Recording one closes its deadline."""

    incident = models.ForeignKey(Incident, models.CASCADE, related_name="reports", verbose_name="事案")
    kind = models.CharField("種類", max_length=12, choices=ReportKind.choices)
    sent_on = models.DateField("報告日")
    note = models.CharField("備考", max_length=300, blank=True)
    created_at = models.DateTimeField("記録日時", auto_now_add=True)

    class Meta:
        verbose_name = "個人情報保護委員会への報告"
        verbose_name_plural = "個人情報保護委員会への報告"
        ordering = ["sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "kind"], name="one_ppc_report_per_kind",
                                    violation_error_message="この種類の報告はすでに記録されています。"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.sent_on:%Y-%m-%d}"

    @property
    def division(self):
        return self.incident.division


class PreventionMeasure(models.Model):
    """A recurrence-prevention measure (再発防止策), tracked to completion."""

    incident = models.ForeignKey(Incident, models.CASCADE, related_name="measures", verbose_name="事案")
    text = models.TextField("再発防止策")
    owner = models.CharField("担当", max_length=100, blank=True)
    due_on = models.DateField("期限", null=True, blank=True)
    done = models.BooleanField("完了", default=False)
    done_on = models.DateField("完了日", null=True, blank=True)
    order = models.PositiveIntegerField("表示順", default=0)

    class Meta:
        verbose_name = "再発防止策"
        verbose_name_plural = "再発防止策"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:50]

    @property
    def division(self):
        return self.incident.division
