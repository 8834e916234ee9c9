"""Training examples for the learned event coder, from the annotated corpus.

    .venv/bin/python tools/event_model_data.py --out build/event_model/examples.jsonl

Each annotated sentence becomes one example: the sentence text, its actor
mentions (the annotators' mentions, plus any mention Detente's actor stage finds
that no annotator marked: those only take part in NONE pairs), and every
candidate pair with its label (CAMEO root or NONE), modality, and the rule
coder's root for the pair as a feature. Runs in the project's environment (spaCy
and Detente), so the training script itself needs only torch.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datetime as dt  # noqa: E402

from annotations import as_gold, locate, rows_of, twin_pairs  # noqa: E402
from detente.events.learned.candidates import candidate_pairs, with_syntax  # noqa: E402
from detente.model import ActorMention, ActorRef, Article  # noqa: E402
from detente.pipeline import analyze, load_pipeline  # noqa: E402
from detente.settings import Options  # noqa: E402


def gold_mentions(row: dict, offset: int) -> list[ActorMention]:
    out = []
    for a in row["actors"]:
        start = locate(row["text"], a) + offset
        ref = ActorRef(code=a.get("code") or "", country=a.get("country") or "", name=a["text"],
                       kind="country")
        out.append(ActorMention(a["text"], start, start + len(a["text"]), 0, 0, (ref,), via="gold"))
    return out


def overlaps(a: ActorMention, b: ActorMention) -> bool:
    return a.start < b.end and b.start < a.end


def as_detected(g: ActorMention, gold: list, found: list) -> ActorMention:
    """The gold mention with the span Detente's actor stage gives it, when that span
    overlaps this gold mention only (so training sees the spans run time will see)."""
    for m in found:
        if overlaps(m, g) and sum(overlaps(m, other) for other in gold) == 1:
            return ActorMention(g.text, m.start, m.end, 0, 0, g.refs, via="gold")
    return g


def on_tokens(doc, m: ActorMention) -> ActorMention:
    """The mention with the token range its characters cover in ``doc``."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    start, end = (span.start, span.end) if span is not None and len(span) else (0, 1)
    return ActorMention(m.text, m.start, m.end, start, end, m.refs, via=m.via)


def renamed(event, found: list, mentions: list):
    """The rule event with its actors named as the overlapping training mentions, so
    candidate_pairs matches it to the right pair (run time matches by the same text)."""
    from dataclasses import replace

    def ours(text: str) -> str:
        for m in found:
            if m.text == text:
                hit = next((o for o in mentions if overlaps(o, m)), None)
                if hit is not None:
                    return hit.text
        return text

    return replace(event, source_text=ours(event.source_text),
                   target_text=ours(event.target_text) if event.target_text else event.target_text)


def example(row: dict, doc, split: str) -> dict:
    context = (row.get("context") or "").strip()
    offset = len(context) + 1 if context else 0
    text = row["text"]
    gold = gold_mentions(row, offset)
    found = [m for m in doc._.actors or [] if offset <= m.start and m.end <= offset + len(text)]
    gold = [as_detected(g, gold, found) for g in gold]
    extra = [m for m in found if not any(overlaps(m, g) for g in gold)]
    mentions = sorted(gold + extra, key=lambda m: m.start)
    index = {id(m): i for i, m in enumerate(mentions)}
    gold_index = [index[id(g)] for g in gold]
    rule_events = [renamed(e, found, mentions) for e in doc._.events or []
                   if offset <= e.trigger[0] < offset + len(text)]
    labels = {(gold_index[e["source"]], gold_index[e["target"]] if e["target"] is not None else None):
              e for e in row["events"]}
    twins = {(gold_index[s], gold_index[t] if t is not None else None) for s, t in twin_pairs(row)}
    pairs = []
    tokened = [on_tokens(doc, m) for m in mentions]
    for p in with_syntax(doc, tokened, candidate_pairs(mentions, rule_events)):
        ev = labels.get((p.source, p.target))
        pairs.append({"s": p.source, "t": p.target, "rule": p.rule_root,
                      "label": ev["code"][:2] if ev else "NONE",
                      "code": ev["code"] if ev else "", "modality": ev["modality"] if ev else "",
                      "twin": ev is None and (p.source, p.target) in twins,
                      "syn": [p.syntax.source_dep, p.syntax.target_dep, p.syntax.path, p.syntax.lemma]})
    return {"id": row["id"], "split": split, "style": row["style"], "text": text,
            "mentions": [[m.start - offset, m.end - offset, m.via] for m in mentions],
            "pairs": pairs}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="build/event_model/examples.jsonl")
    args = parser.parse_args(argv)
    splits = json.loads((Path(__file__).resolve().parents[1] / "annotations/splits.json").read_text())["splits"]
    rows = rows_of(None)
    nlp = load_pipeline(Options.from_env(coder="rules"), until="detente_events")
    articles = (as_gold(r)["text"] for r in rows)
    articles = (Article(text=t, id=r["id"], date=dt.date.fromisoformat(r["date"]), source="corpus")
                for t, r in zip(articles, rows))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for row, doc in zip(rows, analyze(articles, nlp)):
            ex = example(row, doc, splits.get(row["id"], "train"))
            fh.write(json.dumps(ex, ensure_ascii=False) + "\n")
            n += len(ex["pairs"])
    print(f"{len(rows)} sentences, {n} pairs -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
