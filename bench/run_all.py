"""Run every benchmark in bench/ one after the other and print their figures.

Each benchmark prints its own ratios (measured in one run against a baseline
on the same input); this script only runs them in sequence so they do not
compete for the two cores. Pass names to run a subset: `python bench/run_all.py actors events`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmarks(selected: list[str]) -> list[Path]:
    scripts = sorted(HERE.glob("bench_*.py"))
    if selected:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in selected]
    return scripts


def main(argv: list[str]) -> int:
    failed = 0
    for script in benchmarks(argv):
        print(f"== {script.name}", flush=True)
        failed += subprocess.call([sys.executable, str(script)]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
