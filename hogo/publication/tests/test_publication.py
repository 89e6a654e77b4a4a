from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.jobs.models import Job
from hogo.publication.models import PublicationCheck
from hogo.publication.tests.documents import COMMENT, PERSONAL_WORDS, comment_cells, comment_list_docx


def _upload(client, *files):
    """Upload and let the worker run the queued scans, as `hogo run-jobs` does beside the web server."""
    response = client.post(reverse("publication:upload"), {"files": list(files)})
    call_command("run_jobs", "--once")
    return response


def test_it_scans_a_docx_and_keeps_the_check(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    response = _upload(client, SimpleUploadedFile("意見一覧.docx", comment_list_docx()))
    check = PublicationCheck.objects.get()
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert client.get(reverse("jobs:status", args=[job.pk]))["HX-Redirect"] == check.get_absolute_url()
    assert check.division == staff.division and check.verdict == "公開不可"
    found = {f.text for f in check.findings.all()}
    for word in PERSONAL_WORDS:
        assert any(word in text for text in found), word
    assert AuditEntry.objects.filter(action="create", record_type="publication.PublicationCheck").exists()


def test_it_masks_all_but_dismissed_findings(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    _upload(client, SimpleUploadedFile("意見一覧.docx", comment_list_docx()))
    check = PublicationCheck.objects.get()
    town = next(f for f in check.findings.all() if "奥沢" in f.text)
    response = client.post(reverse("publication:decide", args=[town.pk]), {"status": "dismissed", "reason": ""})
    town.refresh_from_db()
    assert town.status == "pending"  # a dismissal needs a reason
    client.post(reverse("publication:decide", args=[town.pk]), {"status": "dismissed", "reason": "町名のみで特定不可と判断"})
    town.refresh_from_db()
    assert town.status == "dismissed" and town.dismiss_reason == "町名のみで特定不可と判断"
    response = client.get(reverse("publication:masked", args=[check.pk]))
    comment, _ = comment_cells(response.content)
    assert "奥沢" in comment
    for word in ("花子", "糖尿病", "身体障害者手帳"):
        assert word not in comment
    assert AuditEntry.objects.filter(action="export", record_id=str(check.pk)).exists()


def test_it_completes_a_check_only_when_every_finding_is_decided(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    _upload(client, SimpleUploadedFile("comment.txt", COMMENT.encode()))
    check = PublicationCheck.objects.get()
    client.post(reverse("publication:complete", args=[check.pk]))
    check.refresh_from_db()
    assert check.completed_at is None
    for finding in check.findings.all():
        client.post(reverse("publication:decide", args=[finding.pk]), {"status": "accepted"})
    client.post(reverse("publication:complete", args=[check.pk]))
    check.refresh_from_db()
    assert check.completed_by == staff and check.completed_at is not None
    assert AuditEntry.objects.filter(action="update", record_id=str(check.pk), note__startswith="確認完了").exists()


def test_it_reports_bad_files_and_still_processes_the_others(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    response = _upload(
        client,
        SimpleUploadedFile("broken.docx", b"this is not a zip file"),
        SimpleUploadedFile("virus.exe", b"MZ..."),
        SimpleUploadedFile("ok.txt", "区は施策を進めます。".encode()),
    )
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("virus.exe" in m and "対応していない形式" in m for m in messages)
    broken = PublicationCheck.objects.get(filename="broken.docx")
    assert broken.verdict == "読込不可" and "壊れている" in client.get(broken.get_absolute_url()).content.decode()
    assert PublicationCheck.objects.get(filename="ok.txt").verdict == "公開可"


def test_it_refuses_oversized_uploads(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HOGO_MAX_UPLOAD_BYTES = 100
    client.force_login(staff)
    response = _upload(client, SimpleUploadedFile("big.txt", b"a" * 101))
    assert any("大きすぎます" in str(m) for m in response.wsgi_request._messages)
    assert not PublicationCheck.objects.exists()


def test_other_divisions_and_council_viewers_cannot_touch_a_check(client, staff, other_staff, council, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    _upload(client, SimpleUploadedFile("comment.txt", COMMENT.encode()))
    check = PublicationCheck.objects.get()
    finding = check.findings.first()
    client.force_login(other_staff)
    assert client.get(check.get_absolute_url()).status_code == 404
    assert client.get(reverse("publication:masked", args=[check.pk])).status_code == 404
    assert client.post(reverse("publication:decide", args=[finding.pk]), {"status": "accepted"}).status_code == 404
    assert AuditEntry.objects.filter(action="denied", username="staff2").count() == 3
    client.force_login(council)
    assert client.post(reverse("publication:complete", args=[check.pk])).status_code == 403
    assert client.post(reverse("publication:upload"), {}).status_code == 403
    finding.refresh_from_db()
    assert finding.status == "pending"


def test_write_views_answer_405_to_get(client, staff):
    client.force_login(staff)
    assert client.get(reverse("publication:upload")).status_code == 405
    assert client.get(reverse("publication:complete", args=[1])).status_code == 405
    assert client.get(reverse("publication:decide", args=[1])).status_code == 405
