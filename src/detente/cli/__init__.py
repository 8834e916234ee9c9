"""The ``detente`` command: parse and validate, then call a plain function.

Each command lives in its own module with ``add_parser(subparsers)`` and
``run(args, options) -> int``. Exit codes: 0 all good, 1 some items failed,
2 bad usage or input, 3 nearly everything failed.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from detente import __version__
from detente.errors import DetenteError, MissingDependencyError
from detente.settings import Options

COMMANDS = ("analyze", "actors", "evaluate", "ingest", "timeline", "events",
            "export", "correct", "serve", "demo", "batch", "load", "info")

log = logging.getLogger("detente.cli")

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_MOST_FAILED = 0, 1, 2, 3

# What the complete `detente` installs and the slim `detente-core` (packaging/detente-core) leaves out, by
# import name: the store and site (Django and its apps, waitress, PostgreSQL), the batch engine (Dask),
# Parquet, DuckDB, timelines and charts. tests/test_packaging.py keeps this in step with the two pyprojects.
FULL_INSTALL_MODULES = frozenset({
    "django", "django_comments", "axes", "django_ratelimit", "argon2", "whitenoise", "waitress", "nh3", "psycopg",
    "ruptures", "pandas", "pyarrow", "duckdb", "dask", "distributed", "matplotlib",
})


def missing_dependency(command: str, exc: ModuleNotFoundError) -> MissingDependencyError | None:
    """The error to show when ``command`` imports a library of the complete install that is absent."""
    module = (exc.name or "").split(".")[0]
    if module not in FULL_INSTALL_MODULES:
        return None
    return MissingDependencyError(
        f"`detente {command}` needs {module}, which is not installed: this is the slim install (detente-core: "
        f"the spaCy components, analyze, actors, eval and info). Install the complete Detente instead: "
        f"`pip uninstall detente-core && pip install detente` (from the repository: `pip install .`)")


def exit_code_for(total: int, failed: int) -> int:
    """0 when nothing failed, 3 when nearly all (>= 90 %) failed, else 1."""
    if failed == 0:
        return EXIT_OK
    if total and failed / total >= 0.9:
        return EXIT_MOST_FAILED
    return EXIT_SOME_FAILED


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log more (-v info, -vv debug)")
    parser.add_argument("--model", dest="spacy_model", default=None,
                        help="spaCy pipeline to load (DETENTE_SPACY_MODEL)")
    parser.add_argument("--data-dir", dest="data_dir", default=None,
                        help="data directory for the embedded database (DETENTE_DATA_DIR)")
    parser.add_argument("--database-url", dest="database_url", default=None,
                        help="database URL, e.g. postgres://... (DATABASE_URL)")
    parser.add_argument("--coder", dest="coder", choices=("model", "rules"), default=None,
                        help="event coder: the trained model (default) or the rules alone (DETENTE_CODER)")
    parser.add_argument("--min-confidence", dest="min_confidence", type=float, default=None,
                        help="keep model events at least this probable, 0-1 (DETENTE_MIN_CONFIDENCE)")
    parser.add_argument("--batch-size", dest="batch_size", type=int, default=None,
                        help="documents per nlp.pipe batch (DETENTE_BATCH_SIZE)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="detente",
        description="Read news about international affairs; code who did what to whom, when and where.")
    parser.add_argument("--version", action="version", version=f"detente {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"detente.cli.{name}")
        command = module.add_parser(sub)
        add_common_options(command)
        command.set_defaults(run=module.run)
    return parser


def configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("detente").setLevel(level)


def log_settings(options) -> None:
    """With -v: which store and model this command uses."""
    if log.isEnabledFor(logging.INFO):
        # imported when the command runs, to keep `detente --help` fast
        from .store import describe_store

        log.info("store: %s", describe_store(options))
        log.info("model: %s; batch size %d", options.spacy_model, options.batch_size)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    try:
        options = Options.from_env(spacy_model=args.spacy_model, data_dir=args.data_dir,
                                   database_url=args.database_url, batch_size=args.batch_size,
                                   coder=args.coder, min_confidence=args.min_confidence)
        log_settings(options)
        return args.run(args, options)
    except ModuleNotFoundError as exc:
        err = missing_dependency(args.command, exc)
        if err is None:
            raise
        print(f"detente: error: {err}", file=sys.stderr)
        return err.exit_code
    except DetenteError as err:
        print(f"detente: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("detente: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run() -> None:  # pragma: no cover - console entry point wrapper
    sys.exit(main())
