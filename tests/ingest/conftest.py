"""Fixtures for ingestion tests: texts, pages and feeds written for these tests, and a local web server."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from detente.ingest import SourceContext
from detente.settings import Options

from .samples import ATOM, MENU_PAGE, PAGE, RSS


@pytest.fixture(scope="session")
def ingest_options() -> Options:
    return Options.from_env({})


@pytest.fixture
def ctx(ingest_options) -> SourceContext:
    return SourceContext(ingest_options, "test input", "test")


SLOW_SECONDS = 1.5


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not here"))
        self.send_response(status)
        if 300 <= status < 400:
            self.send_header("Location", body.decode())
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client that gave up (timeout test) is expected
        pass


ROUTES = {
    "/article": (200, "text/html; charset=utf-8", PAGE.encode("utf-8")),
    "/menu": (200, "text/html", MENU_PAGE.encode("utf-8")),
    "/feed": (200, "application/rss+xml", RSS.encode("utf-8")),
    "/atom-as-xml": (200, "application/xml", ATOM.encode("utf-8")),
    "/plain": (200, "text/plain; charset=windows-1252", "Café talks in Zürich ended.".encode("cp1252")),
    "/untyped": (200, "", PAGE.encode("utf-8")),
    "/corpus": (200, "application/x-ndjson",
                b'{"id": "r1", "title": "One", "date": "2020-01-02", "text": "First record."}\n'
                b'{"id": "r2", "title": "Two", "date": "2020-01-03", "text": "Second record."}\n'),
    "/slow": (200, "text/plain", b"Too late to matter."),
    "/gone": (410, "text/plain", b"gone"),
    "/moved": (302, "text/plain", b"/article"),
    "/to-ftp": (302, "text/plain", b"ftp://127.0.0.1/etc/passwd"),
    "/to-file": (301, "text/plain", b"file:///etc/passwd"),
    "/to-data": (307, "text/plain", b"data:text/plain,injected"),
    "/to-moved": (302, "text/plain", b"/moved"),
}


@pytest.fixture(scope="session")
def web_server():
    """A web server on 127.0.0.1 serving the canned ROUTES; yields its base URL."""
    handler = type("CannedHandler", (_Handler,), {"routes": ROUTES})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()
