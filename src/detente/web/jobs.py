"""Submissions are analysed in background jobs; the database table is the queue.

The submit view only checks the form and stores a ``SubmissionJob`` (queued);
the submitter follows it on its status page. A worker process (started by
``detente serve``, ``DETENTE_SUBMIT_WORKERS`` of them, or run anywhere as
``python -m detente.web.worker``) claims the oldest queued job with a
conditional UPDATE (so two workers never take the same one, on SQLite or
PostgreSQL), reads, analyses and publishes it, and marks it done in the same
transaction as the article is stored: a job is never half-published.

While it works, a watchdog thread of the worker refreshes the job's
heartbeat; a job past its time budget (``DETENTE_SUBMIT_SECONDS``) is marked
failed and the worker exits (the analysis cannot be interrupted otherwise;
``detente serve`` starts a new one). A job whose worker died (no heartbeat
for ``LEASE_SECONDS``) is queued again, up to ``MAX_ATTEMPTS`` tries, then
failed with that reason. Workers run at a lower CPU priority than the site.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import subprocess
import sys
import threading
import time

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

try:  # an optional dependency (pip install 'detente[redis]'), used only when DETENTE_QUEUE_URL names Redis
    import redis
except ImportError:
    redis = None

from detente.errors import DetenteError, OptionError
from detente.store import writing

from . import submission
from .models import SubmissionJob
from .timeline import article_dyads, bump_version, warm_timelines

log = logging.getLogger(__name__)

State = SubmissionJob.State
MAX_ATTEMPTS = 3
LEASE_SECONDS = 60
HEARTBEAT_SECONDS = 5
POLL_SECONDS = 1.0
EXIT_TIME_BUDGET = 75


# --- the web side ------------------------------------------------------------------------------

def pending(user) -> int:
    """The user's submissions waiting or being analysed."""
    return SubmissionJob.objects.filter(user=user, state__in=(State.QUEUED, State.ANALYSING)).count()


def enqueue(user, data: dict) -> SubmissionJob:
    """A queued job holding the submission as given (the file's bytes, not yet decoded);
    a worker is woken once it is committed."""
    upload = data.get("file")
    job = SubmissionJob.objects.create(
        user=user, title=data.get("title") or "", date=data.get("date"), text=data.get("text") or "",
        url=data.get("url") or "", file_name=upload.name[:255] if upload else "",
        file_data=upload.read() if upload else None)
    transaction.on_commit(lambda: wakeup().notify(job.pk))
    return job


# --- how a worker learns of a new job: polling the database, or a Redis list ---------------------

class DatabasePolling:
    """The embedded default: nothing to notify; a waiting worker looks again after POLL_SECONDS."""

    def notify(self, job_pk: int) -> None:
        pass

    def wait(self, seconds: float) -> None:
        time.sleep(seconds)


class RedisWakeup:
    """DETENTE_QUEUE_URL=redis://...: each new job pushes its id to a list, and a waiting worker
    blocks on that list, so it starts at once. Only a hint: the job is claimed from the database,
    so a lost or duplicated message changes nothing, and without one a worker still looks every
    ``REDIS_WAIT_SECONDS``."""

    KEY = "detente:submission-jobs"
    REDIS_WAIT_SECONDS = 5

    def __init__(self, url: str, key: str | None = None):
        if redis is None:
            raise OptionError("DETENTE_QUEUE_URL names Redis, but the redis client is not installed: "
                              "pip install 'detente[redis]'")
        self.client = redis.Redis.from_url(url, socket_timeout=self.REDIS_WAIT_SECONDS + 5)
        self.key = key or self.KEY

    def notify(self, job_pk: int) -> None:
        try:
            self.client.rpush(self.key, job_pk)
        except redis.RedisError as exc:  # the job is queued in the database all the same
            log.warning("could not wake a worker through Redis (%s); it will find the job by itself", exc)

    def wait(self, seconds: float) -> None:
        try:
            self.client.blpop([self.key], timeout=max(1, int(self.REDIS_WAIT_SECONDS)))
        except redis.RedisError as exc:
            log.warning("Redis unreachable (%s); looking in the database", exc)
            time.sleep(seconds)


_WAKEUP = None


def wakeup():
    """The wake-up of DETENTE_QUEUE_URL (one per process)."""
    global _WAKEUP
    url = settings.DETENTE_OPTIONS.queue_url
    if _WAKEUP is None or getattr(_WAKEUP, "url", "") != url:
        _WAKEUP = RedisWakeup(url) if url else DatabasePolling()
        _WAKEUP.url = url
    return _WAKEUP


# --- the worker side ---------------------------------------------------------------------------

def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def requeue_stale(now: dt.datetime | None = None) -> int:
    """Jobs whose worker stopped showing signs of life: queued again, or failed after MAX_ATTEMPTS."""
    now = now or timezone.now()
    stale = SubmissionJob.objects.filter(state=State.ANALYSING, heartbeat_at__lt=now - dt.timedelta(seconds=LEASE_SECONDS))
    stale.filter(attempts__gte=MAX_ATTEMPTS).update(
        state=State.FAILED, finished_at=now, worker="",
        error=f"The analysis stopped {MAX_ATTEMPTS} times without finishing; the article may be too hard "
              f"to analyse. Try a shorter text.")
    return stale.update(state=State.QUEUED, worker="")


def claim_next(worker: str) -> SubmissionJob | None:
    """The oldest queued job, now marked analysing by ``worker``; None when the queue is empty."""
    requeue_stale()
    while True:
        candidate = (SubmissionJob.objects.filter(state=State.QUEUED).order_by("created_at", "id")
                     .values_list("pk", flat=True).first())
        if candidate is None:
            return None
        now = timezone.now()
        taken = SubmissionJob.objects.filter(pk=candidate, state=State.QUEUED).update(
            state=State.ANALYSING, worker=worker, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1)
        if taken:
            return SubmissionJob.objects.get(pk=candidate)


class JobTakenAway(Exception):
    """The job stopped being this worker's (failed by the watchdog, or requeued) while it ran."""


def _finish(job: SubmissionJob, **fields) -> int:
    return SubmissionJob.objects.filter(pk=job.pk, state=State.ANALYSING, worker=job.worker).update(
        finished_at=timezone.now(), text="", file_data=None, **fields)


def run_job(job: SubmissionJob) -> None:
    """Read, analyse and publish one claimed job; its outcome is written to the job."""
    try:
        article = submission.read_submission(title=job.title, date=job.date, text=job.text, url=job.url,
                                             file_name=job.file_name, file_data=job.file_data or b"")
        records, actors, model_name = submission.analyse(article)
        with transaction.atomic():  # the article and the job's "done" together, or neither
            result = writing.store_analysis(article, records, actors, model_name=model_name, submitted_by=job.user)
            if not _finish(job, state=State.DONE, article=result.article, already_published=not result.created):
                raise JobTakenAway(job.pk)  # roll the article back: the job's state says otherwise
    except JobTakenAway:
        return
    except DetenteError as err:
        _finish(job, state=State.FAILED, error=err.message)
        return
    except Exception as exc:  # noqa: BLE001 - one bad submission must not stop the worker
        log.exception("submission %s failed", job.pk)
        _finish(job, state=State.FAILED, error=f"The analysis failed ({type(exc).__name__}); it is logged.")
        return
    bump_version()
    warm_timelines(article_dyads(result.article))  # the relationships it changed, ready for their readers


def run_next_job(worker: str | None = None) -> SubmissionJob | None:
    """Claim and run one job; the job as it ended, or None when none was waiting."""
    job = claim_next(worker or worker_id())
    if job is None:
        return None
    run_job(job)
    job.refresh_from_db()
    return job


def over_budget(job_pk: int, worker: str, budget: float, now: dt.datetime | None = None) -> bool:
    """Refresh the job's heartbeat; past its budget, mark it failed and say so (True)."""
    now = now or timezone.now()
    jobs = SubmissionJob.objects.filter(pk=job_pk, state=State.ANALYSING, worker=worker)
    started = jobs.values_list("started_at", flat=True).first()
    if started is None:
        return False
    if (now - started).total_seconds() > budget:
        jobs.update(state=State.FAILED, finished_at=now, text="", file_data=None,
                    error=f"The analysis took longer than its time budget of {budget:.0f} seconds; "
                          f"submit a shorter text.")
        return True
    jobs.update(heartbeat_at=now)
    return False


class Watchdog(threading.Thread):
    """Beats for the current job; ends the process when the job runs past its budget."""

    def __init__(self, worker: str, budget: float, exit=os._exit, parent: int | None = None):
        super().__init__(daemon=True, name="detente-job-watchdog")
        self.worker, self.budget, self.exit, self.parent = worker, budget, exit, parent
        self.job_pk: int | None = None

    def run(self) -> None:
        while True:
            time.sleep(HEARTBEAT_SECONDS)
            if self.parent is not None and os.getppid() != self.parent:
                log.warning("the process that started this worker is gone; stopping")
                self.exit(0)  # a job in hand is queued again by the next worker (no heartbeat)
            self.beat()
            close_old_connections()

    def beat(self) -> None:
        job_pk = self.job_pk
        if job_pk is not None and over_budget(job_pk, self.worker, self.budget):
            log.warning("submission %s ran past its time budget; restarting the worker", job_pk)
            self.exit(EXIT_TIME_BUDGET)


def work(until_empty: bool = False, parent: int | None = None) -> int:
    """The worker loop: claim, run, repeat (polling when the queue is empty); with ``parent``,
    the worker stops when that process (``detente serve``) is gone."""
    worker = worker_id()
    watchdog = Watchdog(worker, settings.DETENTE_OPTIONS.submit_seconds, parent=parent)
    watchdog.start()
    done = 0
    while True:
        close_old_connections()
        job = claim_next(worker)
        if job is None:
            if until_empty:
                return done
            wakeup().wait(POLL_SECONDS)
            continue
        watchdog.job_pk = job.pk
        run_job(job)
        watchdog.job_pk = None
        done += 1


# --- run by `detente serve` ---------------------------------------------------------------------

class WorkerSupervisor:
    """Keeps ``count`` worker processes running (restarted when one exits) until stopped."""

    RESTART_DELAY = 2.0

    def __init__(self, count: int):
        self.count = count
        self.processes: list[subprocess.Popen] = []
        self.stopping = threading.Event()

    def _spawn(self) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "detente.web.worker", "--parent", str(os.getpid())],
                                env=dict(os.environ))

    def _watch(self, slot: int) -> None:
        while not self.stopping.is_set():
            code = self.processes[slot].wait()
            if self.stopping.is_set():
                return
            log.warning("submission worker exited (%s); starting another", code)
            time.sleep(self.RESTART_DELAY)
            self.processes[slot] = self._spawn()

    def start(self) -> None:
        for slot in range(self.count):
            self.processes.append(self._spawn())
            threading.Thread(target=self._watch, args=(slot,), daemon=True, name="detente-job-supervisor").start()

    def stop(self) -> None:
        self.stopping.set()
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
