"""`detente timeline` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("timeline", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente timeline` is not built yet")
