from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from hogo.core.access import get_for_user
from hogo.jobs.models import Job


def get_job_for_user(request, pk):
    # Polling reads the job every second or two; only the first view is audited.
    return get_for_user(request, Job.objects.select_related("division"), pk, audit_view=False)


def _result_url(job):
    return job.result_url if job.is_finished and job.result_url and not job.error else ""


@require_GET
def job_detail(request, pk):
    """The progress page; once the job is done it is only a way to its result."""
    job = get_job_for_user(request, pk)
    if _result_url(job):
        return redirect(job.result_url)
    return render(request, "jobs/detail.html", {"job": job})


@require_GET
def job_status(request, pk):
    """The progress partial that the detail page polls; a finished job with a result page redirects there."""
    job = get_job_for_user(request, pk)
    if _result_url(job):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = job.result_url
        return response
    return render(request, "jobs/_status.html", {"job": job})
