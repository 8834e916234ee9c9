"""Timeline charts: a PNG (matplotlib, Agg) or a self-contained HTML page (inline SVG, no CDN)."""

from __future__ import annotations

import html
import io
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

from detente.atomic import atomic_path
from detente.errors import OptionError

from .timeline import QUAD_NAMES, Timeline

QUAD_COLOURS = {1: "#7fbf7f", 2: "#2e8b57", 3: "#f4a582", 4: "#b2182b"}


def _figure(timeline: Timeline):
    matplotlib.use("Agg")

    fig = Figure(figsize=(11, 5), layout="constrained")
    ax = fig.add_subplot()
    x = [p.start for p in timeline.periods]
    width = {"week": 5, "month": 25, "quarter": 80, "year": 300}[timeline.query.by]
    _bars(ax, timeline, x, width)
    line = ax.twinx()
    means = [p.goldstein_mean if p.events else float("nan") for p in timeline.periods]
    line.plot(x, means, color="black", marker=".", label="mean Goldstein")
    line.set_ylim(-10.5, 10.5)
    line.set_ylabel("mean Goldstein")
    for point in timeline.change_points:
        ax.axvline(point.period, color="grey", linestyle="--")
    q = timeline.query
    ax.set_title(f"{q.a.label} – {q.b.label}, events per {q.by}" + (f" ({q.theatre})" if q.theatre else ""))
    ax.set_ylabel("events (conflict below zero)")
    ax.legend(loc="upper left", fontsize="small")
    return fig


def _bars(ax, timeline: Timeline, x: list, width: int) -> None:
    up = [0] * len(x)
    down = [0] * len(x)
    for quad in QUAD_NAMES:
        values = [p.counts[quad] for p in timeline.periods]
        if quad <= 2:
            ax.bar(x, values, width, bottom=up, color=QUAD_COLOURS[quad], label=QUAD_NAMES[quad])
            up = [a + b for a, b in zip(up, values)]
        else:
            ax.bar(x, [-v for v in values], width, bottom=down, color=QUAD_COLOURS[quad], label=QUAD_NAMES[quad])
            down = [a - b for a, b in zip(down, values)]


def write_png(timeline: Timeline, out: str | Path) -> None:
    fig = _figure(timeline)
    with atomic_path(out) as temp:
        fig.savefig(temp, format="png", dpi=110)


def svg_text(timeline: Timeline) -> str:
    buffer = io.StringIO()
    _figure(timeline).savefig(buffer, format="svg")
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def html_page(timeline: Timeline) -> str:
    q = timeline.query
    title = html.escape(f"{q.a.label} – {q.b.label}")
    turning = "".join(f"<li>{html.escape(c.period.isoformat())}: {html.escape(c.direction)} "
                      f"({c.before:+.2f} → {c.after:+.2f})</li>" for c in timeline.change_points)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<style>body{{font-family:sans-serif;max-width:1100px;margin:auto}} svg{{width:100%;height:auto}}"
            f"</style></head><body><h1>{title}</h1>{svg_text(timeline)}"
            f"<h2>Turning points</h2><ul>{turning or '<li>none</li>'}</ul>"
            f"<h2>Summary</h2><p>{html.escape(timeline.summary)}</p></body></html>\n")


def write_html(timeline: Timeline, out: str | Path) -> None:
    with atomic_path(out) as temp:
        temp.write_text(html_page(timeline), encoding="utf-8")


def write_chart(timeline: Timeline, out: str | Path) -> None:
    suffix = Path(out).suffix.lower()
    if suffix == ".png":
        return write_png(timeline, out)
    if suffix in (".html", ".htm"):
        return write_html(timeline, out)
    raise OptionError(f"chart file {out!r} must end in .png or .html")
