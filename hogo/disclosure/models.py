"""Requests (開示・訂正・利用停止請求, 行政情報開示請求), their decisions and appeals."""

import unicodedata

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from hogo.core.concurrency import version_field
from hogo.core.models import Agency, Division, Municipality
from hogo.disclosure import deadlines
from hogo.disclosure.choices import (
    APPI_KINDS, ARTICLE_78_ITEMS, AppealKind, AppealOutcome, BodyType, DisclosureMethod, InfoCounting, Outcome,
    RequesterCapacity, RequestKind,
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
    body_type = models.CharField(
        "実施機関の種別", max_length=20, choices=BodyType.choices, default=BodyType.MUNICIPAL,
        help_text="法第78条第1項第4号は行政機関の長、第5号は行政機関の長と都道府県の機関に限って適用されます。"
                  "市区町村の決定様式には第4号・第5号を出さず、第7号イ・ロによります。")
    added_grounds = models.TextField(
        "条例で定める不開示情報（法第78条第2項）", blank=True,
        help_text="1行に1項目。例：世田谷区個人情報保護条例第5条第1号 〇〇に関する情報。"
                  "決定様式の不開示事由に加わり、決定通知書に記載されます。")
    extension_max_days = models.PositiveSmallIntegerField(
        "延長できる日数の上限（日）", default=30, validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="法第83条第2項、第94条第2項、第102条第2項は30日以内。条例で短縮している場合はその日数。")
    review_board_name = models.CharField(
        "審査会の名称", max_length=200, default="個人情報保護審査会",
        help_text="法第105条第3項により読み替える行政不服審査法第81条の機関。例：世田谷区情報公開・個人情報保護審査会")
    head_title = models.CharField("通知書の発信者の職名", max_length=100, blank=True, help_text="例：世田谷区長")
    head_name = models.CharField("通知書の発信者の氏名", max_length=100, blank=True)
    disclosure_place = models.CharField(
        "開示の実施の場所", max_length=200, blank=True, help_text="例：世田谷区役所 区政情報センター")
    disclosure_hours = models.CharField(
        "開示の実施の時間", max_length=200, blank=True, help_text="例：午前8時30分から午後5時まで（閉庁日を除く）")
    copy_fee_table = models.TextField(
        "写しの交付の費用（条例の表）", blank=True,
        help_text="1行に1項目。項目名と1枚（1件）当たりの円を空白で区切る。例：用紙（A3まで）白黒 10")
    postage_note = models.CharField(
        "写しの送付に要する費用", max_length=200, blank=True, help_text="例：郵送料（実費）は郵便切手で前納")
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

    def added_ground_items(self):
        """``{number: text}`` of the grounds the ordinance adds under Art.78(2), numbered from 101."""
        lines = [line.strip() for line in self.added_grounds.splitlines() if line.strip()]
        return {ADDED_GROUND_BASE + position: line for position, line in enumerate(lines, 1)}

    def grounds_for(self, kind, *, offered=False):
        """``{number: name}`` of the non-disclosure grounds of ``kind``.

        ``offered``: only those a decision of this body may rely on (the decision form);
        otherwise every item, so that older decisions and the printed tables keep theirs.
        """
        if kind == RequestKind.INFORMATION:
            return self.info_ground_items()
        items = dict(ARTICLE_78_ITEMS)
        if offered:
            for number in ARTICLE_78_NOT_FOR[self.body_type]:
                items.pop(number)
            items[7] += "（イ 国の安全等・ロ 公共の安全と秩序の維持に関するものを含む）"
        return items | self.added_ground_items()

    def copy_fees(self):
        """``[(item, yen)]`` of the ordinance's fee table for copies; a line without a price is skipped."""
        fees = []
        for line in self.copy_fee_table.splitlines():
            item, _, price = line.strip().rpartition(" ")
            price = price.removesuffix("円")
            if item and price.isdigit():
                fees.append((item.strip(), int(price)))
        return fees


# Grounds an ordinance adds (Art.78(2)) are stored with numbers above Art.78(1)'s items.
ADDED_GROUND_BASE = 100

# Art.78(1) item 4 applies to 行政機関の長 only, item 5 to them and prefectural bodies;
# other local bodies rely on item 7イ/ロ instead.
ARTICLE_78_NOT_FOR = {BodyType.MUNICIPAL: (4, 5), BodyType.PREFECTURAL: (4,)}


def ground_label(number, name):
    if number > ADDED_GROUND_BASE:
        return name
    return f"第{number}号 {name}".strip()


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
    document_number = models.CharField("文書番号", max_length=100, blank=True, help_text="例：6世区情第123号")
    purpose = models.TextField(
        "開示する保有個人情報の利用目的", blank=True,
        help_text="法第82条第1項。法第62条第2号又は第3号に当たり示さない場合はその旨を記入。")
    methods_offered = models.CharField(
        "求めることができる開示の実施の方法", max_length=200, blank=True, default="閲覧、写しの交付、写しの送付")
    disclosure_dates = models.CharField(
        "開示の実施を行うことができる日", max_length=200, blank=True,
        help_text="例：令和8年2月2日から令和8年3月13日までの開庁日")
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
        return [ground_label(number, items.get(number, "")) for number in sorted(self.grounds)]


class Appeal(models.Model):
    """審査請求 (不服申立て) against a decision, or against inaction on a request (法第105条第1項)."""

    request = models.ForeignKey(Request, models.CASCADE, related_name="appeals", verbose_name="請求")
    kind = models.CharField("審査請求の対象", max_length=20, choices=AppealKind.choices, default=AppealKind.DECISION)
    decision = models.ForeignKey(Decision, models.PROTECT, related_name="appeals", verbose_name="決定",
                                 null=True, blank=True)
    received_on = models.DateField("審査請求の受付日")
    referred_on = models.DateField("審査会への諮問日", null=True, blank=True,
                                   help_text="法第105条第3項により読み替える行政不服審査法第81条の機関（審査会）への諮問")
    consultation_notified_on = models.DateField(
        "諮問をした旨の通知日", null=True, blank=True, help_text="法第105条第2項：審査請求人・参加人・反対意見書を提出した第三者へ")
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
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=AppealKind.INACTION) | models.Q(decision__isnull=False),
                name="disclosure_appeal_on_decision_names_it",
                violation_error_message="開示決定等に対する審査請求には決定を指定してください。",
            ),
        ]

    def __str__(self):
        against = "不作為" if self.kind == AppealKind.INACTION else "決定"
        return f"審査請求（{against}） {self.received_on:%Y-%m-%d}（{self.get_outcome_display()}）"

    def get_absolute_url(self):
        return reverse("disclosure:detail", args=[self.request_id])

    def save(self, *args, **kwargs):
        if self.request_id is None and self.decision_id is not None:
            self.request_id = self.decision.request_id
        super().save(*args, **kwargs)

    @property
    def division(self):
        return self.request.division


class ThirdParty(models.Model):
    """A third party whose information is in the records asked for (法第86条)."""

    request = models.ForeignKey(Request, models.CASCADE, related_name="third_parties", verbose_name="請求")
    name = models.CharField("第三者の氏名・名称", max_length=200)
    address = models.CharField("住所・所在地", max_length=300, blank=True)
    mandatory = models.BooleanField(
        "意見書の提出の機会を必ず与える場合（法第86条第2項）", default=False,
        help_text="第78条第1項第2号ロ・第3号ただし書に当たるとして開示しようとする場合。")
    information = models.TextField("第三者に関する情報の内容", blank=True)
    asked_on = models.DateField("意見照会日", null=True, blank=True)
    reply_by = models.DateField("意見書の提出期限", null=True, blank=True)
    replied_on = models.DateField("意見書の提出日", null=True, blank=True)
    objects_to_disclosure = models.BooleanField("開示に反対する意見書（反対意見書）", default=False)
    opinion = models.TextField("意見の内容", blank=True)
    notified_on = models.DateField("開示決定をした旨の通知日（法第86条第3項）", null=True, blank=True)

    class Meta:
        verbose_name = "第三者"
        verbose_name_plural = "第三者"
        ordering = ["pk"]

    def __str__(self):
        return f"第三者 {self.name}"

    def get_absolute_url(self):
        return reverse("disclosure:detail", args=[self.request_id])

    @property
    def division(self):
        return self.request.division


class DisclosureExecution(models.Model):
    """開示の実施 (法第87条): the requester's choice of method, the date and place, copies, and that it was done."""

    decision = models.OneToOneField(Decision, models.CASCADE, related_name="execution", verbose_name="決定")
    method = models.CharField("求める開示の実施の方法", max_length=20, choices=DisclosureMethod.choices)
    applied_on = models.DateField("申出日", help_text="法第87条第3項・第4項：開示決定の通知があった日から30日以内")
    scheduled_on = models.DateField("開示の実施日", null=True, blank=True)
    place = models.CharField("開示の実施の場所", max_length=200, blank=True)
    fee_item = models.CharField("写しの種別", max_length=200, blank=True)
    copies = models.PositiveIntegerField("写しの枚数", default=0)
    fee_yen = models.PositiveIntegerField("写しの交付に要する費用（円）", default=0)
    carried_out_on = models.DateField("開示を実施した日", null=True, blank=True)
    note = models.TextField("備考", blank=True)

    class Meta:
        verbose_name = "開示の実施"
        verbose_name_plural = "開示の実施"
        ordering = ["pk"]

    def __str__(self):
        return f"開示の実施（{self.get_method_display()}）"

    def get_absolute_url(self):
        return reverse("disclosure:detail", args=[self.decision.request_id])

    @property
    def division(self):
        return self.decision.request.division


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
