"""What one Dask task does: analyse one partition and write its files.

The spaCy pipeline is loaded once per worker process (once per worker
thread with ``--threads-per-worker`` above 1: a pipeline and its memory zones
are not shared between threads) and cached by model name; every partition of
that worker reuses it. Documents stream through the analysis core
(``detente.analysis``) inside spaCy memory zones, one per batch, so strings
interned for one batch are released before the next and a worker's memory
stays flat however long the corpus.
"""

from __future__ import annotations

import logging
import os
import resource
import time

from spacy.language import Language

from detente import analysis
from detente.errors import DetenteError, RecordError
from detente.model import Article
from detente.pipeline import cached_pipeline
from detente.records.schema import record_row
from detente.settings import Options

from . import files, layout
from .articles import to_article
from .inputs import Partition, read_partition
from .schema import TABLES, actor_row, article_row, to_table

log = logging.getLogger(__name__)

def get_pipeline(options: Options) -> tuple[Language, float]:
    """This thread's pipeline for ``options`` and the seconds spent loading it now (0 if cached)."""
    return cached_pipeline(options, per_thread=True)


def partition_outcomes(articles: list[Article], nlp: Language, batch_size: int) -> list[dict | str]:
    """Per article, in order: its event records and actor rows, or why it failed
    (``detente.analysis``: only a broken article is lost)."""
    return [outcome.error if outcome.failed else {"events": outcome.events, "actors": outcome.actors}
            for outcome in analysis.analyse_articles(articles, nlp, batch_size)]


def _parse(part: Partition, options: Options) -> tuple[list[Article], list[dict]]:
    articles, errors = [], []
    for number, record in read_partition(part):
        try:
            if isinstance(record, DetenteError):
                raise record
            if isinstance(record, Exception):
                raise RecordError(f"{os.path.basename(part.input.path)} line {number + 1}: "
                                  f"not a JSON object ({record}); fix or remove this line")
            articles.append(to_article(record, part.input.path, number + 1, options))
        except DetenteError as err:
            article_id = record.get("id") if isinstance(record, dict) else None
            errors.append({"article_id": article_id, "partition": part.name, "reason": str(err)})
    return articles, errors


def _tables(part: Partition, articles: list[Article], outcomes: list) -> tuple[dict, list]:
    """The rows of each table, and the errors, of one partition's outcomes."""
    tables, errors = {"articles": [], "events": [], "actors": []}, []
    for article, outcome in zip(articles, outcomes):
        if isinstance(outcome, str):
            errors.append({"article_id": article.id, "partition": part.name, "reason": outcome})
            continue
        tables["articles"].append(article_row(article, len(outcome["events"])))
        tables["events"].extend(record_row(record) for record in outcome["events"])
        tables["actors"].extend(actor_row(row) for row in outcome["actors"])
    return tables, errors


def _write(out, part: Partition, plan_key: str, tables: dict, errors: list) -> dict:
    for name, rows in tables.items():
        files.write_parquet(to_table(rows, TABLES[name]), layout.table_path(out, name, part.name))
    marker = {"partition": part.name, "plan_key": plan_key, "articles": len(tables["articles"]),
              "events": len(tables["events"]), "failed": len(errors), "errors": errors}
    files.write_json(marker, layout.marker_path(out, part.name))
    return marker


def process_partition(part: Partition, options: Options, out: str, plan_key: str) -> dict:
    """The Dask task: analyse one partition, write its files atomically, return its counts."""
    started = time.perf_counter()
    nlp, load_seconds = get_pipeline(options)
    articles, errors = _parse(part, options)
    outcomes = partition_outcomes(articles, nlp, options.batch_size)
    tables, failed = _tables(part, articles, outcomes)
    marker = _write(out, part, plan_key, tables, errors + failed)
    return {**marker, "seconds": time.perf_counter() - started, "load_seconds": load_seconds,
            "pid": os.getpid(), "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
