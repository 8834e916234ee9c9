"""`detente demo`: store the sample articles in the data dir, then serve the site."""

from __future__ import annotations

import socket
import sys

from detente.errors import OptionError

from .serve import add_server_options, check_server_options


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "demo", help="load the sample articles into the data dir and serve the site",
        description="Check that the port is free, analyse the repository's sample articles (skipping "
                    "stored ones, with a progress bar) and serve the site.")
    add_server_options(parser)
    parser.add_argument("--no-serve", action="store_true", help="load the samples, then exit")
    parser.add_argument("--staff-user", metavar="NAME", default=None,
                        help="create (or reset) a staff account NAME and print its password")
    return parser


def ensure_port_free(host: str, port: int) -> None:
    """OptionError naming the port (and the way out) when something already listens on it."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        raise OptionError(f"--host {host}: cannot be resolved ({exc.strerror})") from None
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            raise OptionError(f"port {port} on {host} is already in use: stop what uses it or pick another "
                              f"port, e.g. `make demo PORT={port + 1}` or `detente demo --port {port + 1}`") from None


def load_samples(options):
    """Load the samples with a bar: articles done of the total, rate and ETA."""
    # imported when the command runs, to keep `detente --help` fast
    from detente.pipeline import load_pipeline
    from detente.web.demo import demo_sources, load_demo, samples_dir

    from .progress import count_articles, progress_bar

    total = count_articles([source.path for source in demo_sources(samples_dir())])
    print("demo: loading the spaCy pipeline ...", file=sys.stderr, flush=True)
    nlp = load_pipeline(options)
    with progress_bar("demo", total) as update:
        return load_demo(options, nlp=nlp, progress=update)


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from detente.web.demo import create_staff_user
    from detente.web.server import prepare_site, serve_site

    from . import exit_code_for

    check_server_options(args)
    if not args.no_serve:
        ensure_port_free(args.host, args.port)
    print(f"demo: store: {_store(options)}", file=sys.stderr, flush=True)
    prepare_site(options, verbosity=min(args.verbose, 1))
    report = load_samples(options)
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


def _store(options) -> str:
    # imported when the command runs, to keep `detente --help` fast
    from .store import describe_store

    return describe_store(options)
