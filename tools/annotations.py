"""The annotated event corpus (annotations/): check, split, agreement, pairs, gold.

    python tools/annotations.py check annotations/batches/*.jsonl
    python tools/annotations.py split            # writes annotations/splits.json
    python tools/annotations.py pairs --split train > pairs.jsonl
    python tools/annotations.py gold --split test > holdout.jsonl   # gold format for `detente eval`
    python tools/annotations.py agreement        # writes annotations/AGREEMENT.md

Runs on the standard library and the project's own code tables only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "annotations"
CAMEO = json.loads((ROOT / "src/detente/events/data/cameo_codes.json").read_text())
PLOVER_TYPES = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
                "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()
MODALITIES = ("asserted", "threatened", "denied", "alleged", "hypothetical")
STYLES = ("readout", "wire", "opinion", "note", "synthetic")
CORPORA = {"wh_briefings": "CC0", "ngec_synthetic": "MIT", "written": "MIT"}
HELDOUT_SHARE, DEV_SHARE = 0.20, 0.10


def quad_of(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def read_lines(paths) -> list[dict]:
    out = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON: {exc}") from exc
                row["_where"] = f"{path}:{n}"
                out.append(row)
    return out


def locate(text: str, mention: dict) -> int:
    """Character offset of the mention's ``occurrence``-th appearance, or -1."""
    start = -1
    for _ in range(int(mention.get("occurrence", 1))):
        start = text.find(mention["text"], start + 1)
        if start < 0:
            return -1
    return start


def problems(row: dict) -> list[str]:
    errs = []
    for key in ("id", "text", "date", "style", "origin", "annotator", "actors", "events"):
        if key not in row:
            errs.append(f"missing {key}")
    if errs:
        return errs
    try:
        dt.date.fromisoformat(row["date"])
    except (TypeError, ValueError):
        errs.append(f"bad date {row['date']!r}")
    if row["style"] not in STYLES:
        errs.append(f"style {row['style']!r} not in {STYLES}")
    origin = row["origin"]
    if origin.get("corpus") not in CORPORA:
        errs.append(f"origin.corpus {origin.get('corpus')!r} not in {sorted(CORPORA)}")
    errs += actor_problems(row)
    errs += event_problems(row)
    return errs


def inside_a_word(text: str, start: int, length: int) -> bool:
    end = start + length
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def actor_problems(row: dict) -> list[str]:
    errs = []
    for i, actor in enumerate(row["actors"]):
        if not isinstance(actor.get("text"), str) or locate(row["text"], actor) < 0:
            errs.append(f"actor {i} text {actor.get('text')!r} not found in text")
        elif inside_a_word(row["text"], locate(row["text"], actor), len(actor["text"])):
            errs.append(f"actor {i} text {actor['text']!r} is found inside a word (\"he\" in \"the\"): "
                        "set occurrence to the standalone one, or mark the whole word")
        country = actor.get("country")
        if country is not None and (not isinstance(country, str) or len(country) != 3 or not country.isupper()):
            errs.append(f"actor {i} country {country!r} must be ISO alpha-3, IGO or null")
        if not isinstance(actor.get("code"), str):
            errs.append(f"actor {i} has no code")
    return errs


def event_problems(row: dict) -> list[str]:
    errs = []
    n = len(row["actors"])
    seen = set()
    for i, ev in enumerate(row["events"]):
        src, tgt = ev.get("source"), ev.get("target")
        if not isinstance(src, int) or not 0 <= src < n:
            errs.append(f"event {i} source {src!r} is not an actor index")
        if tgt is not None and (not isinstance(tgt, int) or not 0 <= tgt < n or tgt == src):
            errs.append(f"event {i} target {tgt!r} is not another actor index or null")
        code = str(ev.get("code", ""))
        if code not in CAMEO:
            errs.append(f"event {i} code {code!r} is not a CAMEO code")
        plover = ev.get("plover", "")
        if plover and plover not in PLOVER_TYPES:
            errs.append(f"event {i} plover {plover!r} not one of the 16 types")
        elif code in CAMEO and plover != CAMEO[code].get("plover", plover):
            errs.append(f"event {i} plover {plover!r} is not code {code}'s type "
                        f"{CAMEO[code]['plover']!r} (events/data/cameo_codes.json)")
        if ev.get("modality") not in MODALITIES:
            errs.append(f"event {i} modality {ev.get('modality')!r} not in {MODALITIES}")
        trigger = ev.get("trigger", "")
        if not trigger or trigger not in row["text"]:
            errs.append(f"event {i} trigger {trigger!r} not found in text")
        if (src, tgt) in seen:
            errs.append(f"event {i} repeats the pair ({src}, {tgt}): one event per ordered pair")
        seen.add((src, tgt))
    return errs


def cmd_check(args) -> int:
    rows = read_lines(args.files)
    bad, ids = 0, Counter(r.get("id") for r in rows)
    for row in rows:
        errs = problems(row)
        if ids[row.get("id")] > 1:
            errs.append("duplicate id")
        for err in errs:
            print(f"{row['_where']} {row.get('id')}: {err}")
        bad += bool(errs)
    pairs = sum(len(pair_labels(r)) for r in rows if not problems(r))
    events = sum(len(r.get("events", [])) for r in rows)
    print(f"{len(rows)} lines, {bad} with problems, {events} events, {pairs} labelled pairs", file=sys.stderr)
    return 1 if bad else 0


def pair_labels(row: dict) -> list[dict]:
    """Every ordered (source, target) pair of the line's actors, and (source, none): the
    annotated event or NONE."""
    by_pair = {(e["source"], e["target"]): e for e in row["events"]}
    out = []
    n = len(row["actors"])
    for s in range(n):
        for t in [None, *range(n)]:
            if t == s:
                continue
            ev = by_pair.get((s, t))
            out.append({"source": s, "target": t,
                        "label": ev["code"][:2] if ev else "NONE",
                        "plover": (ev.get("plover") or "") if ev else "NONE",
                        "code": ev["code"] if ev else "", "modality": ev["modality"] if ev else ""})
    return out


def twin_pairs(row: dict) -> set[tuple[int, int | None]]:
    """The line's NONE pairs that stand for an annotated event through other mentions of the
    same actors ("Putin ... he", "Israel ... Israel"): same country and code on each side.
    Annotators put the event on one mention or the other; the coder keeps one event per
    dyad and code whichever mention carries it, so these pairs are neither events nor NONE."""
    actors = row["actors"]

    def who(i: int | None):
        return None if i is None else (actors[i].get("country"), actors[i].get("code"))

    coded = {(e["source"], e["target"]) for e in row["events"]}
    events = {(who(s), who(t)) for s, t in coded}
    twins = set()
    for s in range(len(actors)):
        for t in [None, *range(len(actors))]:
            if t == s or (s, t) in coded or not actors[s].get("country"):
                continue
            if (t is None or actors[t].get("country")) and (who(s), who(t)) in events:
                twins.add((s, t))
    return twins


def all_rows() -> list[dict]:
    rows = read_lines(sorted((CORPUS / "batches").glob("*.jsonl")))
    return [r for r in rows if not problems(r)]


# Id prefixes of the batches the held-out split was drawn from when it was fixed (a1-a9).
# Lines of later batches are only trained or developed on, so the held-out split stays the
# same sentences and its figures stay comparable from one model to the next.
HELDOUT_PREFIXES = ("WH", "NG", "WR", "ON", "HC", "WS", "CN", "WB", "OP")


def split_of(row_id: str) -> str:
    h = int(hashlib.sha256(row_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    if row_id.split("-")[0] not in HELDOUT_PREFIXES:
        return "dev" if h < DEV_SHARE else "train"
    return "test" if h < HELDOUT_SHARE else "dev" if h < HELDOUT_SHARE + DEV_SHARE else "train"


def cmd_split(args) -> int:
    rows = all_rows()
    splits = {r["id"]: split_of(r["id"]) for r in rows}
    counts = Counter()
    for r in rows:
        counts[splits[r["id"]], "lines"] += 1
        counts[splits[r["id"]], "pairs"] += len(pair_labels(r))
    (CORPUS / "splits.json").write_text(json.dumps(
        {"about": "fixed split by sha256(id): test is held out, never trained or tuned on",
         "counts": {f"{s}_{k}": v for (s, k), v in sorted(counts.items())},
         "splits": splits}, indent=1, sort_keys=True) + "\n")
    print(dict(counts))
    return 0


def rows_of(split: str | None) -> list[dict]:
    rows = all_rows()
    if split is None:
        return rows
    splits = json.loads((CORPUS / "splits.json").read_text())["splits"]
    return [r for r in rows if splits.get(r["id"]) == split]


def as_gold(row: dict) -> dict:
    """The line in the shared gold format read by `detente eval`."""
    actors = row["actors"]
    events = []
    for ev in row["events"]:
        src = actors[ev["source"]]
        tgt = actors[ev["target"]] if ev["target"] is not None else None
        if src["country"] is None:
            continue
        events.append({"source": src["country"], "target": tgt["country"] if tgt else None,
                       "code": ev["code"], "root_code": ev["code"][:2], "modality": ev["modality"],
                       "plover": ev.get("plover", ""), "source_text": src["text"],
                       "target_text": tgt["text"] if tgt else None})
    context = (row.get("context") or "").strip()
    text = context + " " + row["text"] if context else row["text"]
    return {"id": row["id"], "text": text, "date": row["date"], "events": events,
            "scored_from": len(context) + 1 if context else 0,
            "meta": {"style": row["style"], "origin": row["origin"],
                     "quad_class": [quad_of(e["code"]) for e in events],
                     "annotated_sentence": row["text"]}}


def as_plover_gold(row: dict) -> dict:
    """The line with PLOVER types as codes (CAMEO 01x statements, which PLOVER does not
    code, left out), for the per-type PLOVER table of `detente eval`."""
    gold = as_gold(row)
    kept = []
    for ev, event in zip([e for e in row["events"] if row["actors"][e["source"]]["country"] is not None],
                         gold["events"]):
        plover = plover_type(ev)
        if plover:
            kept.append(dict(event, code=plover, root_code=plover))
    gold["events"] = kept
    gold["meta"]["quad_class"] = [quad_of(e["code"]) for e in row["events"] if plover_type(e)]
    return gold


def plover_type(ev: dict) -> str:
    return ev.get("plover") or ""


def cmd_gold(args) -> int:
    convert = as_plover_gold if args.vocab == "plover" else as_gold
    for row in rows_of(args.split):
        print(json.dumps(convert(row), ensure_ascii=False))
    return 0


DOUBLE_SHARE = 0.12


def double_sample(rows: list[dict]) -> list[dict]:
    """About 12 % of the lines, by a hash of their id: what the second annotator sees."""
    picked = [r for r in rows
              if int(hashlib.sha256(("double:" + r["id"]).encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
              < DOUBLE_SHARE]
    return [{k: r[k] for k in ("id", "text", "context", "date", "style", "actors") if k in r}
            for r in picked]


def cmd_sample(args) -> int:
    for row in double_sample(all_rows()):
        print(json.dumps(row, ensure_ascii=False))
    return 0


def cohen_kappa(a: list, b: list) -> float:
    n = len(a)
    if not n:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def direction_of(events: list[dict], a: int, b: int) -> str:
    pairs = {(e["source"], e["target"]) for e in events}
    forward, backward = (a, b) in pairs, (b, a) in pairs
    return "both" if forward and backward else "a>b" if forward else "b>a" if backward else "none"


def agreement_table(first: dict, second: list[dict]) -> dict:
    type_a, type_b, plover_a, plover_b, dir_a, dir_b, quad_a, quad_b = ([] for _ in range(8))
    for row2 in second:
        row1 = first.get(row2["id"])
        if row1 is None:
            continue
        twin = dict(row1, events=row2["events"])
        for p1, p2 in zip(pair_labels(row1), pair_labels(twin)):
            type_a.append(p1["label"]), type_b.append(p2["label"])
            quad_a.append(p1["label"] if p1["label"] == "NONE" else quad_of(p1["label"] + "0"))
            quad_b.append(p2["label"] if p2["label"] == "NONE" else quad_of(p2["label"] + "0"))
            if p1["label"] != "NONE" and p2["label"] != "NONE":
                plover_a.append(p1["plover"] or "STATEMENT"), plover_b.append(p2["plover"] or "STATEMENT")
        n = len(row1["actors"])
        for x in range(n):
            for y in range(x + 1, n):
                d1, d2 = direction_of(row1["events"], x, y), direction_of(row2["events"], x, y)
                if d1 != "none" or d2 != "none":
                    dir_a.append(d1), dir_b.append(d2)
    return {"lines": len([r for r in second if r["id"] in first]), "pairs": len(type_a),
            "kappa_root_with_none": round(cohen_kappa(type_a, type_b), 3),
            "kappa_quad_with_none": round(cohen_kappa(quad_a, quad_b), 3),
            "kappa_plover_where_both_code_an_event": round(cohen_kappa(plover_a, plover_b), 3),
            "pairs_both_event": len(plover_a),
            "kappa_direction": round(cohen_kappa(dir_a, dir_b), 3), "actor_pairs_with_an_event": len(dir_a),
            "raw_agreement_root": round(sum(x == y for x, y in zip(type_a, type_b)) / max(len(type_a), 1), 3)}


def cmd_agreement(args) -> int:
    first = {r["id"]: r for r in all_rows()}
    second = read_lines(sorted((CORPUS / "double").glob("*.jsonl")))
    table = agreement_table(first, second)
    lines = ["# Inter-annotator agreement", "",
             "Written by `python tools/annotations.py agreement` from `batches/` (first annotation) and "
             "`double/` (an independent second annotation of the events of a hash-chosen sample, "
             "actors given). Pairs are every ordered actor pair of a line and every actor alone; "
             "a pair's label is its CAMEO root or NONE.", "",
             "| figure | value |", "|---|---|"]
    lines += [f"| {k.replace('_', ' ')} | {v} |" for k, v in table.items()]
    (CORPUS / "AGREEMENT.md").write_text("\n".join(lines) + "\n")
    print(json.dumps(table, indent=1))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("check")
    p.add_argument("files", nargs="+")
    sub.add_parser("split")
    p = sub.add_parser("gold")
    p.add_argument("--split", choices=("train", "dev", "test"))
    p.add_argument("--vocab", choices=("cameo", "plover"), default="cameo")
    sub.add_parser("sample")
    sub.add_parser("agreement")
    args = parser.parse_args(argv)
    return {"check": cmd_check, "split": cmd_split, "gold": cmd_gold, "sample": cmd_sample,
            "agreement": cmd_agreement}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
