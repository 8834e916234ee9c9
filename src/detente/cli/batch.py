"""`detente batch` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("batch", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente batch` is not built yet")
