"""A one-paragraph account of a dyad timeline that cites the events behind it."""

from __future__ import annotations

from detente.events.cameo import QUAD_CLASSES as QUAD_NAMES

from .series import EventRef, Timeline, TimelinePeriod

SENTENCE_CHARS = 160


def cite(ref: EventRef) -> str:
    """'event #12 (2020-02-27: "Turkish troops ...")' — the evidence, shortened."""
    sentence = " ".join(ref.sentence.split())
    if len(sentence) > SENTENCE_CHARS:
        sentence = sentence[:SENTENCE_CHARS - 1].rstrip() + "…"
    return f'event #{ref.event_id} ({ref.date.isoformat()}: "{sentence}")'


def _overview(timeline: Timeline) -> str:
    q = timeline.query
    first, last = timeline.periods[0].start, timeline.periods[-1].start
    counts = {n: sum(p.counts[n] for p in timeline.periods) for n in QUAD_NAMES}
    parts = ", ".join(f"{counts[n]} {QUAD_NAMES[n]}" for n in QUAD_NAMES if counts[n])
    total_goldstein = sum(p.goldstein_sum for p in timeline.periods)
    mean = total_goldstein / timeline.events
    where = f" in {q.theatre}" if q.theatre else ""
    return (f"From {first.isoformat()} to {last.isoformat()}{where}, {timeline.events} events link "
            f"{q.a.label} and {q.b.label} ({parts}), with a mean Goldstein score of {mean:+.2f}.")


def _extreme(periods: list[TimelinePeriod], best: bool) -> TimelinePeriod | None:
    scored = [p for p in periods if p.events]
    if len(scored) < 2:
        return None
    return (max if best else min)(scored, key=lambda p: (p.goldstein_mean, p.events))


def _extremes(timeline: Timeline) -> list[str]:
    sentences = []
    for best, word in ((True, "most cooperative"), (False, "most hostile")):
        period = _extreme(timeline.periods, best)
        if period is None or not period.top_events:
            continue
        if (period.goldstein_mean <= 0) if best else (period.goldstein_mean >= 0):
            continue  # a period with a positive mean is never "most hostile", nor a negative one "most cooperative"
        sentences.append(f"The {word} period began {period.start.isoformat()} "
                         f"(mean {period.goldstein_mean:+.2f}), e.g. {cite(period.top_events[0])}.")
    return sentences


def _turns(timeline: Timeline) -> list[str]:
    sentences = []
    for point in timeline.change_points:
        evidence = f", around {cite(point.events[0])}" if point.events else ""
        sentences.append(f"Relations {point.direction} from {point.period.isoformat()} "
                         f"(mean Goldstein {point.before:+.2f} -> {point.after:+.2f}){evidence}.")
    if not timeline.change_points:
        sentences.append("No turning point stands out in this series.")
    return sentences


def summarize(timeline: Timeline) -> str:
    q = timeline.query
    if not timeline.events:
        return f"No events between {q.a.label} and {q.b.label} match these filters."
    return " ".join([_overview(timeline), *_turns(timeline), *_extremes(timeline)])
