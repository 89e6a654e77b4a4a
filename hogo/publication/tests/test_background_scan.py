from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from hogo.jobs.models import Job
from hogo.publication import views
from hogo.publication.models import PublicationCheck


def _upload(client, name, data):
    return client.post(reverse("publication:upload"), {"files": [SimpleUploadedFile(name, data)]})


def _register(lines):
    return "\n".join(f"{n}行目,山田太郎,090-1234-{n:04d}" for n in range(1, lines + 1)).encode()


def test_it_queues_the_scan_and_shows_progress_until_the_worker_has_run(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff)
    response = _upload(client, "名簿.csv", _register(3))
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert not PublicationCheck.objects.exists()
    waiting = client.get(job.get_absolute_url()).content.decode()
    assert "待機中" in waiting and "順番を待っています" in waiting
    call_command("run_jobs", "--once")
    job.refresh_from_db()
    check = PublicationCheck.objects.get()
    assert job.get_status_display() == "完了" and (job.done, job.total) == (9, 9)  # 3 lines of 3 cells
    assert job.result_url == check.get_absolute_url() and check.created_by == staff
    assert not job.upload  # the stored upload is not kept twice
    assert client.get(reverse("jobs:status", args=[job.pk]))["HX-Redirect"] == check.get_absolute_url()


def test_it_refuses_text_over_the_cap_with_the_limit_in_japanese(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HOGO_SCAN_MAX_TEXT_CHARS = 50
    client.force_login(staff)
    _upload(client, "名簿.csv", _register(10))
    call_command("run_jobs", "--once")
    check = PublicationCheck.objects.get()
    assert check.verdict == "読込不可"
    assert "本文が長すぎます（上限 50 文字）" in client.get(check.get_absolute_url()).content.decode()


def test_it_fails_a_scan_past_the_time_limit_and_says_so_on_the_list(client, staff, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    settings.HOGO_JOB_SECONDS = 1
    monkeypatch.setattr("hogo.publication.scanning.scan", lambda *args, **kwargs: __import__("time").sleep(30))
    client.force_login(staff)
    _upload(client, "名簿.csv", _register(1))
    call_command("run_jobs", "--once")
    assert not PublicationCheck.objects.exists()
    listing = client.get(reverse("publication:list")).content.decode()
    assert "名簿.csv" in listing and "失敗：処理時間の上限（1秒）を超えたため中止しました。" in listing


def test_it_shows_findings_and_text_a_page_at_a_time(client, staff, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(views, "FINDINGS_PER_PAGE", 10)
    monkeypatch.setattr(views, "BLOCKS_PER_PAGE", 9)
    client.force_login(staff)
    _upload(client, "名簿.csv", _register(12))
    call_command("run_jobs", "--once")
    check = PublicationCheck.objects.get()
    total = check.findings.count()
    assert total > 20
    first = client.get(check.get_absolute_url()).content.decode()
    assert first.count('class="finding ') == 10 and f"{total}件" in first
    assert "1 / 4（1〜9件目）" in first  # 36 cells, 9 a page
    assert "090-1234-0001" in first and "12行目" not in first and "090-1234-0012" not in first
    last = client.get(check.get_absolute_url(), {"page": 99, "text": 4}).content.decode()
    assert last.count('class="finding ') == total - 10 * ((total - 1) // 10)
    assert "090-1234-0012" in last and "12行目" in last and "<p>1行目</p>" not in last
