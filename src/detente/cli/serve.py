"""`detente serve` (not built yet)."""

from detente.errors import DetenteError


def add_parser(subparsers):
    return subparsers.add_parser("serve", help="(not built yet)")


def run(args, options) -> int:
    raise DetenteError("`detente serve` is not built yet")
