"""One way to hand a generated file to the browser."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content, filename, content_type="application/octet-stream"):
    """A download of ``content`` (bytes) saved as ``filename``.

    Django's content_disposition_header writes the RFC 6266 UTF-8 form for
    non-ASCII names, so 報告第373号.docx arrives intact.
    """
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
