"""`detente evaluate` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("eval", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente evaluate` is not built yet")
