"""Run the site: migrate, create the cache table, collect static files, serve with waitress."""

from __future__ import annotations

import logging
import signal
import sys

import waitress
from django.conf import settings
from django.core.management import call_command

log = logging.getLogger(__name__)


def _stop_on_sigterm(signum, frame) -> None:
    sys.exit(0)


def prepare_site(options, verbosity: int = 0) -> None:
    """Configure Django and bring the database and static files up to date."""

    from detente.store.setup import migrate, setup_django

    setup_django(options)
    migrate(verbosity, cache_table=True)
    call_command("collectstatic", interactive=False, verbosity=verbosity)


def warm_up() -> None:
    """Import the slow-to-import libraries now, not during the first timeline request
    (ruptures pulls in SciPy: seconds on a busy machine)."""
    # slow to import: imported here, at start, on purpose
    import ruptures  # noqa: F401


def serve_site(host: str, port: int, threads: int) -> None:
    """Serve the WSGI application with waitress until interrupted, with the submission job
    workers (DETENTE_SUBMIT_WORKERS processes) running beside it."""
    # waits for Django: prepare_site() has set Django up by now

    from .jobs import WorkerSupervisor
    from .wsgi import application

    warm_up()
    signal.signal(signal.SIGTERM, _stop_on_sigterm)  # so the workers are stopped too
    workers = WorkerSupervisor(settings.DETENTE_OPTIONS.submit_workers)
    workers.start()
    log.info("serving on http://%s:%s/ with %d threads and %d submission workers", host, port, threads,
             workers.count)
    try:
        waitress.serve(application, host=host, port=port, threads=threads, ident="detente",
                       connection_limit=400, channel_timeout=60)
    finally:
        workers.stop()
