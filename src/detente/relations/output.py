"""Timeline output for the command line: a table, CSV rows or JSON."""

from __future__ import annotations

import csv
import io
import json

from rich.table import Table

from .timeline import Timeline, period_dict

CSV_FIELDS = ("period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "goldstein_mean",
              "net_cooperation", "theatres")


def timeline_csv(timeline: Timeline) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for period in timeline.periods:
        row = period_dict(period)
        row["theatres"] = ";".join(f"{name}:{n}" for name, n in sorted(period.theatres.items()))
        writer.writerow(row)
    return buffer.getvalue()


def timeline_json(timeline: Timeline) -> str:
    return json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2)


def timeline_table(timeline: Timeline):
    """A rich Table of the periods (empty periods included)."""

    q = timeline.query
    table = Table(title=f"{q.a.label} – {q.b.label} by {q.by} (* turning point)")
    table.add_column("period", no_wrap=True, min_width=12)
    for name in ("events", "verb. coop", "mat. coop", "verb. confl", "mat. confl", "Goldstein sum", "mean"):
        table.add_column(name, justify="right")
    table.add_column("theatres")
    turning = {c.period for c in timeline.change_points}
    for p in timeline.periods:
        mean = "" if p.goldstein_mean is None else f"{p.goldstein_mean:+.2f}"
        theatres = ", ".join(f"{n} {c}" for n, c in sorted(p.theatres.items(), key=lambda kv: -kv[1]))
        label = p.start.isoformat() + (" *" if p.start in turning else "")
        table.add_row(label, str(p.events), *(str(p.counts[q]) for q in (1, 2, 3, 4)),
                      f"{p.goldstein_sum:+.1f}", mean, theatres)
    return table
