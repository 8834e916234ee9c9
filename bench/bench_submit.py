"""A 300,000-character submission while eight readers load the site, on loopback.

Seeds a data dir (one article and N synthetic events), starts `detente serve`
(waitress plus its submission worker process), logs in, and measures: the
time the submit POST takes to answer (target < 1 s, with a job page), then
p50/p99 of the article page and the timeline API under 8 concurrent readers,
first idle, then while the worker analyses the submission (target p99 < 300 ms
on two cores). One run; prints the figures.

    PYTHONPATH=src .venv/bin/python bench/bench_submit.py [--events 20000] [--seconds 15]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import add_synthetic_events, free_port, python_load, setup, start_server  # noqa: E402

PASSWORD = "a-long-bench-pass-phrase-7"
SENTENCE = "Ankara accused Moscow of bombing its soldiers near Idlib, and Moscow denied it. "


def seed(data_dir: Path, events: int) -> int:
    import datetime as dt

    setup(data_dir)
    from django.contrib.auth.models import User

    from detente.model import Article
    from detente.store.writing import store_analysis

    User.objects.create_user("bench", "bench@example.org", PASSWORD)
    article = store_analysis(Article(text=SENTENCE * 40, title="Bench", date=dt.date(2020, 3, 1), source="bench"),
                             []).article
    add_synthetic_events(events)
    return article.pk


class Browser:
    """Just enough of a browser: cookies and the CSRF token of the last form."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response, text

    def log_in(self) -> None:
        self.request("GET", "/accounts/login/")
        response, _ = self.request("POST", "/accounts/login/", {"username": "bench", "password": PASSWORD})
        if response.status != 302:
            raise SystemExit(f"log-in failed ({response.status})")


def job_state(browser: Browser, path: str) -> str:
    _, page = browser.request("GET", path)
    match = re.search(r'data-state="(\w+)"', page)
    return match.group(1) if match else "?"


def wait_for(browser: Browser, path: str, states: set[str], seconds: float) -> str:
    deadline = time.time() + seconds
    state = job_state(browser, path)
    while state not in states and time.time() < deadline:
        time.sleep(0.5)
        state = job_state(browser, path)
    return state


def readers(port: int, article: int, seconds: float, label: str) -> None:
    for name, path in (("article page", f"/articles/{article}/"), ("timeline API", "/api/timeline?a=RUS&b=TUR")):
        print(python_load(port, path, seconds, 8, 100_000).report(f"{label}, {name}"), flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--chars", type=int, default=300_000)
    args = parser.parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="detente-bench-submit-"))
    article = seed(data_dir, args.events)
    port = free_port()
    server = start_server(data_dir, port, 8)
    try:
        browser = Browser(port)
        browser.log_in()
        for path in (f"/articles/{article}/", "/api/timeline?a=RUS&b=TUR"):
            browser.request("GET", path)  # warm the caches
        readers(port, article, args.seconds, "idle")
        browser.request("GET", "/submit/")
        text = (SENTENCE * (args.chars // len(SENTENCE) + 1))[:args.chars]
        started = time.perf_counter()
        response, _ = browser.request("POST", "/submit/", {"title": "Bench submission", "text": text})
        answered = time.perf_counter() - started
        job = response.getheader("Location", "")
        print(f"submit of {len(text):,} characters: answered {response.status} in {answered * 1000:.0f} ms -> {job}")
        state = wait_for(browser, job, {"analysing", "done", "failed"}, 120)
        print(f"job state before the readers: {state}")
        readers(port, article, args.seconds, "during analysis")
        print(f"job state after the readers: {job_state(browser, job)}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
