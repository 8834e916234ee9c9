"""Schema changes one process at a time: commands started together on a fresh database do not race."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from types import SimpleNamespace

import pytest

from detente.store.migrating import schema_lock


def test_the_schema_lock_lets_one_holder_in_at_a_time(tmp_path):
    connection = SimpleNamespace(vendor="sqlite", settings_dict={"NAME": str(tmp_path / "detente.sqlite3")})
    inside, overlaps = [], []

    def hold():
        with schema_lock(connection):
            inside.append(1)
            overlaps.append(len(inside))
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=hold) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [1, 1, 1, 1]


OPEN_STORE = """
import sys
from detente.settings import Options
from detente.store.setup import open_store
open_store(Options.from_env())
print("ok")
"""


def start_together(env: dict, count: int = 2) -> list[subprocess.CompletedProcess]:
    processes = [subprocess.Popen([sys.executable, "-c", OPEN_STORE], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(count)]
    return [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in processes]


@pytest.mark.slow
def test_two_commands_on_a_fresh_sqlite_data_dir_both_succeed(tmp_path):
    env = dict(os.environ, DETENTE_DATA_DIR=str(tmp_path / "data"), DATABASE_URL="",
               DJANGO_SETTINGS_MODULE="detente.web.settings.dev")
    results = start_together(env)
    assert [(code, out.strip()) for code, out, _ in results] == [(0, "ok"), (0, "ok")], results


@pytest.mark.slow
@pytest.mark.postgres
def test_two_commands_on_a_fresh_postgresql_database_both_succeed(tmp_path):
    psycopg = pytest.importorskip("psycopg")
    base = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    server = base.rsplit("/", 1)[0]
    name = f"detente_race_{os.getpid()}"
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable at {server} ({exc})")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            env = dict(os.environ, DATABASE_URL=f"{server}/{name}", DETENTE_DATA_DIR=str(tmp_path / "data"),
                       DJANGO_SETTINGS_MODULE="detente.web.settings.dev")
            results = start_together(env)
        finally:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    assert [(code, out.strip()) for code, out, _ in results] == [(0, "ok"), (0, "ok")], results
