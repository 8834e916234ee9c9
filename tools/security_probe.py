"""A bounded, loopback-only security probe: SSRF, a parameter fuzz of every page and API
endpoint, and the bad-input set of the command line. Prints tries and failures per part.

    PYTHONPATH=src .venv/bin/python tools/security_probe.py ssrf
    PYTHONPATH=src .venv/bin/python tools/security_probe.py fuzz [--database-url postgres://...]
    PYTHONPATH=src .venv/bin/python tools/security_probe.py badinput

ssrf: internal listeners on 127.0.0.2 (and ::1 where available) count every
connection they receive; the public-only fetcher is sent at them by every
address notation, every scheme and redirect chains (301/302/303/307/308, one
and two hops) from a "public" redirector (127.0.0.1, the only address the probe
lets count as public). A failure is a connection reaching an internal listener,
or a refusal message that differs between an open and a closed port.

fuzz: every URL of the site (GET, and POST where it takes one; anonymous,
member and staff) with hostile values in every parameter it reads and in
the path; a failure is a 5xx answer, or an /api/ error that is not problem JSON.
Runs in-process (Django's test client) on a seeded throwaway database: SQLite
in a temporary data dir, or the PostgreSQL database given (it is migrated and
written to: give one of your own).

badinput: `detente analyze` and `detente batch` on damaged and hostile inputs;
a failure is a traceback, or an exit code of 0 for an input with nothing good in it.
Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import http.server
import io
import os
import socket
import sys
import tempfile
import threading
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

# --- SSRF -----------------------------------------------------------------------------------

class Listener:
    """A TCP listener that counts connections (and answers a tiny HTTP page to each)."""

    def __init__(self, host: str, family=socket.AF_INET):
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.bind((host, 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            try:
                conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nInternal secret: Turkey accused Russia.")
            finally:
                conn.close()


class Redirector(http.server.BaseHTTPRequestHandler):
    """/CODE/TARGET answers CODE with Location TARGET; /hop/CODE/TARGET redirects to /CODE/TARGET first."""

    def do_GET(self):  # noqa: N802
        parts = self.path.split("/", 3)
        if parts[1] == "hop":
            location = "/" + parts[2] + "/" + parts[3]
            code = 302
        else:
            code, location = int(parts[1]), parts[2] + ("/" + parts[3] if len(parts) > 3 else "")
        from urllib.parse import unquote

        self.send_response(code)
        self.send_header("Location", unquote(location))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def internal_targets(v4: Listener, v6: Listener | None) -> list[str]:
    p = v4.port
    hosts = ["127.0.0.2", "2130706434", "0x7f000002", "0x7f.0.0.2", "017700000002", "0177.0.0.2", "127.2",
             "127.0.2", "[::ffff:127.0.0.2]", "[::ffff:7f00:2]", "[0:0:0:0:0:ffff:7f00:2]", "[::127.0.0.2]",
             "[64:ff9b::7f00:2]", "[64:ff9b::127.0.0.2]", "[2002:7f00:2::]", "internal.test", "mixed.test",
             "localhost", "127.0.0.2.", "0.0.0.0", "0"]
    urls = [f"http://{h}:{p}/" for h in hosts] + [f"https://{h}:{p}/" for h in hosts[:4]]
    urls += [f"ftp://127.0.0.2:{p}/etc/passwd", f"ftp://{hosts[1]}:{p}/x", "file:///etc/passwd",
             f"gopher://127.0.0.2:{p}/_x", f"dict://127.0.0.2:{p}/info", "data:text/plain,secret",
             f"HTTP://127.0.0.2:{p}/", f"http://user@127.0.0.2:{p}/", f"http://127.0.0.2:{p}@127.0.0.2:{p}/"]
    if v6 is not None:
        urls += [f"http://[::1]:{v6.port}/", f"http://[0:0:0:0:0:0:0:1]:{v6.port}/", f"http://ip6-localhost:{v6.port}/"]
    return urls


def probe_ssrf() -> tuple[int, int]:
    from detente.errors import DetenteError
    from detente.ingest import fetch as fetch_module
    from detente.ingest import iter_articles
    from detente.settings import Options

    internal = Listener("127.0.0.2")
    try:
        internal6 = Listener("::1", socket.AF_INET6)
    except OSError:
        internal6 = None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    public = f"http://public.test:{server.server_address[1]}"

    real_check, real_resolve = fetch_module.is_public_address, fetch_module.socket.getaddrinfo

    def resolve(host, *args, **kwargs):  # the probe's own DNS: names for the redirector and the targets
        names = {"public.test": ["127.0.0.1"], "internal.test": ["127.0.0.2"], "mixed.test": ["8.8.8.8", "127.0.0.2"]}
        if host in names:
            return [info for address in names[host] for info in real_resolve(address, *args, **kwargs)]
        return real_resolve(host, *args, **kwargs)

    fetch_module.is_public_address = lambda address: address == "127.0.0.1" or real_check(address)
    fetch_module.socket.getaddrinfo = resolve
    options = Options.from_env({}, fetch_timeout=3)
    targets = internal_targets(internal, internal6)
    urls = list(targets)
    for code in (301, 302, 303, 307, 308):
        urls += [f"{public}/{code}/{target}" for target in targets]
        urls += [f"{public}/hop/{code}/{target}" for target in targets[:8]]
    tries = leaks = 0
    try:
        for url in urls:
            tries += 1
            try:
                items = list(iter_articles(url, options, public_only=True))
                leaks += 1
                print(f"  LEAK (fetched): {url} -> {items[:1]}")
            except DetenteError:
                pass
        oracle = _port_oracle(iter_articles, options, internal.port)
    finally:
        fetch_module.is_public_address, fetch_module.socket.getaddrinfo = real_check, real_resolve
        server.shutdown()
    connections = internal.connections + (internal6.connections if internal6 else 0)
    print(f"ssrf: {tries} URLs tried, {connections} connections reached an internal listener, "
          f"{leaks} fetched, port oracle: {'yes' if oracle else 'no'}")
    return tries, connections + leaks + oracle


def _port_oracle(iter_articles, options, open_port: int) -> int:
    from detente.errors import DetenteError

    probe = socket.socket()
    probe.bind(("127.0.0.2", 0))
    closed = probe.getsockname()[1]
    probe.close()
    messages = set()
    for port in (open_port, closed):
        try:
            list(iter_articles(f"http://127.0.0.2:{port}/", options, public_only=True))
        except DetenteError as err:
            messages.add(err.message.replace(str(port), "PORT"))
    return int(len(messages) != 1)


# --- parameter fuzz -------------------------------------------------------------------------

HOSTILE = ["", " ", "\x00", "a\x00b", "%00", "'", "\"", "' OR 1=1 --", "<script>alert(1)</script>", "-1", "0",
           "99999999999999999999", "1e9", "NaN", "2020-02-30", "0000-00-00", "9999-12-31", "..", "../../etc/passwd",
           "RUS-TUR-USA", "rus-tur", "\u202e", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
           "Ω" * 300, "x" * 5000, "%", "%%", "\\", "{}", "[]", "null", "true", "\r\nSet-Cookie: a=b", "*", "?", "#"]
GET_PARAMS = ["q", "theatre", "by", "dyad", "actor", "code", "quad_class", "start", "end", "status", "page",
              "page_size", "a", "b", "next", "flagged", "o", "p", "e", "all", "sort", "modality", "source", "bbox",
              "compare", "fmt"]


def _routes(article: int, event: int, comment: int, job: int) -> list[tuple[str, str]]:
    gets = ["/", "/articles/{a}/", "/events/", "/events/{e}/", "/relations/RUS-TUR/", "/relations/RUS-TUR/chart.png",
            "/submit/", "/accounts/login/", "/accounts/register/", "/accounts/password_reset/",
            "/accounts/password_change/", "/api/articles", "/api/articles/{a}", "/api/events", "/api/timeline",
            "/api/openapi.json", "/admin/", "/admin/login/", "/admin/store/event/", "/admin/store/article/",
            "/admin/detente_comments/detentecomment/", "/comments/{c}/edit/", "/comments/posted/", "/submit/{j}/",
            "/map/", "/events/download.csv", "/events/download.json", "/api/events/{e}",
            "/admin/web/submissionjob/"]
    posts = ["/accounts/login/", "/admin/login/", "/accounts/register/", "/accounts/password_reset/", "/submit/",
             "/comments/post/", "/comments/{c}/edit/", "/comments/{c}/delete/", "/comments/{c}/flag/",
             "/comments/{c}/moderate/", "/events/{e}/correct/", "/events/{e}/reject/", "/events/{e}/restore/",
             "/api/events"]
    fill = {"a": article, "e": event, "c": comment, "j": job}
    return [("GET", g.format(**fill)) for g in gets] + [("POST", p.format(**fill)) for p in posts]


PATHS = ["/submit/{v}/", "/articles/{v}/", "/events/{v}/", "/relations/{v}/", "/relations/{v}/chart.png", "/api/articles/{v}",
         "/comments/{v}/edit/", "/api/events/{v}", "/events/download.{v}"]
FORM_FIELDS = ["username", "password", "email", "password1", "password2", "title", "date", "text", "url", "comment",
               "object_pk", "content_type", "parent", "cameo", "source", "target", "note", "action", "honeypot",
               "security_hash", "timestamp", "name"]


def probe_fuzz(database_url: str) -> tuple[int, int]:
    data = Path(tempfile.mkdtemp(prefix="detente-probe-"))
    (data / "static").mkdir()
    os.environ.update(DETENTE_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="detente.web.settings.dev",
                      DATABASE_URL=database_url, DETENTE_EMAIL_URL="console:")
    import django
    from django.conf import settings

    django.setup()
    import logging

    for noisy in ("django", "axes"):  # warnings by the thousand; statuses are counted
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DETENTE_RATE_LOGIN = settings.DETENTE_RATE_REGISTER = settings.DETENTE_RATE_COMMENT = "100000/m"
    settings.DETENTE_RATE_SUBMIT = settings.DETENTE_RATE_RESET_ADDRESS = settings.DETENTE_RATE_RESET_CLIENT = "100000/m"
    settings.AXES_FAILURE_LIMIT = 10**6  # the lockout log stays on (it stores headers), without locking the probe out
    from detente.store.setup import migrate

    migrate(cache_table=True)
    clients, ids = _seed()
    tries = failures = 0
    requests = _fuzz_requests(ids)
    for who, client in clients.items():
        for method, path, params, headers in requests:
            tries += 1
            send = client.get if method == "GET" else client.post
            response = send(path, params, **headers)
            bad = response.status_code >= 500
            if path.startswith("/api/") and response.status_code >= 400:
                bad = bad or response.get("Content-Type") != "application/problem+json"
            if bad:
                failures += 1
                if failures <= 20:
                    print(f"  FAIL {who} {method} {path} {str(params)[:80]!r}: {response.status_code}")
    backend = "PostgreSQL" if database_url else "SQLite"
    print(f"fuzz ({backend}): {tries} requests, {failures} failures (5xx, or an /api/ error not problem+json)")
    return tries, failures


def _seed():
    import datetime as dt

    from django.contrib.auth.models import User
    from django.contrib.contenttypes.models import ContentType
    from django.test import Client

    from detente.model import Article
    from detente.store.writing import store_analysis
    from detente.web.comments.models import DetenteComment
    from detente.web.demo import create_staff_user

    text = "Ankara accused Moscow of bombing its soldiers in Idlib."
    record = {"sentence": text, "sentence_index": 0, "span": [0, len(text)],
              "source": {"code": "TURGOV", "country": "TUR", "name": "Turkey", "kind": "state", "text": "Ankara"},
              "target": {"code": "RUSGOV", "country": "RUS", "name": "Russia", "kind": "state", "text": "Moscow"},
              "cameo": "112", "cameo_root": "11", "quad_class": 3, "goldstein": -2.0, "modality": "asserted",
              "date": {"start": "2020-02-27", "end": "2020-02-27", "granularity": "day", "text": "", "basis": "explicit"},
              "theatre": "Syria", "confidence": 0.9}
    article = store_analysis(Article(text=text, title="Probe", date=dt.date(2020, 3, 1), source="probe",
                                     url="javascript:alert(1)"), [record]).article
    member, _ = User.objects.get_or_create(username="member", defaults={"email": "member@example.org"})
    comment = DetenteComment.objects.create(content_type=ContentType.objects.get_for_model(article),
                                            object_pk=str(article.pk), site_id=1, comment="First.", user=member)
    staff = User.objects.get(username=create_staff_user("probe-analyst")[0])
    clients = {"anonymous": Client(raise_request_exception=False)}
    for name, user in (("member", member), ("staff", staff)):
        clients[name] = Client(raise_request_exception=False)
        clients[name].force_login(user)
    from detente.store.models import EventMention

    event = EventMention.objects.filter(article=article).values_list("event_id", flat=True).first()
    from detente.web.models import SubmissionJob

    job = SubmissionJob.objects.create(user=member, title="Probe", text=text)
    return clients, {"article": article.pk, "event": event, "comment": comment.pk, "job": job.pk}


HEADERS = ["HTTP_USER_AGENT", "HTTP_REFERER", "HTTP_ACCEPT_LANGUAGE", "HTTP_X_FORWARDED_FOR", "HTTP_COOKIE"]


def _fuzz_requests(ids: dict) -> list[tuple[str, str, dict, dict]]:
    from urllib.parse import quote

    requests = []
    for method, path in _routes(ids["article"], ids["event"], ids["comment"], ids["job"]):
        names = GET_PARAMS if method == "GET" else FORM_FIELDS
        login = {"username": "member", "password": "wrong"} if method == "POST" else {}
        for value in HOSTILE:
            if method == "GET":
                requests.append((method, path, {name: value for name in names[:6]}, {}))
                requests.append((method, path, {name: value for name in names[6:]}, {}))
            else:
                requests.append((method, path, {name: value for name in names}, {}))
        for name in names:
            requests.append((method, path, {name: "\x00"}, {}))
        for header in HEADERS:
            requests.append((method, path, login, {header: "probe\x00" + "x" * 300}))
            requests.append((method, path, login, {header: "\xe9" * 3000}))
    for template in PATHS:
        for value in HOSTILE:
            requests.append(("GET", template.format(v=quote(value, safe="")), {}, {}))
    return requests


# --- bad input for the command line ---------------------------------------------------------

def bad_inputs(folder: Path) -> dict[str, bytes]:
    import gzip
    import json

    good = json.dumps({"id": "ok", "title": "t", "date": "2020-01-01", "text": "Turkey accused Russia."}).encode()
    lines = gzip.compress(good + b"\n")
    return {
        "nested-array.jsonl": b"[" * 200_000 + b"\n",
        "nested-object.jsonl": b'{"text": "x", "meta": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001 + b"\n",
        "deep-meta.jsonl": b'{"text": "x", "meta": ' + b'[' * 500 + b"1" + b"]" * 500 + b"}\n",
        "corrupt-deflate.jsonl.gz": lines + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"\xff" * 64,
        "truncated.jsonl.gz": gzip.compress((good + b"\n") * 2000)[:300],
        "not-gzip.jsonl.gz": b"plain text, not gzip",
        "binary.txt": bytes(range(256)) * 20,
        "empty.txt": b"",
        "nul.txt": b"Turkey\x00accused\x00Russia." * 3,
        "bad-utf8.jsonl": b'{"id": "x", "text": "\xff\xfe\xfa"}\n',
        "array.json": b'[{"text": "one"}]',
        "not-an-object.jsonl": b'"just a string"\n42\nnull\n',
        "huge-number.jsonl": b'{"text": "x", "id": ' + b"9" * 5000 + b"}\n",
        "bad-date.jsonl": b'{"text": "Turkey accused Russia.", "date": "2020-02-30"}\n',
        "empty.jsonl.gz": gzip.compress(b""),
    }


def probe_bad_input(with_batch: bool) -> tuple[int, int]:
    from detente.cli import main

    folder = Path(tempfile.mkdtemp(prefix="detente-badinput-"))
    files = bad_inputs(folder)
    runs = []
    for name, content in files.items():
        (folder / name).write_bytes(content)
        runs.append(["analyze", str(folder / name), "--format", "jsonl"])
    runs += [["analyze", u, "--format", "jsonl"] for u in ("ftp://127.0.0.1/etc/passwd", "file:///etc/passwd",
                                                              "data:text/plain,x", "gopher://127.0.0.1/")]
    runs.append(["ingest", *[str(folder / n) for n in files], "ftp://127.0.0.1/x", "--data-dir", str(folder / "data")])
    if with_batch:
        runs += [["batch", str(folder / n), "--out", str(folder / f"out-{n}"), "--workers", "1"]
                 for n in ("nested-array.jsonl", "nested-object.jsonl", "corrupt-deflate.jsonl.gz",
                           "truncated.jsonl.gz", "not-an-object.jsonl")]
    tries = failures = 0
    for argv in runs:
        tries += 1
        out, err = io.StringIO(), io.StringIO()
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = main(argv)
        except BaseException as exc:  # noqa: BLE001 - anything escaping main() is a failure
            code, err = -1, io.StringIO(f"escaped main(): {type(exc).__name__}: {exc}")
        text = err.getvalue()
        if argv[0] == "batch":  # a partition lost to an exception is a failure too
            text += "".join(p.read_text(errors="replace") for p in Path(argv[3]).glob("*.jsonl"))
        if "Traceback" in text or code == -1 or "partition failed" in text:
            failures += 1
            print(f"  FAIL {' '.join(argv)[:100]}: exit {code}: {text.strip().splitlines()[-1][:200]}")
    print(f"badinput: {tries} commands, {failures} with a traceback or a lost batch partition")
    return tries, failures


def main_probe(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", choices=("ssrf", "fuzz", "badinput"))
    parser.add_argument("--database-url", default="", help="PostgreSQL database of your own for the fuzz")
    parser.add_argument("--no-batch", action="store_true", help="badinput: skip `detente batch` (starts Dask)")
    args = parser.parse_args(argv)
    if args.part == "ssrf":
        tries, failures = probe_ssrf()
    elif args.part == "fuzz":
        tries, failures = probe_fuzz(args.database_url)
    else:
        tries, failures = probe_bad_input(not args.no_batch)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main_probe())
