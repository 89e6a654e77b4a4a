"""Pre-publication checks: a document scanned for personal information before it goes online."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from hogo.core.uploads import GeneratedName
from hogo.publication.choices import FindingStatus, Verdict
from hogo.scanner.finding import LABEL_NAMES


class PublicationCheck(models.Model):
    """One uploaded document, its scanner findings and the person who cleared it.

    Kept so an office can prove a document was checked before it was published
    (the remedy Setagaya 報告第373号 promised).
    """

    division = models.ForeignKey("core.Division", models.PROTECT, related_name="+", verbose_name="所管課")
    filename = models.CharField("ファイル名", max_length=255)
    size = models.PositiveIntegerField("サイズ（バイト）")
    sha256 = models.CharField("SHA-256", max_length=64)
    # Stored under a generated name; ``filename`` keeps the user's name for display and download.
    document = models.FileField("原本", upload_to=GeneratedName("publication"), blank=True)
    blocks = models.JSONField("本文", default=list, help_text="[{location, text}] as extracted")
    verdict = models.CharField("判定", max_length=10, choices=Verdict.choices)
    verdict_reasons = models.JSONField("判定理由", default=list)
    error = models.CharField("エラー", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="登録者")
    created_at = models.DateTimeField("登録日時", auto_now_add=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name="確認者")
    completed_at = models.DateTimeField("確認完了日時", null=True, blank=True)

    class Meta:
        verbose_name = "公開前チェック"
        verbose_name_plural = "公開前チェック"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("publication:detail", args=[self.pk])

    @property
    def is_completed(self):
        return self.completed_at is not None


class Finding(models.Model):
    """A span the scanner found, and what a person decided about it."""

    check_record = models.ForeignKey(PublicationCheck, models.CASCADE, related_name="findings")
    block = models.PositiveIntegerField("段落番号")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    label = models.CharField("種類", max_length=20)
    text = models.CharField("検出文字列", max_length=500)
    score = models.FloatField("確からしさ")
    reason = models.CharField("検出理由", max_length=300, blank=True)
    official = models.BooleanField("職務上の公務員氏名", default=False)
    status = models.CharField("判断", max_length=10, choices=FindingStatus.choices, default=FindingStatus.PENDING)
    dismiss_reason = models.CharField("マスクしない理由", max_length=300, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name="判断者")
    decided_at = models.DateTimeField("判断日時", null=True, blank=True)

    class Meta:
        verbose_name = "検出結果"
        verbose_name_plural = "検出結果"
        ordering = ["block", "start", "pk"]

    def __str__(self):
        return f"{self.label_name}: {self.text}"

    @property
    def label_name(self):
        return LABEL_NAMES.get(self.label, self.label)

    @property
    def division(self):
        return self.check_record.division

    @property
    def block_location(self):
        blocks = self.check_record.blocks
        return blocks[self.block].get("location", "") if self.block < len(blocks) else ""
