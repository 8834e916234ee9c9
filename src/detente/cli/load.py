"""`detente load` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("load", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente load` is not built yet")
