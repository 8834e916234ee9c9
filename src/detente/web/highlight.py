"""An article's text cut into segments, each knowing the actors and events covering it.

The template renders the segments (escaped) with actors and event sentences
marked in place; nothing here produces HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.records.names import cameo_name


@dataclass
class Segment:
    text: str
    events: list = field(default_factory=list)
    actor: object | None = None

    @property
    def event_ids(self) -> str:
        return " ".join(str(e.event_id) for e in self.events)

    @property
    def title(self) -> str:
        """Hover text: the coded events covering this segment."""
        return "\n".join(describe_mention(m) for m in self.events)


def describe_mention(mention) -> str:
    event = mention.event
    date = event.date_start.isoformat() if event.date_start else "undated"
    target = event.target_code or "-"
    return (f"{event.source_code} → {target}: {event.cameo} ({cameo_name(event.cameo)}), "
            f"quad class {event.quad_class}, {date}, {event.modality}")


def _boundaries(length: int, spans) -> list[int]:
    points = {0, length}
    for start, end in spans:
        points.update((max(0, min(start, length)), max(0, min(end, length))))
    return sorted(points)


def _covering(items, start: int, end: int, span_of) -> list:
    return [item for item in items if span_of(item)[0] <= start and end <= span_of(item)[1]]


def segments(text: str, actors, mentions) -> list[Segment]:
    """Cut ``text`` at every actor and event-mention boundary."""
    actor_span = lambda a: (a.start, a.end)  # noqa: E731
    mention_span = lambda m: (m.span_start, m.span_end)  # noqa: E731
    spans = [actor_span(a) for a in actors] + [mention_span(m) for m in mentions]
    points = _boundaries(len(text), spans)
    result = []
    for start, end in zip(points, points[1:]):
        if start == end:
            continue
        covering_actors = _covering(actors, start, end, actor_span)
        result.append(Segment(text[start:end], _covering(mentions, start, end, mention_span),
                              covering_actors[0] if covering_actors else None))
    return result
