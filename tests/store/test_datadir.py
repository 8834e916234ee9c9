"""The data dir is private: 0700, its secret key and SQLite files (WAL/SHM too) 0600."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from detente.store.datadir import create_private_file, local_secret_key, prepare_data_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


FRESH_START = """
import os, sys
os.umask(0o022)  # the usual umask: files 0644, folders 0755 unless created otherwise
import django
from django.core.management import call_command
from django.db import connection
django.setup()
call_command("migrate", interactive=False, verbosity=0)
with connection.cursor() as cursor:  # keep the WAL and SHM files open while modes are read
    cursor.execute("SELECT count(*) FROM auth_user")
    names = sorted(os.listdir(sys.argv[1]))
    print(" ".join(f"{name}:{os.stat(os.path.join(sys.argv[1], name)).st_mode & 0o777:o}" for name in names))
"""


@pytest.mark.slow
def test_a_fresh_data_dir_is_owner_only_with_its_secrets(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, DETENTE_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="detente.web.settings.dev",
               DATABASE_URL="", DETENTE_SECRET_KEY="")
    out = subprocess.run([sys.executable, "-c", FRESH_START, str(data)], env=env, capture_output=True,
                         text=True, timeout=300, check=True).stdout.split()
    modes = dict(item.split(":") for item in out)
    assert mode(data) == 0o700
    assert {name: modes[name] for name in ("secret_key.txt", "detente.sqlite3", "detente.sqlite3-wal",
                                          "detente.sqlite3-shm")} == dict.fromkeys(
        ("secret_key.txt", "detente.sqlite3", "detente.sqlite3-wal", "detente.sqlite3-shm"), "600")


def test_an_existing_open_data_dir_is_tightened_with_a_warning(tmp_path, caplog):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    for name in ("secret_key.txt", "detente.sqlite3", "detente.sqlite3-wal", "detente.sqlite3-shm"):
        (data / name).write_text("x")
        (data / name).chmod(0o644)
    (data / "static").mkdir()
    (data / "static").chmod(0o755)
    with caplog.at_level(logging.WARNING, logger="detente.store.datadir"):
        prepare_data_dir(data)
    assert mode(data) == 0o700
    assert {mode(data / n) for n in ("secret_key.txt", "detente.sqlite3", "detente.sqlite3-wal",
                                     "detente.sqlite3-shm")} == {0o600}
    assert len(caplog.records) == 5 and "was open to other users (mode 0755)" in caplog.records[0].message
    assert mode(data / "static") == 0o755  # public files stay as they are (the folder above is closed)


def test_a_private_data_dir_gives_no_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="detente.store.datadir"):
        prepare_data_dir(tmp_path / "new")
        local_secret_key(tmp_path / "new")
        prepare_data_dir(tmp_path / "new")
    assert caplog.records == [] and mode(tmp_path / "new" / "secret_key.txt") == 0o600


def test_the_secret_key_is_created_once_even_by_racing_processes(tmp_path):
    keys = []
    threads = [threading.Thread(target=lambda: keys.append(local_secret_key(tmp_path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1 and len(keys[0]) >= 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key.txt"]


def test_create_private_file_keeps_an_existing_file(tmp_path):
    assert create_private_file(tmp_path / "f", "one") is True
    assert create_private_file(tmp_path / "f", "two") is False
    assert (tmp_path / "f").read_text() == "one"
