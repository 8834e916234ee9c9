"""Run the site: migrate, create the cache table, collect static files, serve with waitress."""

from __future__ import annotations

import logging
import signal
import sys
import threading

import waitress
from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections

log = logging.getLogger(__name__)


def _stop_on_sigterm(signum, frame) -> None:
    sys.exit(0)


def prepare_site(options, verbosity: int = 0) -> None:
    """Configure Django and bring the database and static files up to date."""

    from detente.store.setup import migrate, setup_django

    setup_django(options)
    migrate(verbosity, cache_table=True)
    call_command("collectstatic", interactive=False, verbosity=verbosity)


WARM_DYADS = 10


def warm_busiest_timelines() -> None:
    """In a background thread at start: the timelines of the busiest relationships, built and cached
    before anyone asks (a cache still holding them from the last run makes this quick)."""
    # waits for Django: the timelines read the store's models, set up by prepare_site()
    from .timeline import busiest_dyads, warm_timelines

    def run() -> None:
        try:
            warm_timelines(busiest_dyads(WARM_DYADS))
        except Exception:  # noqa: BLE001 - an optimisation: the pages build what is missing
            log.exception("could not prepare the busiest relationships' timelines")
        finally:
            close_old_connections()

    threading.Thread(target=run, name="detente-warm-timelines", daemon=True).start()


def serve_site(host: str, port: int, threads: int) -> None:
    """Serve the WSGI application with waitress until interrupted, with the submission job
    workers (DETENTE_SUBMIT_WORKERS processes) running beside it."""
    # waits for Django: prepare_site() has set Django up by now

    from .jobs import WorkerSupervisor
    from .wsgi import application

    warm_busiest_timelines()  # imports the timeline code (ruptures, matplotlib) now, not on the first request
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
