"""Open the store: configure Django (once per process) and bring the schema up to date.

Used by the CLI, the batch loader, the site's server and the tests.
"""

from __future__ import annotations

import os

import django
from django.core.management import call_command
from django.db import DatabaseError

from detente.errors import StorageError
from detente.settings import Options

from .datadir import prepare_data_dir
from .migrating import schema_lock

_DONE = False


def setup_django(options: Options | None = None, settings_module: str = "detente.web.settings.dev") -> None:
    """Point Django at Detente's settings (honouring an already-set module) and set it up.

    ``options`` values are exported to the environment first so the settings
    module, which reads ``Options.from_env()``, sees the CLI's overrides.
    """
    global _DONE
    if _DONE:
        return
    if options is not None:
        os.environ["DETENTE_DATA_DIR"] = str(options.data_dir)
        if options.database_url:
            os.environ["DATABASE_URL"] = options.database_url
        os.environ.setdefault("DETENTE_SPACY_MODEL", options.spacy_model)
        os.environ["DETENTE_CODER"] = options.coder
        if options.min_confidence is not None:
            os.environ["DETENTE_MIN_CONFIDENCE"] = str(options.min_confidence)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    if options is not None and not options.database_url:
        prepare_data_dir(options.data_dir)
    django.setup()
    _DONE = True


def migrate(verbosity: int = 0, cache_table: bool = False) -> None:
    """Bring the schema up to date (and the cache table), one process at a time: two commands
    started together on a fresh data dir wait for each other instead of racing."""
    with schema_lock():
        call_command("migrate", interactive=False, verbosity=verbosity)
        if cache_table:
            call_command("createcachetable", verbosity=verbosity)


def open_store(options) -> None:
    setup_django(options)
    try:
        migrate()
    except DatabaseError as exc:
        raise StorageError(f"cannot open the database ({exc}); check DATABASE_URL / --database-url "
                           f"or the data directory (--data-dir)") from exc
