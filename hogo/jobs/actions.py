from django.core.files.base import ContentFile
from django.db import transaction

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.uploads import display_name
from hogo.jobs.models import Job


def do_enqueue(request, *, kind, division, filename, data, payload=None):
    """Store the upload and queue the job for the worker (``hogo run-jobs``)."""
    with transaction.atomic():
        job = Job(kind=kind, owner=request.user, division=division, filename=display_name(filename, 255),
                  payload=payload or {})
        job.upload.save(filename, ContentFile(data), save=False)
        job.save()
        log.record(request, AuditAction.CREATE, job, division=division, note=f"{job}（処理待ち）")
    return job
