"""`detente analyze` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("analyze", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente analyze` is not built yet")
