"""Which store a command uses, said plainly, and opened without creating one by accident.

Commands that add to the store (ingest, load, demo, serve) create it on first
use. Commands that read or correct it refuse a store that does not exist, so
a command run with another data directory never answers from an empty store.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from detente.errors import StorageError


def describe_store(options) -> str:
    """``SQLite file /home/me/.local/share/detente/detente.sqlite3`` or the URL without its password."""
    if options.database_url:
        return f"database {hide_password(options.database_url)}"
    return f"SQLite file {Path(options.sqlite_path).resolve()}"


def hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def store_exists(options) -> bool | None:
    """True/False for the embedded SQLite store; None (not known without connecting) for a server."""
    if options.database_url:
        return None
    return Path(options.sqlite_path).is_file()


def has_content(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def open_existing_store(options) -> None:
    """Open the store to read or correct it; StorageError when the SQLite file is not there.

    Setting Django up creates an empty, owner-only database file (so SQLite's WAL and SHM
    files take its mode): an empty file is no store either."""
    from detente.store.setup import setup_django

    setup_django(options)
    # waits for Django: set up just above
    from django.db import connection

    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor == "sqlite" and not connection.creation.is_in_memory_db(name) \
            and not has_content(Path(name)):
        if Path(name).is_file():
            Path(name).unlink()          # the empty file setting up made: leave no store behind
        raise StorageError(
            f"no store at {name}: run `detente ingest SOURCE` or `detente demo --no-serve` to create one, "
            f"or point --data-dir / DETENTE_DATA_DIR at an existing data directory")
    # imported when the command runs, to keep `detente --help` fast
    from detente.store import setup

    setup.open_store(options)
