"""`detente actors` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("actors", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente actors` is not built yet")
