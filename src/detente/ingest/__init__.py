"""Ingestion: sources (files, stdin, URLs, JSONL corpora, feeds) to cleaned ``Article``s.

``iter_articles(source, options, date=..., title=...)`` yields ``Article`` objects,
or ``Failure`` for one bad record of a multi-record source; ``expand_sources``
turns folders and globs into sources. See docs/ingest.md.
"""

from .base import Failure, SourceContext
from .expand import expand_sources
from .normalize import normalize_text
from .sources import articles_from_bytes, iter_articles

__all__ = ["SourceContext", "Failure", "articles_from_bytes", "expand_sources", "iter_articles", "normalize_text"]
