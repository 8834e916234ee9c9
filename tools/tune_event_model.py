"""Choose the learned coder's threshold for confirming the rules' proposals, on `dev`.

    .venv/bin/python tools/tune_event_model.py src/detente/events/learned/data

A pair the rule coder proposed becomes an event when the model gives the rules'
root at least this probability (pairs the rules did not propose need the model's
own per-type threshold). The value is chosen end to end, by dyad + quad-class F1
of the whole pipeline on the `dev` split of annotations/, and written to the
model's meta.json. With --one-threshold, one threshold for every type and for the
rules' proposals (meta "min_confidence", what `--min-confidence` sets) is tried the
same way, and kept as the default operating point when it scores better on dev than
the per-type thresholds. The held-out `test` split is not read.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotations import as_gold, rows_of  # noqa: E402

CANDIDATES = (0.1, 0.2, 0.35, 0.5, 1.0)
POINTS = (0.2, 0.25, 0.3, 0.35, 0.4)   # one threshold for every type (meta "min_confidence")


def pipeline(model_dir: str):
    import spacy

    from detente.model import register_extensions
    from detente.pipeline import STAGES
    from detente.settings import Options

    register_extensions()
    nlp = spacy.load(Options.from_env().spacy_model)
    for name, module in STAGES:
        importlib.import_module(module)
        config = {"coder": "model", "model_path": model_dir} if name == "detente_events" else {}
        nlp.add_pipe(name, config=config)
        if name == "detente_events":
            return nlp
    return nlp


def dev_f1(model_dir: str, gold_path: Path) -> float:
    from detente.evaluation import predict, read_gold, score
    from detente.events.learned.model import load_pair_model

    load_pair_model.cache_clear()
    items = read_gold(gold_path)
    return score(items, predict(items, pipeline(model_dir))).levels["dyad_quad"].f1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir")
    parser.add_argument("--one-threshold", action="store_true",
                        help="also try one threshold for every type (meta min_confidence) and keep it when it "
                             "scores better on dev; off by default: on the shipped model it bought held-out "
                             "recall at the cost of precision and of the PLOVER records (docs/events.md)")
    args = parser.parse_args(argv)
    meta_path = Path(args.model_dir) / "meta.json"
    meta = json.loads(meta_path.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "dev.jsonl"
        gold.write_text("".join(json.dumps(as_gold(r)) + "\n" for r in rows_of("dev")))
        meta["min_confidence"] = None
        per_type = tune(meta, meta_path, "rule_threshold", CANDIDATES, lambda: dev_f1(args.model_dir, gold))
        single = (tune(meta, meta_path, "min_confidence", POINTS, lambda: dev_f1(args.model_dir, gold))
                  if args.one_threshold else {})
    meta["rule_threshold"] = max(per_type, key=lambda v: (per_type[v], v))
    meta["rule_threshold_dev_f1"] = {str(k): v for k, v in per_type.items()}
    print(f"rule_threshold = {meta['rule_threshold']} (dev dyad+quad F1 {per_type[meta['rule_threshold']]})")
    if single:
        point = max(single, key=lambda v: (single[v], v))
        meta["min_confidence"] = point if single[point] > per_type[meta["rule_threshold"]] else None
        meta["min_confidence_dev_f1"] = {str(k): v for k, v in single.items()}
        print(f"one threshold for all types: {meta['min_confidence']} (best {point}: dev F1 {single[point]})")
    meta_path.write_text(json.dumps(meta, indent=1) + "\n")
    return 0


def tune(meta: dict, meta_path: Path, key: str, values, measure) -> dict:
    """Dev dyad+quad F1 of each value of ``meta[key]``; meta is left with the last value."""
    scores = {}
    for value in values:
        meta[key] = value
        meta_path.write_text(json.dumps(meta, indent=1) + "\n")
        scores[value] = round(measure(), 4)
        print(f"{key} {value}: dev dyad+quad F1 {scores[value]}", file=sys.stderr)
    if key == "min_confidence":
        meta[key] = None
    return scores


if __name__ == "__main__":
    sys.exit(main())
