"""Actor country precision and recall on the hand-written conflict-note gold, by basis.

Runs the pipeline up to ``detente_coref`` on each line of the gold files and
compares every actor mention's country with the gold (see
``detente.actors.scoring`` for the matching rules). Prints one JSON object per
file: overall precision/recall and the same by basis (named / place / story);
``--errors`` also prints every miss and false alarm.

    .venv/bin/python bench/eval_actors_notes.py                     # dev and held-out files
    .venv/bin/python bench/eval_actors_notes.py tests/gold/dev_actors_notes.jsonl --errors
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = [ROOT / "tests" / "gold" / "dev_actors_notes.jsonl",
                 ROOT / "tests" / "gold" / "holdout_actors_notes.jsonl"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--errors", action="store_true", help="print each miss and false alarm")
    args = parser.parse_args(argv)

    from detente.actors.scoring import read_notes, score_notes
    from detente.pipeline import load_pipeline
    from detente.settings import Options

    nlp = load_pipeline(Options.from_env(), until="detente_coref")
    for path in args.files:
        report = score_notes(read_notes(path), nlp)
        print(json.dumps({"file": path.name, **report.to_dict()}))
        if args.errors:
            for error in report.errors:
                print("  ", json.dumps(error, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
