"""Event records (DESIGN.md contract) -> model field values, with the store's keys.

Only plain dictionaries here: the models are filled by ``store.writing`` and
``store.merge``. Which record value goes to which ``Event`` field is
``detente.records.schema``'s table.
"""

from __future__ import annotations

import datetime as dt

from detente.records import schema


def dyad_key(a: str, b: str) -> str:
    """The undirected country pair 'AAA-BBB' (sorted); one country alone for events without target."""
    return "-".join(sorted(c for c in (a, b) if c))


def fingerprint(source_country: str, target_country: str, quad_class: int) -> str:
    """Merge candidate key: directed country pair and quad class ('TUR>RUS|4')."""
    return f"{source_country}>{target_country}|{quad_class}"


def event_fields(record: dict, article_date: dt.date | None = None) -> dict:
    """Field values of a new ``Event`` for one record (``records.schema``), with the store's keys."""
    fields = schema.stored_fields(record, article_date)
    fields["dyad"] = dyad_key(fields["source_country"], fields["target_country"])
    fields["fingerprint"] = fingerprint(fields["source_country"], fields["target_country"], fields["quad_class"])
    return fields


def mention_fields(record: dict) -> dict:
    """Field values of the ``EventMention`` (the evidence) for one record."""
    span = record.get("span") or [0, 0]
    date = record.get("date") or {}
    return {"sentence": record.get("sentence", ""), "sentence_index": int(record.get("sentence_index", 0)),
            "span_start": int(span[0]), "span_end": int(span[1]),
            "source_text": ((record.get("source") or {}).get("text") or "")[:300],
            "target_text": ((record.get("target") or {}).get("text") or "")[:300],
            "cameo": record["cameo"], "modality": record.get("modality") or "asserted",
            "date_text": (date.get("text") or "")[:200], "date_basis": date.get("basis") or "",
            "confidence": float(record.get("confidence", 0.5)), "record": record}


def mention_key(fields: dict) -> tuple:
    """What makes a mention unique inside its article (mirrors the model constraint)."""
    return (fields["span_start"], fields["span_end"], fields["cameo"], fields["source_text"], fields["target_text"])


def actor_mention_fields(row: dict) -> dict:
    return {"start": int(row["start"]), "end": int(row["end"]), "text": (row.get("text") or "")[:300],
            "code": row.get("code") or "", "country": row.get("country") or "",
            "name": (row.get("name") or "")[:300], "kind": row.get("kind") or "", "via": row.get("via") or "",
            "basis": (row.get("basis") or "")[:16]}
