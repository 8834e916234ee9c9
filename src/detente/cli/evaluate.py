"""`detente eval GOLD.jsonl`: score the pipeline's event coding on a gold file."""

from __future__ import annotations

from detente.errors import OptionError


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "eval", help="score event coding on a gold JSONL file (precision, recall, F1)",
        description="Run the pipeline on each gold sentence and compare its events with the "
                    "gold events: by dyad + CAMEO root (or PLOVER type), dyad + quad class, "
                    "event type alone and dyad alone.")
    parser.add_argument("gold", metavar="GOLD.jsonl", help="gold file in the shared format")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")
    parser.add_argument("--misses", type=int, default=10, metavar="N",
                        help="list the first N misses and false alarms (default: 10)")
    return parser


def predict_with_progress(items: list, nlp, batch_size: int, predict) -> dict:
    """``predict`` chunk by chunk, with a bar on stderr: sentences done of the total, and an ETA."""
    # imported when the command runs, to keep `detente --help` fast
    from .progress import progress_bar

    predictions: dict = {}
    chunk = max(batch_size, 1) * 4
    with progress_bar("eval", len(items), unit="sentences") as update:
        for start in range(0, len(items), chunk):
            predictions.update(predict(items[start:start + chunk], nlp, batch_size=batch_size))
            update(min(start + chunk, len(items)))
    return predictions


def run(args, options) -> int:
    if args.misses < 0:
        raise OptionError("--misses must be 0 or more")
    # imported when the command runs, to keep `detente --help` fast
    from detente.evaluation import predict, read_gold, score
    from detente.evaluation.render import render_json, render_table
    from detente.pipeline import load_pipeline

    items = read_gold(args.gold)
    nlp = load_pipeline(options, until="detente_events")
    report = score(items, predict_with_progress(items, nlp, options.batch_size, predict))
    render = render_json if args.format == "json" else render_table
    print(render(report, misses=args.misses))
    return 0
