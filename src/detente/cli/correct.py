"""`detente correct` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("correct", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente correct` is not built yet")
