"""`detente demo`: store the sample articles in the data dir, then serve the site."""

from __future__ import annotations

import sys

from .serve import add_server_options, check_server_options


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "demo", help="load the sample articles into the data dir and serve the site",
        description="Analyse the repository's sample articles (skipping stored ones) and serve the site.")
    add_server_options(parser)
    parser.add_argument("--no-serve", action="store_true", help="load the samples, then exit")
    parser.add_argument("--staff-user", metavar="NAME", default=None,
                        help="create (or reset) a staff account NAME and print its password")
    return parser


def run(args, options) -> int:
    from detente.web.demo import create_staff_user, load_demo
    from detente.web.server import prepare_site, serve_site

    from . import exit_code_for

    check_server_options(args)
    prepare_site(options, verbosity=min(args.verbose, 1))
    report = load_demo(options)
    print(f"demo: {report.added} articles added, {report.skipped} already stored, "
          f"{report.events} events, {len(report.failures)} failed", file=sys.stderr)
    for where, error in report.failures:
        print(f"  failed: {where}: {error}", file=sys.stderr)
    if args.staff_user:
        name, password = create_staff_user(args.staff_user)
        print(f"staff account: {name} / {password}", file=sys.stderr)
    if args.no_serve:
        return exit_code_for(report.added + report.skipped + len(report.failures), len(report.failures))
    print(f"Detente is at http://{args.host}:{args.port}/ (Ctrl-C stops it)", file=sys.stderr)
    serve_site(args.host, args.port, args.threads)
    return 0
