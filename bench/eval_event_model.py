"""The learned event coder against the rules, side by side, measured in one run.

    .venv/bin/python bench/eval_event_model.py [--out bench/out/event_model.json]

Scores both coders (``--coder rules`` and ``--coder model``) on:

- the held-out split of our annotated corpus (annotations/, never trained or tuned
  on), by dyad + quad class and by PLOVER type (per-type table, macro-F1);
- the development gold set tests/gold/dev_events.jsonl and its hold-out;
- ../shared/eval/plover_gsr_cameo.jsonl (out of domain, never trained on) when
  shared/ is present;

and prints the model's precision/recall curve over --min-confidence on the
held-out split, with the default operating point (per-type thresholds).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from annotations import as_gold, as_plover_gold, rows_of  # noqa: E402
from detente.evaluation import predict, read_gold, score  # noqa: E402
from detente.pipeline import load_pipeline  # noqa: E402
from detente.settings import Options  # noqa: E402
from shared_data import shared_dir  # noqa: E402

CURVE = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def gold_files(tmp: Path) -> dict[str, Path]:
    held = rows_of("test")
    files = {"heldout": tmp / "heldout.jsonl", "heldout_plover": tmp / "heldout_plover.jsonl"}
    files["heldout"].write_text("".join(json.dumps(as_gold(r)) + "\n" for r in held))
    files["heldout_plover"].write_text("".join(json.dumps(as_plover_gold(r)) + "\n" for r in held))
    files["dev_events"] = ROOT / "tests/gold/dev_events.jsonl"
    files["dev_holdout"] = ROOT / "tests/gold/holdout_events.jsonl"
    plover = shared_dir() / "eval" / "plover_gsr_cameo.jsonl"
    if plover.is_file():
        files["plover_gsr"] = plover
    return files


def figures(report) -> dict:
    dq = report.levels["dyad_quad"]
    types = {k: v for k, v in report.per_type.items() if v.tp + v.fn > 0}
    macro = sum(v.f1 for v in types.values()) / len(types) if types else 0.0
    return {"dyad_quad_p": round(dq.precision, 3), "dyad_quad_r": round(dq.recall, 3),
            "dyad_quad_f1": round(dq.f1, 3), "dyad_root_f1": round(report.levels["dyad_root"].f1, 3),
            "type_f1": round(report.levels["type"].f1, 3), "macro_type_f1": round(macro, 3),
            "per_type": {k: v.to_dict() for k, v in sorted(types.items())}}


def curve(items, predictions) -> list[dict]:
    rows = []
    for cut in CURVE:
        kept = {k: [e for e in v if e.confidence >= cut] for k, v in predictions.items()}
        rep = score(items, kept)
        dq = rep.levels["dyad_quad"]
        rows.append({"min_confidence": cut, "precision": round(dq.precision, 3),
                     "recall": round(dq.recall, 3), "f1": round(dq.f1, 3)})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "bench/out/event_model.json"))
    args = parser.parse_args(argv)
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = gold_files(Path(tmp))
        items = {name: read_gold(path) for name, path in files.items()}
        for coder in ("rules", "model"):
            nlp = load_pipeline(Options.from_env(coder=coder), until="detente_events")
            for name, gold in items.items():
                results.setdefault(name, {})[coder] = figures(score(gold, predict(gold, nlp)))
        nlp = load_pipeline(Options.from_env(coder="model", min_confidence=0.0), until="detente_events")
        results["curve_heldout"] = curve(items["heldout"], predict(items["heldout"], nlp))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1) + "\n")
    print_tables(results)
    return 0


def print_tables(results: dict) -> None:
    print("| gold set | coder | dyad+quad P | R | F1 | dyad+root F1 | type macro-F1 |")
    print("|---|---|---|---|---|---|---|")
    for name, by_coder in results.items():
        if name.startswith("curve"):
            continue
        for coder, f in by_coder.items():
            print(f"| {name} | {coder} | {f['dyad_quad_p']} | {f['dyad_quad_r']} | {f['dyad_quad_f1']} "
                  f"| {f['dyad_root_f1']} | {f['macro_type_f1']} |")
    print("\n| --min-confidence | precision | recall | F1 (held-out, dyad+quad) |\n|---|---|---|---|")
    for row in results["curve_heldout"]:
        print(f"| {row['min_confidence']} | {row['precision']} | {row['recall']} | {row['f1']} |")


if __name__ == "__main__":
    sys.exit(main())
