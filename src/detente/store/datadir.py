"""The data directory is private: the folder owner-only (0700), its secrets 0600.

The folder holds the secret key and, with the embedded default, the SQLite
database (sessions, password hashes) with its WAL and SHM files. They are
created owner-only; a folder or file found readable by other users (made by an
older version, or by hand) is tightened on start, with a warning that says so.
SQLite gives its -wal and -shm files the mode of the database file, so the
database file is created (empty, which SQLite accepts) before SQLite opens it.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from pathlib import Path

log = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600
SECRET_KEY_FILE = "secret_key.txt"
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")
SQLITE_NAMES = tuple(f".sqlite3{suffix}" for suffix in SQLITE_SUFFIXES)


def _tighten(path: Path, mode: int) -> bool:
    """chmod ``path`` to ``mode`` when group or others have any access; True when it changed."""
    current = stat.S_IMODE(path.stat().st_mode)
    if not current & 0o077:
        return False
    path.chmod(mode)
    log.warning("%s was open to other users (mode %04o); made it owner-only (%04o)", path, current, mode)
    return True


def prepare_data_dir(folder: Path) -> Path:
    """Create ``folder`` owner-only, or tighten it and the secrets in it; returns it."""
    folder = Path(folder)
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _tighten(folder, DIR_MODE)
    for child in folder.iterdir():
        secret = child.name == SECRET_KEY_FILE or child.name.endswith(SQLITE_NAMES)
        if secret and child.is_file():
            _tighten(child, FILE_MODE)
    return folder


def create_private_file(path: Path, content: str = "") -> bool:
    """Create ``path`` with mode 0600 holding ``content``, unless it exists; True when created.

    Written to a temporary file and linked into place, so two processes racing
    to create it never see a half-written file.
    """
    path = Path(path)
    if path.exists():
        return False
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(content)
        os.link(temporary, path)
        return True
    except FileExistsError:
        return False
    finally:
        temporary.unlink()


def local_secret_key(folder: Path) -> str:
    """The secret key kept in the data dir (generated, owner-only, on first use)."""
    prepare_data_dir(folder)
    path = Path(folder) / SECRET_KEY_FILE
    create_private_file(path, secrets.token_urlsafe(50))
    return path.read_text().strip()


def prepare_sqlite_file(path: Path) -> None:
    """Create the SQLite file 0600 before SQLite does (its -wal/-shm then get the same mode)."""
    path = Path(path)
    path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    create_private_file(path)
    for suffix in SQLITE_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.is_file():
            _tighten(companion, FILE_MODE)


def secure_databases(databases: dict) -> None:
    """Prepare every SQLite database file named in Django's DATABASES (not in-memory ones)."""
    for config in databases.values():
        name = str(config.get("NAME", ""))
        if config.get("ENGINE", "").endswith("sqlite3") and name and name != ":memory:" \
                and not name.startswith("file:"):
            prepare_sqlite_file(Path(name))
