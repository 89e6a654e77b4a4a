from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.jobs.models import Job
from hogo.registers.models import Review

HEADINGS = "No,委託の内容,担当部課,実施機関,要配慮個人情報 (有/無),条例要配慮個人情報 (有/無)\n"
GOOD = ("1,ひととき保育の委託,世田谷総合支所保健福祉センター健康づくり課,区長,有,有\n"
        "2,健診受診者の血液検査,北沢総合支所保健福祉センター 健康づくり課,区長,有,無\n"
        "3,児童生徒等の検診業務委託,教育委員会事務局学務課,教育委員会,有,無\n")


def _import(client, text, apply=True):
    data = {"register": "reviews", "criterion": "outsourcing", "file": SimpleUploadedFile("list.csv", text.encode())}
    if apply:
        data["apply"] = "on"
    response = client.post(reverse("registers:import"), data)
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert not Review.objects.exists()  # nothing happens until the worker runs
    call_command("run_jobs", "--once")
    job.refresh_from_db()
    return job


def test_it_imports_in_the_worker_with_progress(client, privacy):
    client.force_login(privacy)
    job = _import(client, HEADINGS + GOOD)
    assert job.get_status_display() == "完了" and (job.done, job.total) == (3, 3)
    assert Review.objects.count() == 3
    page = client.get(job.get_absolute_url(), follow=True).content.decode()
    assert "審査に3件を取り込みました。" in page
    entry = AuditEntry.objects.get(action="import")
    assert entry.user == privacy and "list.csv（3件）" in entry.note


def test_it_keeps_the_row_level_messages_and_creates_nothing(client, privacy):
    client.force_login(privacy)
    job = _import(client, HEADINGS + GOOD + "4,委託,総務部区政情報課,区長,有,なにか\n")
    assert job.get_status_display() == "完了" and not Review.objects.exists()
    page = client.get(job.result_url).content.decode()
    assert "1 行に誤りがあるため、取り込んでいません（全 4 行）。" in page
    assert "「条例要配慮個人情報(有/無)」の「なにか」は有／無として読めません" in page


def test_it_refuses_a_file_over_the_row_limit_naming_the_limit(client, privacy, settings):
    settings.HOGO_IMPORT_MAX_ROWS = 2
    client.force_login(privacy)
    job = _import(client, HEADINGS + GOOD)
    assert job.get_status_display() == "失敗"
    page = client.get(job.get_absolute_url()).content.decode()
    assert "行数が多すぎます（見出しを除き上限 2 行）。ファイルを分けて取り込んでください。" in page


def test_only_the_privacy_office_sees_an_import_result(client, privacy, staff):
    client.force_login(privacy)
    job = _import(client, HEADINGS + GOOD, apply=False)
    assert "全 3 行に誤りはありません。" in client.get(job.result_url).content.decode()
    client.force_login(staff)
    assert client.get(job.result_url).status_code == 403
