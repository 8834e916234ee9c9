"""``python -m detente.web.worker [--until-empty]``: one submission job worker.

``detente serve`` starts DETENTE_SUBMIT_WORKERS of these; run more (on this or
another machine sharing the database) for more throughput. Configured from the
environment, like the site; runs at a lower CPU priority than the site.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

import django


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m detente.web.worker",
                                     description="Analyse queued submissions of the site.")
    parser.add_argument("--until-empty", action="store_true", help="stop when no job is waiting")
    parser.add_argument("--parent", type=int, default=None, help="stop when the process with this id is gone")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "detente.web.settings.dev")

    django.setup()
    # waits for Django: django.setup() above
    from .jobs import work

    if hasattr(os, "nice"):
        os.nice(10)  # the site's requests come first
    try:
        work(until_empty=args.until_empty, parent=args.parent)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
