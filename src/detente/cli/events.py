"""`detente events` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("events", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente events` is not built yet")
