"""Claiming queued jobs and running each in a child process under time and memory limits.

The worker (``hogo run-jobs``) is the only process that touches the database
for a job: the child gets plain inputs, does the heavy work (parsing,
scanning) and sends back progress and a result through a pipe. A child that
runs past ``HOGO_JOB_SECONDS`` is killed; one that allocates more than
``HOGO_JOB_MEMORY_MB`` gets a MemoryError (or dies) instead of taking the
server's memory. Either way the job is marked 失敗 with a Japanese reason.
"""

import logging
import multiprocessing
import os
import socket
import time
import traceback
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from hogo.jobs import registry
from hogo.jobs.choices import JobStatus
from hogo.jobs.models import Job

logger = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.5  # seconds between the child's progress reports


class JobError(Exception):
    """The work cannot be done; the message is for the user (Japanese)."""


def worker_name():
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def claim_next():
    """The oldest queued job, now 実行中 for this worker; None when nothing is queued.

    Two workers never claim the same job: on PostgreSQL a worker skips the
    rows another one has locked; SQLite has no row locks, so the claim is an
    update that succeeds only while the row is still 待機中.
    """
    queued = Job.objects.filter(status=JobStatus.QUEUED).order_by("created_at", "pk")
    claim = {"status": JobStatus.RUNNING, "started_at": timezone.now(), "worker": worker_name()}
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            pk = queued.select_for_update(skip_locked=True).values_list("pk", flat=True).first()
            if pk is None:
                return None
            Job.objects.filter(pk=pk).update(**claim)
        return Job.objects.get(pk=pk)
    for pk in queued.values_list("pk", flat=True)[:20]:
        if Job.objects.filter(pk=pk, status=JobStatus.QUEUED).update(**claim):
            return Job.objects.get(pk=pk)
    return None


def _process_alive(pid):
    if pid == os.getpid():
        return False  # the id was reused by this very worker, so the old one is gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fail_abandoned():
    """Fail the jobs left 実行中 by a worker that died; returns how many.

    A job is abandoned when its worker ran on this host and its process is
    gone, or (any host) when it started longer ago than the time limit allows:
    a live worker would have stopped it by then.
    """
    host = socket.gethostname()
    too_old = timezone.now() - timedelta(seconds=settings.HOGO_JOB_SECONDS + 60)
    failed = 0
    for job in Job.objects.filter(status=JobStatus.RUNNING):
        name, _, pid = job.worker.rpartition(":")
        dead = name == host and pid.isdigit() and not _process_alive(int(pid))
        if dead or (job.started_at and job.started_at < too_old):
            _finish(job, JobStatus.FAILED, error="処理中に処理担当（ワーカー）が停止したため中断しました。もう一度登録してください。")
            failed += 1
    return failed


def _address_space():
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _limit_memory(memory_mb):
    """Let the child's address space grow by ``memory_mb`` beyond what it inherited.

    The worker's libraries (Django, the scanner's dictionary) are already
    mapped when the child starts; a fixed total would count them too.
    """
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child_main(compute, inputs, sender, memory_mb):
    _limit_memory(memory_mb)
    last = 0.0

    def progress(done, total, message=""):
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or done >= total:
            last = now
            sender.send(("progress", done, total, message))

    try:
        sender.send(("result", compute(inputs, progress)))
    except JobError as exc:
        sender.send(("error", str(exc)))
    except MemoryError:
        sender.send(("error", f"メモリの上限（{memory_mb:,} MB）を超えたため中止しました。ファイルを分けて登録してください。"))
    except Exception as exc:  # the worker must record every failure, whatever it is
        traceback.print_exc()
        sender.send(("error", f"予期しないエラーのため中止しました（{type(exc).__name__}）。"))


def _save_progress(job, done, total, message):
    job.done, job.total, job.message = done, total, message[:200]
    job.save(update_fields=["done", "total", "message"])


def _run_child(job, compute, inputs):
    """``(result, None)`` from the child, or ``(None, Japanese reason)`` when it failed."""
    seconds, memory_mb = settings.HOGO_JOB_SECONDS, settings.HOGO_JOB_MEMORY_MB
    # fork: the child starts with Django, the scanner and the inputs already in
    # memory; it never uses the inherited database connection.
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(compute, inputs, sender, memory_mb), daemon=True)
    child.start()
    sender.close()
    deadline = time.monotonic() + seconds
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None, (f"処理時間の上限（{seconds:,}秒）を超えたため中止しました。"
                              "ファイルを分けて登録してください。")
            if not receiver.poll(min(left, 1.0)):
                continue
            try:
                message = receiver.recv()
            except EOFError:
                child.join(5)
                return None, (f"処理が異常終了しました（終了コード {child.exitcode}）。"
                              f"メモリの上限（{memory_mb:,} MB）を超えた可能性があります。")
            if message[0] == "progress":
                _save_progress(job, *message[1:])
            elif message[0] == "result":
                return message[1], None
            else:
                return None, message[1]
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


def _finish(job, status, *, error=""):
    job.status, job.error, job.finished_at = status, error[:300], timezone.now()
    if status == JobStatus.DONE:
        job.done = max(job.done, job.total)
    if job.upload:
        # The input is personal data; the result keeps what it needs.
        job.upload.delete(save=False)
    job.save(update_fields=["status", "error", "finished_at", "done", "upload", "result", "result_url"])


def run_job(job):
    """Run one claimed job to 完了 or 失敗."""
    try:
        kind = registry.get(job.kind)
    except KeyError:
        _finish(job, JobStatus.FAILED, error=f"不明な処理の種類です（{job.kind}）。")
        return job
    try:
        inputs = kind.prepare(job)
        result, error = _run_child(job, kind.compute, inputs)
        if error is None:
            kind.finish(job, result)
    except JobError as exc:
        error = str(exc)
    except Exception as exc:  # recorded on the job and in the log, never lost
        logger.exception("job %s failed", job.pk)
        error = f"予期しないエラーのため中止しました（{type(exc).__name__}）。"
    _finish(job, JobStatus.FAILED if error else JobStatus.DONE, error=error or "")
    return job


def run_queued(*, once, poll_seconds=2.0, stop=lambda: False):
    """Run queued jobs one after another; with ``once``, return when the queue is empty."""
    ran = 0
    fail_abandoned()
    while not stop():
        job = claim_next()
        if job is not None:
            run_job(job)
            ran += 1
        elif once:
            break
        else:
            time.sleep(poll_seconds)
    return ran
