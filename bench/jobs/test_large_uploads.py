"""Large uploads through the background worker, at CI size; the issue's sizes with HOGO_BENCH_LINES.

    .venv/bin/python -m pytest bench/jobs -q -s                       # 2,000-line CSV (CI)
    HOGO_BENCH_LINES=20000 .venv/bin/python -m pytest bench/jobs -q -s # the 20,000 lines that timed out

Each prints the figures: lines, seconds in the worker, the child's peak memory,
findings, and the bytes of HTML of the result page (bounded by the pagination,
whatever the size of the file).
"""

import os
import resource
import time
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from hogo.jobs.models import Job
from hogo.publication.models import PublicationCheck

LINES = int(os.environ.get("HOGO_BENCH_LINES", "2000"))
# 200 findings and 200 blocks of these lines each make a page well under this.
MAX_PAGE_BYTES = 600_000


def _register(lines):
    return "\n".join(f"{n},世田谷区奥沢{n % 9 + 1}丁目,山田太郎,090-1234-{n % 10000:04d},要支援{n % 3 + 1}"
                     for n in range(1, lines + 1)).encode()


def test_it_scans_a_large_csv_as_a_job_and_keeps_the_result_page_small(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    client.post(reverse("publication:upload"), {"files": [SimpleUploadedFile("名簿.csv", _register(LINES))]})
    started = time.monotonic()
    call_command("run_jobs", "--once")
    seconds = time.monotonic() - started
    job = Job.objects.get()
    assert job.get_status_display() == "完了", job.error
    check = PublicationCheck.objects.get()
    page = client.get(check.get_absolute_url())
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    findings = check.findings.count()
    print(f"\n{LINES:,} lines: {seconds:.1f} s in the worker, child peak {peak_mb:,} MB, "
          f"{findings:,} findings, result page {len(page.content):,} bytes")
    assert findings > LINES  # a name and a phone number a line at least
    assert len(page.content) < MAX_PAGE_BYTES


def test_it_refuses_a_docx_with_an_oversized_xml_part_before_parsing_it(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    part_bytes = (settings.HOGO_SCAN_MAX_PART_MB + 1) * 1024 * 1024
    settings.HOGO_MAX_UPLOAD_BYTES = 2 * part_bytes  # the upload form would refuse it before the scanner
    path = tmp_path / "large.docx"
    paragraph = "<w:p><w:r><w:t>区は施策を進めます。</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:  # stored: the ratio check does not catch it
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", paragraph * (part_bytes // len(paragraph.encode()) + 1))
    client.force_login(staff)
    client.post(reverse("publication:upload"), {"files": [SimpleUploadedFile("large.docx", path.read_bytes())]})
    started = time.monotonic()
    call_command("run_jobs", "--once")
    seconds = time.monotonic() - started
    print(f"\n{path.stat().st_size // (1024 * 1024)} MB .docx refused in {seconds:.2f} s")
    check = PublicationCheck.objects.get()
    assert check.verdict == "読込不可" and "word/document.xml" in check.error
    assert seconds < 5
