"""`detente export` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("export", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente export` is not built yet")
