from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hogo.core.access import get_for_user
from hogo.jobs.models import Job


def get_job_for_user(request, pk):
    # Polling reads the job every second or two; only the first view is audited.
    return get_for_user(request, Job.objects.select_related("division"), pk, audit_view=False)


@require_GET
def job_detail(request, pk):
    return render(request, "jobs/detail.html", {"job": get_job_for_user(request, pk)})


@require_GET
def job_status(request, pk):
    """The progress partial that the detail page polls; a finished job with a result page redirects there."""
    job = get_job_for_user(request, pk)
    if job.is_finished and job.result_url and not job.error:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = job.result_url
        return response
    return render(request, "jobs/_status.html", {"job": job})
