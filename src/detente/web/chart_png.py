"""The static fallback of the relationship chart: a PNG drawn by matplotlib, to the SVG chart's rules:
the four quad classes stacked apart (cooperation up, conflict down) on a labelled event axis, the mean
Goldstein score on its own labelled axis with a gap where a period has no events, periods in words."""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from detente.events.cameo import QUAD_CLASSES

QUAD_COLOURS = {1: "#8fc99a", 2: "#2e7d4f", 3: "#f0a08e", 4: "#b3261e"}
QUADS = tuple((quad, QUAD_CLASSES[quad], colour) for quad, colour in QUAD_COLOURS.items())


def timeline_png(data: dict) -> bytes:
    periods = data["periods"]
    labels = [p.get("label") or p["period"] for p in periods]
    starts = [p["period"] for p in periods]
    positions = list(range(len(periods)))
    figure = Figure(figsize=(9, 3.6), dpi=90)
    axes = figure.add_subplot()
    up = [0] * len(periods)
    down = [0] * len(periods)
    for quad, name, colour in QUADS:
        counts = [p[f"quad{quad}"] for p in periods]
        if quad < 3:
            axes.bar(positions, counts, bottom=up, color=colour, label=name)
            up = [a + b for a, b in zip(up, counts)]
        else:
            axes.bar(positions, [-c for c in counts], bottom=down, color=colour, label=name)
            down = [a - b for a, b in zip(down, counts)]
    for point in data.get("change_points", []):
        if point["period"] in starts:
            axes.axvline(starts.index(point["period"]), color="#333", linestyle="--", linewidth=1)
    axes.axhline(0, color="#666", linewidth=0.6)
    axes.set_ylabel("events: ▲ cooperation · ▼ conflict", fontsize=8)
    goldstein = axes.twinx()
    means = [p["goldstein_mean"] if p.get("goldstein_mean") is not None else float("nan") for p in periods]
    goldstein.plot(positions, means, color="#1d1d1f", linewidth=1.2, marker=".", label="mean Goldstein")
    goldstein.set_ylim(-10, 10)
    goldstein.set_ylabel("mean Goldstein score (−10 … +10)", fontsize=8)
    step = max(1, len(labels) // 12)
    axes.set_xticks(positions[::step], labels[::step], rotation=30, fontsize=7, ha="right")
    title = data.get("dyad_label") or f"{data['a']} – {data['b']}"
    axes.set_title(f"{title}: events per {data['by']}", fontsize=10)
    axes.legend(fontsize=6, loc="upper left", ncols=2)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
