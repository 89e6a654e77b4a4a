import os
import socket
import subprocess
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from hogo.jobs import registry, runner
from hogo.jobs.models import Job
from hogo.jobs.registry import Kind


def _count(inputs, progress):
    for done in range(1, inputs["n"] + 1):
        progress(done, inputs["n"])
    return {"counted": inputs["n"]}


def _record_count(job, result):
    # What the worker had stored as progress when the result arrived.
    job.result = {**result, "progress_seen": Job.objects.get(pk=job.pk).done}


def _sleep(inputs, progress):
    progress(0, 1)
    time.sleep(30)


def _allocate(inputs, progress):
    return len(bytearray(2 * 1024 * 1024 * 1024))


def _nothing(job, result):
    pass


@pytest.fixture
def kinds():
    registry.register("tests.count", Kind("数える", lambda job: {"n": 5}, _count, _record_count))
    registry.register("tests.sleep", Kind("待つ", lambda job: {}, _sleep, _nothing))
    registry.register("tests.allocate", Kind("確保する", lambda job: {}, _allocate, _nothing))
    yield
    for name in ("tests.count", "tests.sleep", "tests.allocate"):
        registry.unregister(name)


def _job(kind, owner):
    return Job.objects.create(kind=kind, owner=owner, division=owner.division, filename="名簿.csv")


def test_it_runs_a_queued_job_to_done_and_records_progress(kinds, staff):
    job = _job("tests.count", staff)
    assert job.get_status_display() == "待機中"
    call_command("run_jobs", "--once")
    job.refresh_from_db()
    assert job.get_status_display() == "完了" and job.error == ""
    assert job.result == {"counted": 5, "progress_seen": 5}
    assert (job.done, job.total, job.percent) == (5, 5, 100)
    assert job.started_at <= job.finished_at and job.worker.startswith(socket.gethostname())


def test_it_fails_a_job_that_runs_past_its_time_limit(kinds, staff, settings):
    settings.HOGO_JOB_SECONDS = 1
    job = _job("tests.sleep", staff)
    started = time.monotonic()
    call_command("run_jobs", "--once")
    assert time.monotonic() - started < 10
    job.refresh_from_db()
    assert job.get_status_display() == "失敗"
    assert job.error.startswith("処理時間の上限（1秒）を超えたため中止しました。")


def test_it_fails_a_job_that_takes_more_memory_than_allowed(kinds, staff, settings):
    settings.HOGO_JOB_MEMORY_MB = 64
    job = _job("tests.allocate", staff)
    call_command("run_jobs", "--once")
    job.refresh_from_db()
    assert job.get_status_display() == "失敗"
    assert "メモリの上限（64 MB）" in job.error


def test_it_fails_jobs_left_running_by_a_worker_that_died(kinds, staff):
    gone = subprocess.Popen(["true"])
    gone.wait()
    job = _job("tests.count", staff)
    Job.objects.filter(pk=job.pk).update(status="running", worker=f"{socket.gethostname()}:{gone.pid}")
    alive = _job("tests.count", staff)
    Job.objects.filter(pk=alive.pk).update(status="running", worker=f"{socket.gethostname()}:{os.getppid()}")
    call_command("run_jobs", "--once")
    job.refresh_from_db()
    alive.refresh_from_db()
    assert job.get_status_display() == "失敗" and "停止したため中断しました" in job.error
    assert alive.get_status_display() == "実行中"  # its worker is still there


def test_it_claims_a_job_only_once(kinds, staff):
    job = _job("tests.count", staff)
    assert runner.claim_next().pk == job.pk
    assert runner.claim_next() is None
    job.refresh_from_db()
    assert job.get_status_display() == "実行中"


def test_it_fails_a_job_of_an_unknown_kind(staff):
    job = _job("tests.unknown", staff)
    call_command("run_jobs", "--once")
    job.refresh_from_db()
    assert job.get_status_display() == "失敗" and "不明な処理の種類" in job.error


def test_it_shows_progress_to_its_division_only(kinds, client, staff, other_staff):
    job = _job("tests.count", staff)
    Job.objects.filter(pk=job.pk).update(status="running", done=30, total=120)
    client.force_login(staff)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "実行中" in page and "30 / 120 件（25%）" in page and 'hx-trigger="every 1s"' in page
    client.force_login(other_staff)
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404
