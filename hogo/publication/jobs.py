"""The pre-publication scan as a background job (see hogo.jobs.registry for the three steps)."""

from django.conf import settings

from hogo.jobs.registry import Kind
from hogo.publication import actions, scanning

KIND = "publication.scan"


def _read_upload(job):
    with job.upload.open("rb") as handle:
        return handle.read()


def prepare(job):
    return {
        "filename": job.filename, "data": _read_upload(job), "allow_list": actions.allow_list(),
        "max_text_chars": settings.HOGO_SCAN_MAX_TEXT_CHARS,
        "max_part_bytes": settings.HOGO_SCAN_MAX_PART_MB * 1024 * 1024,
    }


def compute(inputs, progress):
    """In the child: read and scan the document; an unreadable one is a result too (読込不可)."""
    try:
        outcome = scanning.scan(inputs["filename"], inputs["data"], inputs["allow_list"], progress=progress,
                                max_text_chars=inputs["max_text_chars"], max_part_bytes=inputs["max_part_bytes"])
    except scanning.ScanError as exc:
        return {"error": str(exc)}
    return {"outcome": outcome}


def finish(job, result):
    check = actions.do_record_scan(job, data=_read_upload(job), outcome=result.get("outcome"),
                                   error=result.get("error", ""))
    job.result = {"check": check.pk, "verdict": check.verdict}
    job.result_url = check.get_absolute_url()


SCAN = Kind(label="公開前チェック", prepare=prepare, compute=compute, finish=finish)
