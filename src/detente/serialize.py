"""Detente's Doc extension values through msgpack, so spaCy can serialise annotated Docs.

``doc._.article``, ``doc._.actors`` and ``doc._.events`` hold Detente's
dataclasses. spaCy writes a Doc's ``user_data`` with srsly's msgpack, both
for ``DocBin(store_user_data=True)`` and to move Docs between processes in
``nlp.pipe(n_process=2)``. ``encode`` and ``decode`` are srsly msgpack hooks
(registered as the ``srsly_msgpack_encoders``/``_decoders`` entry points, and
by ``register_codec``): each value becomes a tagged dict and comes back as the
same dataclass.

This module imports nothing of Detente: srsly loads it through the entry
points while spaCy itself is being imported, before ``detente.model`` can be.
``detente.model`` registers its dataclasses here (``register_classes``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from srsly import msgpack

TAG = "__detente__"
DATE_TAG = "__detente_date__"
TUPLE_FIELDS = frozenset({"refs", "span", "trigger"})


_CLASSES: dict[str, type] = {}


def register_classes(*classes: type) -> None:
    """The dataclasses ``encode`` writes and ``decode`` rebuilds (``detente.model`` registers its own)."""
    _CLASSES.update((cls.__name__, cls) for cls in classes)


def _classes() -> dict[str, type]:
    return _CLASSES


def encode(obj, chain=None):
    """msgpack ``default`` hook: Detente's dataclasses and dates as tagged dicts."""
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return {DATE_TAG: obj.isoformat()}
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in _classes() \
            and type(obj).__module__ == "detente.model":
        return {TAG: type(obj).__name__,
                "fields": {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return obj if chain is None else chain(obj)


def decode(obj, chain=None):
    """msgpack ``object_hook``: the tagged dicts of ``encode`` back into dates and dataclasses."""
    if isinstance(obj, dict):
        if DATE_TAG in obj and len(obj) == 1:
            return dt.date.fromisoformat(obj[DATE_TAG])
        if TAG in obj and set(obj) == {TAG, "fields"} and obj[TAG] in _classes():
            fields = {name: tuple(value) if name in TUPLE_FIELDS and isinstance(value, list) else value
                      for name, value in obj["fields"].items()}
            return _classes()[obj[TAG]](**fields)
    return obj if chain is None else chain(obj)


def register_codec() -> None:
    """Register the hooks with srsly in this process (the entry points do it where Detente is installed)."""
    msgpack.msgpack_encoders.register("detente", func=encode)
    msgpack.msgpack_decoders.register("detente", func=decode)
