"""Background jobs: scans and imports that run in the worker (``hogo run-jobs``), not in a web request."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from hogo.core.uploads import GeneratedName
from hogo.jobs.choices import JobStatus


class Job(models.Model):
    """One queued piece of work, its progress and what it produced.

    The web request stores the upload and queues the job; the worker runs it
    in a child process under time and memory limits and records progress, so
    a large upload never holds a web worker or brings the server down.
    """

    kind = models.CharField("種類", max_length=40)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="登録者")
    division = models.ForeignKey("core.Division", models.PROTECT, null=True, blank=True, related_name="+",
                                 verbose_name="所管課")
    status = models.CharField("状態", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    filename = models.CharField("ファイル名", max_length=255, blank=True)
    # Stored under a generated name (the user's may be too long); ``filename`` keeps it for display.
    upload = models.FileField("入力ファイル", upload_to=GeneratedName("jobs"), blank=True)
    payload = models.JSONField("条件", default=dict, blank=True)
    done = models.PositiveIntegerField("処理済み", default=0)
    total = models.PositiveIntegerField("全体", default=0)
    message = models.CharField("状況", max_length=200, blank=True)
    result = models.JSONField("結果", default=dict, blank=True)
    result_url = models.CharField("結果の画面", max_length=200, blank=True)
    error = models.CharField("エラー", max_length=300, blank=True)
    worker = models.CharField("実行したワーカー", max_length=100, blank=True, help_text="host:pid")
    created_at = models.DateTimeField("登録日時", auto_now_add=True)
    started_at = models.DateTimeField("開始日時", null=True, blank=True)
    finished_at = models.DateTimeField("終了日時", null=True, blank=True)

    class Meta:
        verbose_name = "バックグラウンド処理"
        verbose_name_plural = "バックグラウンド処理"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="jobs_status_created")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.filename}".strip()

    def get_absolute_url(self):
        return reverse("jobs:detail", args=[self.pk])

    def get_kind_display(self):
        from hogo.jobs import registry

        return registry.label(self.kind)

    @property
    def is_finished(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self):
        if self.status == JobStatus.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0
