"""`detente batch INPUT... --out DIR`: analyse corpora on Dask into partitioned Parquet."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from detente.cli import exit_code_for
from detente.errors import InputError


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "batch", help="analyse JSONL/Parquet corpora on Dask into partitioned Parquet (resumable)",
        description="Analyse corpora on a Dask cluster. Rerun the same command to resume a killed job.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="corpus files or folders of them: .jsonl, .jsonl.gz or .parquet "
                             "(fields id, title, date, text, url, source)")
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--scheduler", default=None,
                        help="address of a running Dask scheduler (default: start a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    parser.add_argument("--threads-per-worker", type=int, default=1,
                        help="threads per local worker (1 suits spaCy best)")
    parser.add_argument("--partition-size", type=int, default=500, help="articles per partition")
    parser.add_argument("--no-progress", action="store_true", help="do not show the progress bar")
    return parser


class ProgressBar:
    """A rich bar over partitions that counts articles and the articles/s of this run."""

    def __init__(self):
        # imported when the command runs, to keep `detente --help` fast
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("partitions"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[articles]} articles, {task.fields[rate]} articles/s"),
                   TimeElapsedColumn())
        self.progress = Progress(*columns, console=Console(stderr=True))
        self.task = self.progress.add_task("batch", total=None, articles=0, rate="-")
        self.started = time.perf_counter()
        self.articles = self.fresh = 0

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc_info):
        self.progress.stop()

    def __call__(self, total: int, part, result: dict | None) -> None:
        done = (result or {}).get("articles", 0) + (result or {}).get("failed", 0)
        self.articles += done
        if result and "seconds" in result:
            self.fresh += done
        elapsed = time.perf_counter() - self.started
        rate = f"{self.fresh / elapsed:.1f}" if self.fresh else "-"
        self.progress.update(self.task, total=total, advance=1, articles=self.articles, rate=rate)


def _quiet_dask(verbosity: int) -> None:
    """Dask logs its cluster's life at INFO; show it only with -vv."""
    # imported when the command runs, to keep `detente --help` fast
    import distributed  # noqa: F401 - importing it sets its own log levels, which we then override

    if verbosity < 2:
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if verbosity < 1:  # a worker slow to exit after the job is done is not news
        logging.getLogger("distributed.nanny").setLevel(logging.ERROR)


CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".parquet", ".pq")


def _corpora_under(folder: Path) -> list[str]:
    # imported when the command runs, to keep `detente --help` fast
    from detente.ingest.index import is_index

    found = sorted(str(p) for p in folder.rglob("*")
                   if p.is_file() and p.name.lower().endswith(CORPUS_SUFFIXES)
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts) and not is_index(p))
    if not found:
        raise InputError(f"{folder}: holds no .jsonl, .jsonl.gz or .parquet corpus; for a folder of .txt or "
                         f".html articles run `detente ingest {folder}`")
    return found


def expand_inputs(inputs: list[str]) -> list[str]:
    """Each folder replaced by the corpus files under it (sorted; hidden files and metadata indexes left out)."""
    expanded = []
    for item in inputs:
        path = Path(item)
        expanded.extend(_corpora_under(path) if path.is_dir() else [item])
    return list(dict.fromkeys(expanded))


def run(args, options) -> int:
    # imported when the command runs, to keep `detente --help` fast
    from detente.batch.job import BatchConfig, run_batch

    inputs = expand_inputs(args.inputs)
    _quiet_dask(args.verbose)

    config = BatchConfig(inputs=inputs, out=args.out, partition_size=args.partition_size,
                         workers=args.workers, threads_per_worker=args.threads_per_worker,
                         scheduler=args.scheduler)
    if args.no_progress:
        result = run_batch(config, options)
    else:
        with ProgressBar() as bar:
            result = run_batch(config, options, progress=bar)
    print(f"{result.articles} articles, {result.events} events, {result.failed} failed; "
          f"{result.partitions} partitions ({result.skipped} already done) in {args.out}", file=sys.stderr)
    return exit_code_for(result.total, result.failed)
