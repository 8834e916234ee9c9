"""`detente ingest` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("ingest", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente ingest` is not built yet")
