"""The static fallback of the relationship chart: a PNG drawn by matplotlib."""

from __future__ import annotations

import io


def timeline_png(data: dict) -> bytes:
    """Cooperation (up) and conflict (down) bars per period, turning points as lines."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    periods = data["periods"]
    labels = [p["period"] for p in periods]
    cooperation = [p["quad1"] + p["quad2"] for p in periods]
    conflict = [-(p["quad3"] + p["quad4"]) for p in periods]
    figure = Figure(figsize=(9, 3.2), dpi=90)
    axes = figure.add_subplot()
    positions = range(len(labels))
    axes.bar(positions, cooperation, color="#2b8a3e", label="cooperation")
    axes.bar(positions, conflict, color="#c92a2a", label="conflict")
    for point in data.get("change_points", []):
        if point["period"] in labels:
            axes.axvline(labels.index(point["period"]), color="#333", linestyle="--", linewidth=1)
    axes.axhline(0, color="#666", linewidth=0.6)
    step = max(1, len(labels) // 12)
    axes.set_xticks(list(positions)[::step], labels[::step], rotation=30, fontsize=7, ha="right")
    axes.set_title(f"{data['a']}–{data['b']}: events per {data['by']}", fontsize=10)
    axes.legend(fontsize=7, loc="upper left")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
