import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.jobs.models import Job


def do_enqueue(request, *, kind, division, filename, data, payload=None):
    """Store the upload and queue the job for the worker (``hogo run-jobs``)."""
    with transaction.atomic():
        job = Job(kind=kind, owner=request.user, division=division, filename=filename[:255], payload=payload or {})
        # A generated storage name: the user's file name may be anything, of any length.
        job.upload.save(f"{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}", ContentFile(data), save=False)
        job.save()
        log.record(request, AuditAction.CREATE, job, division=division, note=f"{job}（処理待ち）")
    return job
