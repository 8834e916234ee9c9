"""Submissions as background jobs: quick to accept, followed on a status page, never half-published."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.utils import timezone

from detente.errors import NoMainTextError
from detente.store.models import Article
from detente.web import jobs
from detente.web import submission as analysis
from detente.web.models import SubmissionJob

pytestmark = [pytest.mark.db, pytest.mark.django_db]

SENTENCE = "Ankara accused Moscow of bombing its soldiers near Idlib. "


@pytest.fixture
def no_pipeline(monkeypatch):
    """Analysis without spaCy: no events, a fixed model name; counts the calls."""
    calls = []
    monkeypatch.setattr(analysis, "analyse", lambda article: calls.append(article.title) or ([], [], "stub"))
    return calls


def post(client, **data):
    return client.post("/submit/", {"title": "Idlib", "date": "2020-03-03", **data})


def test_a_300000_character_submission_is_accepted_in_under_a_second_with_a_job_page(member_client, monkeypatch):
    monkeypatch.setattr(analysis, "pipeline", lambda: pytest.fail("the request must not analyse"))
    text = (SENTENCE * 6000)[:300_000]
    started = time.perf_counter()
    response = post(member_client, text=text)
    elapsed = time.perf_counter() - started
    job = SubmissionJob.objects.get()
    assert response["Location"] == f"/submit/{job.pk}/" and elapsed < 1.0
    assert (job.state, len(job.text)) == ("queued", 300_000)
    assert 'data-state="queued"' in member_client.get(response["Location"]).content.decode()


def test_the_worker_publishes_the_job_and_the_page_links_the_article(member_client, member, no_pipeline):
    job_url = post(member_client, text=SENTENCE)["Location"]
    job = jobs.run_next_job("w1")
    article = Article.objects.get()
    assert (job.state, job.article_id, article.submitted_by, job.text) == ("done", article.pk, member, "")
    assert f'href="/articles/{article.pk}/"' in member_client.get(job_url).content.decode()


def test_the_worker_prepares_the_timelines_of_the_relationships_it_changed(member_client, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from detente.web.timeline import timeline_data
    from tests.store.factories import record

    records = [record("TUR", "RUS", sentence=SENTENCE.strip(), span=(0, 57)),
               record("USA", "CHN", cameo="042", quad=1, goldstein=1.9, sentence=SENTENCE.strip(), span=(0, 57))]
    monkeypatch.setattr(analysis, "analyse", lambda article: (records, [], "stub"))
    post(member_client, text=SENTENCE)
    assert jobs.run_next_job("w1").state == "done"
    with CaptureQueriesContext(connection) as captured:
        timelines = [timeline_data(dyad, "month") for dyad in ("RUS-TUR", "CHN-USA")]
    assert [t["events"] for t in timelines] == [1, 1]
    assert not [q for q in captured.captured_queries if "store_event" in q["sql"]]  # built by the worker


def test_a_bad_submission_fails_with_its_reason_on_the_page(member_client, monkeypatch, no_pipeline):
    def refuse(**kwargs):
        raise NoMainTextError("the page has no main text; paste the text instead")

    monkeypatch.setattr(analysis, "read_submission", refuse)
    job_url = post(member_client, text=SENTENCE)["Location"]
    assert jobs.run_next_job("w1").state == "failed"
    page = member_client.get(job_url).content.decode()
    assert 'data-state="failed"' in page and "paste the text instead" in page


def test_a_crash_while_storing_publishes_nothing(member_client, monkeypatch, no_pipeline):
    import detente.store.writing as ingest

    real = ingest.store_analysis

    def store_then_break(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "store_analysis", store_then_break)
    post(member_client, text=SENTENCE)
    job = jobs.run_next_job("w1")
    assert job.state == "failed" and "RuntimeError" in job.error and not Article.objects.exists()


def test_a_job_whose_worker_died_is_queued_again_then_done(member_client, no_pipeline):
    post(member_client, text=SENTENCE)
    job = jobs.claim_next("dead-worker")  # claimed, then the worker was killed: no more heartbeats
    later = timezone.now() + dt.timedelta(seconds=jobs.LEASE_SECONDS + 1)
    assert jobs.requeue_stale(later) == 1
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("queued", 1)
    assert jobs.run_next_job("w2").state == "done" and Article.objects.count() == 1


def test_a_job_that_keeps_killing_its_worker_fails_after_the_last_attempt(member_client, no_pipeline):
    post(member_client, text=SENTENCE)
    for attempt in range(jobs.MAX_ATTEMPTS):
        assert jobs.claim_next(f"worker-{attempt}") is not None
        jobs.requeue_stale(timezone.now() + dt.timedelta(seconds=jobs.LEASE_SECONDS + 1))
    job = SubmissionJob.objects.get()
    assert job.state == "failed" and f"{jobs.MAX_ATTEMPTS} times" in job.error
    assert jobs.claim_next("w") is None


def test_two_workers_never_take_the_same_job(member_client, no_pipeline):
    post(member_client, text=SENTENCE)
    assert jobs.claim_next("w1") is not None and jobs.claim_next("w2") is None


def test_a_job_past_its_time_budget_fails_and_the_worker_exits(member_client, no_pipeline):
    post(member_client, text=SENTENCE)
    job = jobs.claim_next("w1")
    assert jobs.over_budget(job.pk, "w1", budget=600) is False  # a heartbeat
    assert jobs.over_budget(job.pk, "w1", budget=600, now=timezone.now() + dt.timedelta(seconds=601)) is True
    job.refresh_from_db()
    assert job.state == "failed" and "time budget of 600 seconds" in job.error


def test_the_watchdog_beats_and_ends_the_worker_on_an_overrun(member_client, no_pipeline):
    exits = []
    post(member_client, text=SENTENCE)
    job = jobs.claim_next("w1")
    watchdog = jobs.Watchdog("w1", budget=60, exit=exits.append)
    watchdog.job_pk = job.pk
    SubmissionJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - dt.timedelta(seconds=30))
    watchdog.beat()
    job.refresh_from_db()
    assert exits == [] and (timezone.now() - job.heartbeat_at).total_seconds() < 5
    SubmissionJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - dt.timedelta(hours=1))
    watchdog.beat()
    job.refresh_from_db()
    assert exits == [jobs.EXIT_TIME_BUDGET] and job.state == "failed"


def test_a_user_may_have_only_the_quota_of_jobs_waiting(member_client, settings, no_pipeline):
    import dataclasses

    settings.DETENTE_OPTIONS = dataclasses.replace(settings.DETENTE_OPTIONS, submit_quota=2)
    statuses = [post(member_client, text=f"{SENTENCE} {i}").status_code for i in range(3)]
    assert statuses == [302, 302, 200] and SubmissionJob.objects.count() == 2
    jobs.run_next_job("w1")
    assert post(member_client, text=SENTENCE + " again").status_code == 302


def test_a_text_over_the_size_limit_is_refused_by_the_form(member_client, settings):
    import dataclasses

    settings.DETENTE_OPTIONS = dataclasses.replace(settings.DETENTE_OPTIONS, submit_max_chars=1000)
    response = post(member_client, text="x" * 1001)
    assert "longer than 1,000 characters" in response.content.decode() and not SubmissionJob.objects.exists()


def test_an_uploaded_file_over_the_size_limit_fails_its_job(member_client, settings, monkeypatch, no_pipeline):
    import dataclasses

    settings.DETENTE_OPTIONS = dataclasses.replace(settings.DETENTE_OPTIONS, submit_max_chars=20)
    upload = __import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
        "story.txt", (SENTENCE * 10).encode())
    member_client.post("/submit/", {"file": upload})
    job = jobs.run_next_job("w1")
    assert job.state == "failed" and "20 characters" in job.error and "DETENTE_SUBMIT_MAX_CHARS" in job.error, job.error


def test_only_the_submitter_and_staff_see_a_job(client, member_client, other_member, staff, no_pipeline):
    job_url = post(member_client, text=SENTENCE)["Location"]
    client.force_login(other_member)
    assert client.get(job_url).status_code == 404
    client.force_login(staff)
    assert client.get(job_url).status_code == 200


SETUP_AND_QUEUE = """
import django
django.setup()
from django.contrib.auth.models import User
from detente.store.setup import migrate
from detente.web.models import SubmissionJob
migrate()
user = User.objects.create_user("sub", "sub@example.org", "a-long-pass-phrase-9")
SubmissionJob.objects.create(user=user, title="Idlib", text="Turkey accused Russia of bombing its soldiers near Idlib.")
"""
CHECK = """
import django
django.setup()
from detente.web.models import SubmissionJob
job = SubmissionJob.objects.get()
print(job.state, job.article.title, job.article.event_mentions.count() > 0)
"""


@pytest.mark.slow
def test_a_worker_process_runs_the_queued_job(tmp_path):
    """`python -m detente.web.worker` (what `detente serve` starts) on a data dir of its own."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, DETENTE_DATA_DIR=str(tmp_path / "data"), DATABASE_URL="",
               DJANGO_SETTINGS_MODULE="detente.web.settings.dev")
    run = dict(env=env, capture_output=True, text=True, timeout=300)
    subprocess.run([sys.executable, "-c", SETUP_AND_QUEUE], check=True, **run)
    worker = subprocess.run([sys.executable, "-m", "detente.web.worker", "--until-empty"], **run)
    assert worker.returncode == 0, worker.stderr
    assert subprocess.run([sys.executable, "-c", CHECK], check=True, **run).stdout.split() == ["done", "Idlib", "True"]


def test_the_supervisor_restarts_a_worker_that_exits(monkeypatch):
    import subprocess
    import sys

    spawned = []

    def spawn(self):
        code = "import sys; sys.exit(3)" if not spawned else "import time; time.sleep(60)"
        spawned.append(subprocess.Popen([sys.executable, "-c", code]))
        return spawned[-1]

    monkeypatch.setattr(jobs.WorkerSupervisor, "_spawn", spawn)
    monkeypatch.setattr(jobs.WorkerSupervisor, "RESTART_DELAY", 0.0)
    supervisor = jobs.WorkerSupervisor(1)
    supervisor.start()
    deadline = time.monotonic() + 20
    while len(spawned) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    supervisor.stop()
    assert len(spawned) == 2 and spawned[0].returncode == 3 and spawned[1].poll() is not None


def test_serve_runs_the_workers_beside_waitress_and_stops_them_after(monkeypatch, settings):
    import dataclasses
    import signal

    import waitress

    from detente.web import server

    calls = []
    settings.DETENTE_OPTIONS = dataclasses.replace(settings.DETENTE_OPTIONS, submit_workers=2)
    monkeypatch.setattr(jobs.WorkerSupervisor, "start", lambda self: calls.append(("start", self.count)))
    monkeypatch.setattr(jobs.WorkerSupervisor, "stop", lambda self: calls.append(("stop", self.count)))
    monkeypatch.setattr(server, "warm_busiest_timelines", lambda: calls.append(("warm", 0)))

    def serve(app, **kwargs):
        calls.append(("serve", kwargs["port"]))
        raise KeyboardInterrupt  # Ctrl-C

    monkeypatch.setattr(waitress, "serve", serve)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(KeyboardInterrupt):
            server.serve_site("127.0.0.1", 8123, 2)
        assert signal.getsignal(signal.SIGTERM) is server._stop_on_sigterm
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert calls == [("warm", 0), ("start", 2), ("serve", 8123), ("stop", 2)]


# --- waking a worker: the database (default) or Redis -------------------------------------------

def test_by_default_a_worker_polls_the_database(settings):
    assert isinstance(jobs.wakeup(), jobs.DatabasePolling)


@pytest.fixture
def redis_wakeup(settings, monkeypatch):
    """A RedisWakeup on the local Redis, on a list of its own; skipped (saying why) without a Redis server."""
    import dataclasses
    import uuid

    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"no Redis server at {url} ({exc})")
    settings.DETENTE_OPTIONS = dataclasses.replace(settings.DETENTE_OPTIONS, queue_url=url)
    monkeypatch.setattr(jobs.RedisWakeup, "KEY", f"detente-test:{uuid.uuid4().hex}")
    monkeypatch.setattr(jobs.RedisWakeup, "REDIS_WAIT_SECONDS", 1)
    monkeypatch.setattr(jobs, "_WAKEUP", None)
    wakeup = jobs.wakeup()
    yield wakeup
    wakeup.client.delete(wakeup.key)


def test_with_redis_a_new_job_wakes_a_waiting_worker_at_once(member_client, redis_wakeup,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(member_client, text=SENTENCE)
    job = SubmissionJob.objects.get()
    assert redis_wakeup.client.lrange(redis_wakeup.key, 0, -1) == [str(job.pk).encode()]
    started = time.perf_counter()
    redis_wakeup.wait(jobs.POLL_SECONDS)
    assert time.perf_counter() - started < 0.5 and redis_wakeup.client.llen(redis_wakeup.key) == 0


def test_with_redis_a_worker_without_news_still_looks_again(redis_wakeup):
    started = time.perf_counter()
    redis_wakeup.wait(jobs.POLL_SECONDS)
    assert 0.9 < time.perf_counter() - started < 3


def test_an_unreachable_redis_never_loses_the_job(member_client, settings, monkeypatch,
                                                  django_capture_on_commit_callbacks, no_pipeline):
    import dataclasses

    settings.DETENTE_OPTIONS = dataclasses.replace(settings.DETENTE_OPTIONS, queue_url="redis://127.0.0.1:9/0")
    monkeypatch.setattr(jobs, "_WAKEUP", None)
    with django_capture_on_commit_callbacks(execute=True):
        assert post(member_client, text=SENTENCE).status_code == 302
    assert jobs.run_next_job("w1").state == "done"


def test_a_superuser_sees_failed_jobs_and_their_reason_in_the_admin(client, django_user_model, member):
    SubmissionJob.objects.create(user=member, title="Broken", state=SubmissionJob.State.FAILED,
                                 error="[E104] no main text")
    admin_user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-Adm1n-long")
    client.force_login(admin_user)
    listing = client.get("/admin/web/submissionjob/?state__exact=failed")
    assert listing.status_code == 200 and b"Broken" in listing.content
    assert client.get("/admin/web/submissionjob/add/").status_code == 403
