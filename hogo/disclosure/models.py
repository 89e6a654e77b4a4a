"""Requests (開示・訂正・利用停止請求, 行政情報開示請求), their decisions and appeals."""

import unicodedata

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from hogo.core.concurrency import version_field
from hogo.core.models import Agency, Division, Municipality
from hogo.disclosure import deadlines
from hogo.disclosure.choices import (
    APPI_KINDS, ARTICLE_78_ITEMS, AppealOutcome, InfoCounting, Outcome, RequesterCapacity, RequestKind,
)


class RequestSettings(models.Model):
    """The municipality's ordinance choices that change request deadlines and statistics."""

    municipality = models.OneToOneField(Municipality, models.CASCADE, related_name="request_settings",
                                        verbose_name="自治体")
    disclosure_days = models.PositiveSmallIntegerField(
        "開示決定等の期間（日）", default=30, validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="法第83条第1項は30日。条例で短縮している場合はその日数。")
    correction_days = models.PositiveSmallIntegerField(
        "訂正決定等の期間（日）", default=30, validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="法第94条第1項は30日。")
    suspension_days = models.PositiveSmallIntegerField(
        "利用停止決定等の期間（日）", default=30, validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="法第102条第1項は30日。")
    office_deadline_moves = models.BooleanField(
        "実施機関の決定期限が閉庁日に当たるときは翌開庁日に繰り下げる", default=False,
        help_text="法に定めがなく、地方自治法第4条の2第4項は住民側の行為の期限にのみ適用されるため、既定では繰り下げません。")
    info_ordinance = models.CharField("情報公開条例の名称", max_length=200, default="情報公開条例")
    info_days = models.PositiveSmallIntegerField(
        "行政情報開示の決定期間（日）", default=15, validators=[MinValueValidator(1), MaxValueValidator(60)])
    info_counting = models.CharField("期間の数え方", max_length=20, choices=InfoCounting.choices,
                                     default=InfoCounting.NEXT_DAY)
    info_extension_days = models.PositiveSmallIntegerField(
        "行政情報開示の延長の上限（日）", default=30, validators=[MaxValueValidator(60)])
    info_period_source = models.CharField("決定期間の根拠条文", max_length=200, blank=True,
                                          help_text="例：世田谷区情報公開条例第11条第1項")
    info_extension_source = models.CharField("延長の根拠条文", max_length=200, blank=True)
    info_grounds = models.TextField(
        "条例の非開示事由", blank=True,
        help_text="1行に1項目。行頭の番号が号番号になります。例：1 個人に関する情報")
    info_copy_fee_yen = models.PositiveIntegerField(
        "写しの交付手数料（1枚・円）", null=True, blank=True, help_text="条例に写しの交付の費用負担がない場合は空欄。")
    information_only_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="+", verbose_name="情報公開条例のみの実施機関",
        help_text="議会など、個人情報保護法の実施機関ではない機関。保有個人情報の統計表に行を設けません。")
    statistics_layout = models.CharField(
        "統計表の様式", max_length=30, default="yachiyo",
        choices=[("yachiyo", "八千代市 資料1の様式"), ("setagaya_appi", "世田谷区 報告第377号の様式"),
                 ("setagaya_information", "世田谷区 報告第376号の様式")])

    class Meta:
        verbose_name = "請求の設定"
        verbose_name_plural = "請求の設定"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.municipality}の請求の設定"

    @classmethod
    def current(cls):
        settings, _ = cls.objects.get_or_create(municipality=Municipality.current())
        return settings

    def deadline_settings(self):
        return deadlines.DeadlineSettings(
            disclosure_days=self.disclosure_days, correction_days=self.correction_days,
            suspension_days=self.suspension_days, office_deadline_moves=self.office_deadline_moves,
            info_days=self.info_days, info_counting=self.info_counting,
            info_extension_days=self.info_extension_days, info_ordinance=self.info_ordinance,
            info_period_source=self.info_period_source, info_extension_source=self.info_extension_source,
        )

    def info_ground_items(self):
        """``{number: name}`` of the ordinance's non-disclosure items, from ``info_grounds``."""
        items = {}
        for position, line in enumerate(filter(None, (line.strip() for line in self.info_grounds.splitlines())), 1):
            number, _, name = line.partition(" ")
            if number.isdigit() and name:
                items[int(number)] = name.strip()
            else:
                items[position] = line
        return items

    def grounds_for(self, kind):
        return self.info_ground_items() if kind == RequestKind.INFORMATION else ARTICLE_78_ITEMS


class Request(models.Model):
    """One request received from a requester. Its decisions may come from several divisions."""

    kind = models.CharField("請求の種類", max_length=20, choices=RequestKind.choices)
    received_on = models.DateField("受付日")
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="+", verbose_name="実施機関")
    division = models.ForeignKey(Division, models.PROTECT, related_name="+", verbose_name="主管課")
    divisions = models.ManyToManyField(Division, related_name="requests", verbose_name="担当課",
                                       help_text="請求が複数の課にまたがる場合はすべての課（主管課を含む）")
    requester_name = models.CharField("請求者氏名", max_length=100)
    requester_address = models.CharField("請求者住所", max_length=300, blank=True)
    requester_contact = models.CharField("請求者連絡先", max_length=100, blank=True)
    capacity = models.CharField("請求者の区分", max_length=20, choices=RequesterCapacity.choices,
                                default=RequesterCapacity.SELF)
    representative_name = models.CharField("代理人氏名", max_length=100, blank=True)
    subject = models.TextField("請求の内容", help_text="開示を求める保有個人情報（行政情報）の名称・内容")
    identity_checked = models.BooleanField("本人確認済み", default=False)
    fee_yen = models.PositiveIntegerField("手数料・費用（円）", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(
        "延長日数", default=0, validators=[MaxValueValidator(60)])
    extension_reason = models.TextField("延長の理由", blank=True)
    extension_notified_on = models.DateField("延長の通知日", null=True, blank=True)
    special_extension = models.BooleanField("特例延長", default=False)
    special_extension_reason = models.TextField("特例延長の理由", blank=True)
    special_extension_notified_on = models.DateField("特例延長の通知日", null=True, blank=True)
    special_extension_rest_by = models.DateField("特例延長で通知した期限", null=True, blank=True)
    closed_on = models.DateField("処理完了日", null=True, blank=True)
    note = models.TextField("備考", blank=True)
    created_at = models.DateTimeField("登録日時", auto_now_add=True)
    version = version_field()

    class Meta:
        verbose_name = "請求"
        verbose_name_plural = "請求"
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind__in=APPI_KINDS) | models.Q(extension_days__lte=30),
                name="disclosure_appi_extension_at_most_30_days",
                violation_error_message="延長できるのは30日以内です（個人情報保護法第83条第2項等）。",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.received_on:%Y-%m-%d} 受付（第{self.pk}号）"

    def get_absolute_url(self):
        return reverse("disclosure:detail", args=[self.pk])

    @property
    def is_open(self):
        return self.closed_on is None

    def requester_key(self):
        """Who the requester is, for 実人数: name and address with widths and spaces normalised."""
        text = unicodedata.normalize("NFKC", f"{self.requester_name}|{self.requester_address}")
        return "".join(text.split())

    def pauses(self):
        return [deadlines.Pause(p.requested_on, p.answered_on) for p in self.correction_pauses.all()]

    def deadlines(self, today=None, calendar=None, settings=None):
        """The decision deadlines (``ComputedDate``), the extended and special ones included."""
        calendar = calendar or Municipality.current().calendar()
        settings = settings or RequestSettings.current().deadline_settings()
        extension = 0 if self.special_extension else self.extension_days
        items = deadlines.decision_deadlines(self.kind, self.received_on, calendar=calendar, settings=settings,
                                             pauses=self.pauses(), extension_days=extension, today=today)
        if self.special_extension and self.kind in APPI_KINDS:
            items += deadlines.special_extension_deadlines(
                self.kind, self.received_on, calendar=calendar, settings=settings, pauses=self.pauses(),
                rest_by=self.special_extension_rest_by, today=today)[1:]
        return items

    def current_deadline(self, today=None, calendar=None, settings=None):
        """The date the next decision is due by: the last computed one, or Art.84's partial one while undecided."""
        items = self.deadlines(today, calendar, settings)
        if self.special_extension:
            partial = [item for item in items if item.label == "相当の部分の決定期限"]
            if partial and not self.decisions.all():
                return partial[0]
        return items[-1]

    def open_pause(self):
        return next((p for p in self.correction_pauses.all() if p.answered_on is None), None)


class CorrectionPause(models.Model):
    """補正: the clock stops from the day the correction is asked for until the day it arrives."""

    request = models.ForeignKey(Request, models.CASCADE, related_name="correction_pauses", verbose_name="請求")
    requested_on = models.DateField("補正を求めた日")
    answered_on = models.DateField("補正がされた日", null=True, blank=True)
    note = models.CharField("補正の内容", max_length=300, blank=True)

    class Meta:
        verbose_name = "補正"
        verbose_name_plural = "補正"
        ordering = ["requested_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answered_on__isnull=True) | models.Q(answered_on__gte=models.F("requested_on")),
                name="disclosure_pause_ends_after_start",
                violation_error_message="補正がされた日は補正を求めた日以後にしてください。",
            ),
        ]

    def __str__(self):
        return f"補正 {self.requested_on:%Y-%m-%d}〜{self.answered_on or '補正待ち'}"

    @property
    def division(self):
        return self.request.division

    @property
    def days_not_counted(self):
        return deadlines.Pause(self.requested_on, self.answered_on).days(self.answered_on or self.requested_on)


class Decision(models.Model):
    """A decision on (part of) a request, with the non-disclosure items relied on."""

    request = models.ForeignKey(Request, models.CASCADE, related_name="decisions", verbose_name="請求")
    division = models.ForeignKey(Division, models.PROTECT, related_name="+", verbose_name="決定した課")
    outcome = models.CharField("決定の内容", max_length=20, choices=Outcome.choices)
    decided_on = models.DateField("決定日")
    grounds = models.JSONField("不開示事由（号）", default=list, blank=True)
    reason = models.TextField("理由の説明", blank=True)
    documents = models.TextField("対象文書・保有個人情報", blank=True)
    notified_on = models.DateField("通知日", null=True, blank=True)
    created_at = models.DateTimeField("登録日時", auto_now_add=True)

    class Meta:
        verbose_name = "決定"
        verbose_name_plural = "決定"
        ordering = ["decided_on", "pk"]

    def __str__(self):
        return f"{self.get_outcome_display()}（{self.decided_on:%Y-%m-%d}）"

    def get_absolute_url(self):
        return reverse("disclosure:detail", args=[self.request_id])

    def grounds_display(self):
        items = RequestSettings.current().grounds_for(self.request.kind)
        return [f"第{number}号 {items.get(number, '')}".strip() for number in sorted(self.grounds)]


class Appeal(models.Model):
    """審査請求 (不服申立て) against a decision."""

    decision = models.ForeignKey(Decision, models.PROTECT, related_name="appeals", verbose_name="決定")
    received_on = models.DateField("審査請求の受付日")
    referred_on = models.DateField("審議会への諮問日", null=True, blank=True)
    answered_on = models.DateField("答申日", null=True, blank=True)
    outcome = models.CharField("処理状況", max_length=20, choices=AppealOutcome.choices,
                               default=AppealOutcome.PENDING)
    decided_on = models.DateField("裁決等の日", null=True, blank=True)
    note = models.TextField("備考", blank=True)
    version = version_field()

    class Meta:
        verbose_name = "審査請求"
        verbose_name_plural = "審査請求"
        ordering = ["received_on", "pk"]

    def __str__(self):
        return f"審査請求 {self.received_on:%Y-%m-%d}（{self.get_outcome_display()}）"

    def get_absolute_url(self):
        return reverse("disclosure:detail", args=[self.decision.request_id])

    @property
    def division(self):
        return self.decision.division


class NoticeTemplate(models.Model):
    """The editable text of a decision notice (開示決定通知書 etc.), one per outcome."""

    outcome = models.CharField("決定の内容", max_length=20, choices=Outcome.choices, unique=True)
    title = models.CharField("表題", max_length=100)
    body = models.TextField(
        "本文", help_text="{{ 請求者 }} {{ 受付日 }} {{ 決定日 }} {{ 請求の内容 }} {{ 対象 }} {{ 不開示事由 }} "
                           "{{ 理由 }} {{ 実施機関 }} {{ 課 }} が使えます。")

    class Meta:
        verbose_name = "決定通知書のひな形"
        verbose_name_plural = "決定通知書のひな形"
        ordering = ["outcome"]

    def __str__(self):
        return self.title
