"""Show a scoring Report as a text table or as JSON."""

from __future__ import annotations

import json

from detente.events.cameo import QUAD_CLASSES

from .scoring import Report

LEVEL_NAMES = {"dyad_root": "dyad + event type", "dyad_quad": "dyad + quad class",
               "type": "event type alone", "dyad": "dyad alone"}


def _row(name: str, counts) -> str:
    return (f"  {name:<26} {counts.precision:6.3f} {counts.recall:6.3f} {counts.f1:6.3f}"
            f" {counts.tp:5d} {counts.fp:5d} {counts.fn:5d}")


def _header(title: str) -> list[str]:
    return ["", title, f"  {'':<26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]


def _events(rows: list[dict], limit: int, title: str) -> list[str]:
    lines = ["", f"{title} ({len(rows)}, first {min(limit, len(rows))})"]
    for row in rows[:limit]:
        evidence = f" <{row['evidence']}>" if row.get("evidence") else ""
        lines.append(f"  {row['id']}: {row['source']} -> {row['target']} {row['code']} "
                     f"[{row['modality']}]{evidence} | {row['text'][:140]}")
    return lines


def render_table(report: Report, misses: int = 10) -> str:
    lines = [f"{report.items} items, {report.gold_events} gold events, "
             f"{report.predicted_events} predicted ({report.vocabulary} codes)"]
    if report.outside_vocabulary:
        lines.append(f"{report.outside_vocabulary} predicted events have no {report.vocabulary} "
                     "type and are not scored")
    lines += _header("levels")
    lines += [_row(LEVEL_NAMES[k], c) for k, c in report.levels.items()]
    lines += _header("per quad class (dyad + quad class)")
    lines += [_row(f"{q} {QUAD_CLASSES.get(q, 'unknown')}", report.per_quad[q])
              for q in sorted(report.per_quad)]
    lines += _header("per event type (dyad + event type)")
    lines += [_row(k, report.per_type[k]) for k in sorted(report.per_type)]
    if report.modality_total:
        lines.append(f"\nmodality agreement on matched events: "
                     f"{report.modality_agree}/{report.modality_total}")
    if misses:
        lines += _events(report.misses, misses, "misses")
        lines += _events(report.false_alarms, misses, "false alarms")
    return "\n".join(lines)


def render_json(report: Report, misses: int = 10) -> str:
    data = report.to_dict()
    data["misses"] = data["misses"][:misses]
    data["false_alarms"] = data["false_alarms"][:misses]
    return json.dumps(data, indent=2)
