"""End-to-end ingest of a JSONL corpus into a fresh SQLite store, twice.

The first pass analyses and stores every article; the second pass must add
0 articles and 0 events (content hashes are checked before analysis).

    .venv/bin/python bench/bench_ingest_corpus.py [--limit 500] [--corpus FILE]

``--limit N`` ingests the first N documents only (written to a temporary
slice file), for machines where the whole corpus takes too long.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_data import corpus_path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(corpus_path("wh_briefings.jsonl.gz"))
TABLES = ("article", "event", "eventmention", "actormention")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="first N documents only (0 = all)")
    parser.add_argument("--data-dir", default=None, help="store directory (default: a fresh temporary one)")
    return parser.parse_args(argv)


def sliced(corpus: str, limit: int, folder: Path) -> str:
    if not limit:
        return corpus
    path = folder / f"slice-{limit}.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as source, gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(itertools.islice(source, limit))
    return str(path)


def counts(data_dir: Path) -> dict:
    with sqlite3.connect(data_dir / "detente.sqlite3") as db:
        return {t: db.execute(f"SELECT count(*) FROM store_{t}").fetchone()[0] for t in TABLES}


def ingest(source: str, data_dir: Path) -> dict:
    command = [str(ROOT / ".venv" / "bin" / "detente"), "ingest", source, "--data-dir", str(data_dir)]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 1), "exit_code": done.returncode,
            "report": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "",
            "counts": counts(data_dir), "load_average": os.getloadavg()}


def main(argv=None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(args.data_dir or Path(tmp) / "store")
        source = sliced(args.corpus, args.limit, Path(tmp))
        first = ingest(source, data_dir)
        second = ingest(source, data_dir)
    result = {"corpus": args.corpus, "limit": args.limit or "all", "first": first, "second": second,
              "second_added_nothing": first["counts"] == second["counts"]}
    print(json.dumps(result, indent=2))
    return 0 if result["second_added_nothing"] else 1


if __name__ == "__main__":
    sys.exit(main())
