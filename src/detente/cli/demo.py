"""`detente demo` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("demo", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente demo` is not built yet")
