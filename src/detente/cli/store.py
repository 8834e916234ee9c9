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


def open_existing_store(options) -> None:
    """Open the store to read or correct it; StorageError when the SQLite file is not there.

    Checked before Django is set up: setting up prepares the data directory (and the
    database file with owner-only modes), which would make a missing store look present."""
    if store_exists(options) is False:
        raise StorageError(
            f"no store at {options.sqlite_path}: run `detente ingest SOURCE` or `detente demo --no-serve` "
            f"to create one, or point --data-dir / DETENTE_DATA_DIR at an existing data directory")
    from detente.django_setup import setup_django

    setup_django(options)
    from django.db import connection

    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor == "sqlite" and not connection.creation.is_in_memory_db(name) \
            and not Path(name).is_file():
        raise StorageError(
            f"no store at {name}: run `detente ingest SOURCE` or `detente demo --no-serve` to create one, "
            f"or point --data-dir / DETENTE_DATA_DIR at an existing data directory")
    from detente.store import setup

    setup.open_store(options)
