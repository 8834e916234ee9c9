"""Load the web site on loopback: the article page and the timeline API.

Seeds a data dir with the demo samples plus N synthetic events (bulk insert),
starts `detente serve` (waitress) in its own process, then drives it with wrk
when installed, or with the bounded thread-pool client below (a fixed number of
requests and a time limit, whichever comes first). Prints requests/s, p50/p99
latency and errors per target. Target (#15): p99 < 100 ms at 8 connections on two
cores with 100,000 events, on SQLite and PostgreSQL, no errors.

`--backends sqlite,postgresql` runs the whole bench once per back end, one after
the other in one run (each in its own process: Django is configured once per
process); PostgreSQL is the database of `--postgres-url`, emptied first.
`--browser` also times, in headless Chromium (/usr/bin/chromium), the first
render of relationship pages nobody asked for yet: from navigation until the chart
is drawn.

    python bench/bench_web.py [--events 100000] [--seconds 15] [--connections 8] [--cold] [--browser]
                              [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

COUNTRIES = ["RUS", "TUR", "USA", "CHN", "IRN", "SYR", "UKR", "FRA", "DEU", "ISR", "SAU", "EGY"]
THEATRES = ["Syria", "Libya", "Caucasus", "Energy", "Arms", ""]
CODES = {1: [("036", 4.0), ("051", 3.4), ("042", 1.9)], 2: [("061", 6.4), ("062", 7.4), ("071", 7.4)],
         3: [("112", -2.0), ("138", -7.0), ("128", -4.0)], 4: [("190", -10.0), ("183", -10.0), ("173", -5.0)]}


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def report(self, name: str) -> str:
        done = sorted(self.latencies)
        rate = len(done) / self.seconds if self.seconds else 0.0
        p50 = done[len(done) // 2] * 1000 if done else float("nan")
        p99 = done[min(len(done) - 1, int(len(done) * 0.99))] * 1000 if done else float("nan")
        return f"{name}: {len(done)} requests, {rate:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, errors {self.errors}"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=None,
                        help="data dir to seed, or seeded before: what is stored is topped up (default: a new "
                             "temporary one); with --backends, one sub-folder per back end, and the PostgreSQL "
                             "database is kept (not emptied)")
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events to add")
    parser.add_argument("--seconds", type=float, default=15.0, help="load duration per target")
    parser.add_argument("--max-requests", type=int, default=50_000, help="request cap per target (Python client)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto",
                        help="load generator: wrk when installed (auto), or the Python client")
    parser.add_argument("--skip-demo", action="store_true", help="do not analyse the sample articles")
    parser.add_argument("--backends", default="",
                        help="comma-separated back ends to run the bench on, one after the other: sqlite, "
                             "postgresql (default: the one DATABASE_URL names, else SQLite)")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/detente_bench",
                        help="the PostgreSQL database --backends postgresql seeds (created if missing, emptied)")
    parser.add_argument("--browser", action="store_true",
                        help="also time the first render of relationship pages in headless Chromium")
    parser.add_argument("--cold", action="store_true",
                        help="also time each page once per distinct URL with every cache cleared first "
                             "(in process, Django's test client): the cost a cache miss pays")
    return parser.parse_args(argv)


def setup(data_dir: Path):
    os.environ["DETENTE_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "detente.web.settings.dev")
    from detente.settings import Options
    from detente.web.server import prepare_site

    options = Options.from_env(data_dir=str(data_dir))
    prepare_site(options)
    return options


def synthetic_event(rng: random.Random, index: int):
    import datetime as dt

    from detente.store.models import Event
    from detente.store.rows import dyad_key, fingerprint

    a, b = ("RUS", "TUR") if rng.random() < 0.2 else rng.sample(COUNTRIES, 2)
    quad = rng.randint(1, 4)
    code, goldstein = rng.choice(CODES[quad])
    day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(5800))
    return Event(fingerprint=fingerprint(a, b, quad), dyad=dyad_key(a, b), source_code=f"{a}GOV", source_country=a,
                 source_name=a, source_kind="state", target_code=f"{b}GOV", target_country=b, target_name=b,
                 target_kind="state", cameo=code, cameo_root=code[:2], quad_class=quad, goldstein=goldstein,
                 date_start=day, date_end=day, date_granularity="day", theatre=rng.choice(THEATRES),
                 confidence=0.5, mention_count=rng.randint(1, 5))


def add_synthetic_events(count: int, batch: int = 5000) -> float:
    from detente.store.models import Event

    rng, started = random.Random(7), time.perf_counter()
    for offset in range(0, count, batch):
        Event.objects.bulk_create([synthetic_event(rng, offset + i) for i in range(min(batch, count - offset))])
    return time.perf_counter() - started


def busiest_article() -> int:
    from django.db.models import Count

    from detente.store.models import Article

    article = Article.objects.annotate(n=Count("event_mentions")).order_by("-n", "id").first()
    if article is None:
        raise SystemExit("no article stored: run without --skip-demo (the samples are needed)")
    return article.pk


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data_dir: Path, port: int, threads: int) -> subprocess.Popen:
    command = [sys.executable, "-c", "from detente.cli import run; run()", "serve", "--data-dir", str(data_dir),
               "--port", str(port), "--threads", str(threads)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start within 120 s")


def worker(port: int, path: str, deadline: float, budget: list, lock: threading.Lock, result: Result) -> None:
    connection = HTTPConnection("127.0.0.1", port, timeout=10)
    while time.perf_counter() < deadline:
        with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except OSError:
            ok = False
            connection.close()
            connection = HTTPConnection("127.0.0.1", port, timeout=10)
        with lock:
            if ok:
                result.latencies.append(time.perf_counter() - started)
            else:
                result.errors += 1


def python_load(port: int, path: str, seconds: float, connections: int, max_requests: int) -> Result:
    result, lock, budget = Result(), threading.Lock(), [max_requests]
    started = time.perf_counter()
    deadline = started + seconds
    threads = [threading.Thread(target=worker, args=(port, path, deadline, budget, lock, result))
               for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


def _ms(text: str) -> float:
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk_load(port: int, path: str, seconds: float, connections: int) -> str:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--latency",
                          f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, timeout=seconds + 60).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p50 = _ms(re.search(r"50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"99%\s+(\S+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    total = re.search(r"(\d+) requests in", out).group(1)
    return f"{total} requests, {float(rate):.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, errors {errors}"


def load(port: int, name: str, path: str, args) -> str:
    warm = HTTPConnection("127.0.0.1", port, timeout=300)
    warm.request("GET", path)  # fill the caches once, and wait for it
    status = warm.getresponse()
    status.read()
    if status.status != 200:
        return f"{name}: {path} answered {status.status}"
    if args.client == "wrk" or (args.client == "auto" and shutil.which("wrk")):
        return f"{name} (wrk): " + wrk_load(port, path, args.seconds, args.connections)
    return python_load(port, path, args.seconds, args.connections, args.max_requests).report(f"{name} (python client)")


def seed(args, data_dir: Path) -> int:
    options = setup(data_dir)
    from detente.store.models import Event

    if not args.skip_demo:
        from detente.web.demo import load_demo

        started = time.perf_counter()
        report = load_demo(options)
        print(f"demo: {report.added} articles, {report.events} events in {time.perf_counter() - started:.1f} s")
    missing = args.events - Event.objects.filter(source_name__in=COUNTRIES).count()
    if missing > 0:
        print(f"synthetic: {missing} events inserted in {add_synthetic_events(missing):.1f} s")
    print(f"events stored: {Event.objects.count()}")
    from django.db import connection

    from detente.store.bulk import analyze

    analyze()  # as the bulk loader does after a load
    if connection.vendor == "postgresql":  # as autovacuum would, in time: the visibility map
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")
    return busiest_article()


COLD_URLS = {
    "home page": ["/?page=1", "/?page=2", "/?page=3"],
    "relationship page": [f"/relations/{d}/?by={b}" for d in ("RUS-TUR", "CHN-USA", "IRN-ISR")
                          for b in ("month", "quarter")],
    "explorer": ["/events/?page=1", "/events/?page=2", "/events/?sort=goldstein",
                 "/events/?actor=RUS,TUR&quad_class=4", "/events/?theatre=Syria&sort=-mentions"],
    "map page": ["/map/", "/map/?quad_class=4", "/map/?actor=RUS"],
    "search": ["/?q=Syria", "/?q=pipeline", "/?q=Turkey"],
    "article page": [],  # the three articles with most events, found once seeded (cold_urls)
    "events API": ["/api/events?actor=RUS-TUR&sort=-goldstein", "/api/events?page=3", "/api/events?q=Syria"],
}


def cold_urls() -> dict[str, list[str]]:
    from django.db.models import Count

    from detente.store.models import Article

    busiest = Article.objects.annotate(n=Count("event_mentions")).order_by("-n", "id").values_list("id", flat=True)
    return {**COLD_URLS, "article page": [f"/articles/{pk}/" for pk in busiest[:3]]}


def cold_timings() -> None:
    """Each URL once, every cache level cleared before it: median and worst per page (wall clock), and the
    CPU time this process spent on it (SQLite runs in process; PostgreSQL's own work is not in it)."""
    import statistics

    from django.conf import settings
    from django.core.cache import caches
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/")  # imports (as `detente serve` does at start) and the first connection are not a cache miss
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    for name, paths in cold_urls().items():
        times, cpu = [], []
        for path in paths:
            for alias in settings.CACHES:
                caches[alias].clear()
            started, cpu_started = time.perf_counter(), time.process_time()
            status = client.get(path).status_code
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            if status != 200:
                print(f"{name}: {path} answered {status}")
        print(f"{name} (cold): median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms "
              f"(CPU median {statistics.median(cpu):.0f} ms, worst {max(cpu):.0f} ms) over {len(paths)} URLs",
              flush=True)


def reset_postgres(url: str) -> None:
    """An empty database at ``url`` (dropped and created again through the server's 'postgres' database)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def run_backends(args, argv: list[str]) -> int:
    """The bench once per back end, each in a process of its own, one after the other."""
    status = 0
    rest = [a for i, a in enumerate(argv) if a != "--backends" and (i == 0 or argv[i - 1] != "--backends")
            and not a.startswith("--backends=")]
    rest = [a for i, a in enumerate(rest) if a != "--data-dir" and (i == 0 or rest[i - 1] != "--data-dir")
            and not a.startswith("--data-dir=")]
    for backend in (b.strip() for b in args.backends.split(",")):
        env = dict(os.environ)
        env.pop("DATABASE_URL", None)
        if backend not in ("sqlite", "postgresql"):
            raise SystemExit(f"unknown back end {backend!r}: use sqlite or postgresql")
        if backend == "postgresql":
            if not args.data_dir:  # a data dir given: seeded before, top it up
                reset_postgres(args.postgres_url)
            env["DATABASE_URL"] = args.postgres_url
        data_dir = ["--data-dir", str(Path(args.data_dir) / backend)] if args.data_dir else []
        print(f"== {backend} ==", flush=True)
        status |= subprocess.run([sys.executable, __file__, *rest, *data_dir], env=env).returncode
    return status


FIRST_RENDERS = [f"/relations/{d}/?by={b}" for d, b in (("DEU-FRA", "quarter"), ("EGY-SAU", "quarter"),
                                                         ("SYR-UKR", "year"), ("CHN-IRN", "week"))]


def browser_first_renders(port: int) -> None:
    """Headless Chromium opens relationship pages nobody has asked for (a new browser context each: no
    cached script or style, and the site's caches cleared first): milliseconds from navigation until the
    chart's bars are drawn."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        for path in FIRST_RENDERS:
            context = browser.new_context()
            page = context.new_page()
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.wait_for_selector("#timeline-chart[data-loaded=true] svg rect", timeout=30000)
            times.append((time.perf_counter() - started) * 1000)
            context.close()
        browser.close()
    print(f"relationship page, first render in the browser: worst {max(times):.0f} ms, "
          f"{', '.join(f'{t:.0f}' for t in times)} ms over {len(times)} pages nobody had asked for", flush=True)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.backends:
        return run_backends(args, argv)
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="detente-bench-web-"))
    article = seed(args, data_dir)
    if args.cold:
        cold_timings()
    from django.core.cache import caches

    caches["default"].clear()  # the database cache table: nothing left from an earlier run on this data dir
    port = free_port()
    server = start_server(data_dir, port, args.threads)
    try:
        targets = {"home page": "/", "article page": f"/articles/{article}/",
                   "relationship page": "/relations/RUS-TUR/?by=month",
                   "explorer (newest first)": "/events/", "explorer (filtered)": "/events/?actor=RUS,TUR&quad_class=4",
                   "search": "/?q=Syria", "timeline API": "/api/timeline?a=RUS&b=TUR&by=month",
                   "events API": "/api/events?actor=RUS-TUR&sort=-goldstein", "map page": "/map/"}
        for name, path in targets.items():
            print(load(port, name, path, args), flush=True)
        if args.browser:  # after the load: the server's start-up work (warming the busiest timelines) is done
            browser_first_renders(port)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
