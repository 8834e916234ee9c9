"""Open the store from a command: configure Django and bring the schema up to date."""

from __future__ import annotations

from detente.errors import StorageError


def open_store(options) -> None:
    from django.db import DatabaseError

    from detente.django_setup import migrate, setup_django

    setup_django(options)
    try:
        migrate()
    except DatabaseError as exc:
        raise StorageError(f"cannot open the database ({exc}); check DATABASE_URL / --database-url "
                           f"or the data directory (--data-dir)") from exc
