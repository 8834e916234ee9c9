"""`detente demo` and `make demo`: a busy port fails first, in one line naming the port and the way out."""

import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from detente.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def busy_port():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def test_demo_on_a_busy_port_fails_before_loading_anything(busy_port, capsys, no_pipeline, monkeypatch):
    monkeypatch.setattr("detente.web.server.prepare_site", lambda *a, **k: pytest.fail("prepared the site"))
    code = main(["demo", "--port", str(busy_port)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert f"port {busy_port} on 127.0.0.1 is already in use" in err and f"make demo PORT={busy_port + 1}" in err


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_on_a_busy_port_fails_first_with_one_line(busy_port):
    result = subprocess.run(["make", "--no-print-directory", "demo", f"PORT={busy_port}", "VENV=/nonexistent-venv"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    first = result.stderr.splitlines()[0]
    assert result.returncode != 0 and result.stdout == ""
    assert first == f"make demo: port {busy_port} on 127.0.0.1 is already in use: run make demo PORT={busy_port + 1}"
