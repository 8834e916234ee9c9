"""`detente serve`: migrate, collect static files, and serve the site with waitress."""

from __future__ import annotations

import sys

from detente.errors import OptionError


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "serve", help="serve the web site (waitress; SQLite in the data dir, or DATABASE_URL)",
        description="Migrate the database, collect static files into the data dir and serve the site.")
    add_server_options(parser)
    return parser


def add_server_options(parser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")


def check_server_options(args) -> None:
    if not 0 < args.port < 65536:
        raise OptionError(f"--port must be between 1 and 65535, got {args.port}")
    if args.threads < 1:
        raise OptionError(f"--threads must be at least 1, got {args.threads}")


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from detente.web.server import prepare_site, serve_site

    check_server_options(args)
    prepare_site(options, verbosity=min(args.verbose, 1))
    print(f"Detente is at http://{args.host}:{args.port}/ (Ctrl-C stops it)", file=sys.stderr)
    serve_site(args.host, args.port, args.threads)
    return 0
