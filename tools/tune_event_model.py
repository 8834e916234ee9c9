"""Choose the learned coder's threshold for confirming the rules' proposals, on `dev`.

    .venv/bin/python tools/tune_event_model.py src/detente/events/learned/data

A pair the rule coder proposed becomes an event when the model gives the rules'
root at least this probability (pairs the rules did not propose need the model's
own per-type threshold). The value is chosen end to end, by dyad + quad-class F1
of the whole pipeline on the `dev` split of annotations/, and written to the
model's meta.json. The held-out `test` split is not read.
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
    args = parser.parse_args(argv)
    meta_path = Path(args.model_dir) / "meta.json"
    meta = json.loads(meta_path.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "dev.jsonl"
        gold.write_text("".join(json.dumps(as_gold(r)) + "\n" for r in rows_of("dev")))
        scores = {}
        for value in CANDIDATES:
            meta["rule_threshold"] = value
            meta_path.write_text(json.dumps(meta, indent=1) + "\n")
            scores[value] = round(dev_f1(args.model_dir, gold), 4)
            print(f"rule_threshold {value}: dev dyad+quad F1 {scores[value]}", file=sys.stderr)
    best = max(scores, key=lambda v: (scores[v], v))
    meta["rule_threshold"] = best
    meta["rule_threshold_dev_f1"] = {str(k): v for k, v in scores.items()}
    meta_path.write_text(json.dumps(meta, indent=1) + "\n")
    print(f"rule_threshold = {best} (dev dyad+quad F1 {scores[best]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
