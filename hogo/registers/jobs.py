"""The register import as a background job (see hogo.jobs.registry for the three steps)."""

from django.conf import settings
from django.urls import reverse

from hogo.jobs.registry import Kind
from hogo.jobs.runner import JobError
from hogo.registers.importing import SPECS, TableError, apply_import, check_table, load_divisions

KIND = "registers.import"
# The result page lists at most this many bad rows (all are counted).
MAX_ERRORS_KEPT = 1000


def prepare(job):
    with job.upload.open("rb") as handle:
        data = handle.read()
    return {"register": job.payload["register"], "filename": job.filename, "data": data,
            "defaults": job.payload.get("defaults", {}), "apply": job.payload.get("apply", False),
            "divisions": load_divisions(), "max_rows": settings.HOGO_IMPORT_MAX_ROWS}


def compute(inputs, progress):
    """In the child: read and check every row; the rows to create come back only when they will be."""
    try:
        result, instances = check_table(SPECS[inputs["register"]], inputs["filename"], inputs["data"],
                                        divisions=inputs["divisions"], defaults=inputs["defaults"],
                                        max_rows=inputs["max_rows"], progress=progress)
    except TableError as exc:
        raise JobError(str(exc)) from None
    return {"result": result, "instances": instances if inputs["apply"] and result.ok else []}


def finish(job, outcome):
    result, spec = outcome["result"], SPECS[job.payload["register"]]
    if job.payload.get("apply") and result.ok:
        apply_import(spec, job.filename, result, outcome["instances"], user=job.owner)
    job.result = {"rows": result.rows, "created": result.created, "applied": result.applied,
                  "error_count": len(result.errors), "errors": result.errors[:MAX_ERRORS_KEPT]}
    job.result_url = reverse("registers:import_result", args=[job.pk])


IMPORT = Kind(label="登録簿の取込み", prepare=prepare, compute=compute, finish=finish)
