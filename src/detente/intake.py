"""Intake: sources in, stored events out (``detente ingest``, the site's demo data).

``ingest_sources`` expands and reads sources (``detente.ingest``), skips articles
whose content hash is already stored *before* analysing them, analyses the
rest (``detente.pipeline``), and stores each one with ``store.writing.store_analysis``
in its own transaction. A failing source, article or write is counted with its
reason in the ``IngestReport``; it never stops the run.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from detente import model, pipeline, records
from detente.errors import DetenteError
from detente.ingest import Failure, expand_sources, iter_articles
from detente.store import writing

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    seen: int = 0
    added: int = 0
    skipped: int = 0
    events_added: int = 0
    mentions_added: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def fail(self, where: str, error: BaseException | str) -> None:
        self.failures.append((where, str(error)))
        log.warning("failed: %s: %s", where, error)


ProgressCallback = Callable[[IngestReport], None]


@dataclass
class IngestJob:
    """One ``ingest_sources`` run: options, the loaded pipeline, the running report."""

    options: object
    nlp: object
    report: IngestReport = field(default_factory=IngestReport)
    progress: ProgressCallback | None = None
    model_name: str = ""

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.report)


def _where(article: model.Article) -> str:
    return article.url or article.title or article.id


def _source_items(job: IngestJob, source: str, date) -> Iterator:
    """The articles and per-record failures of one source; an unreadable source is one failure."""
    try:
        yield from iter_articles(source, job.options, date=date)
    except DetenteError as err:
        yield _SourceFailure(source, err)


@dataclass
class _SourceFailure:
    where: str
    error: DetenteError


def _is_new(job: IngestJob, article: model.Article, hashes: set[str]) -> bool:
    digest = article.content_hash
    if digest in hashes or writing.is_stored(digest):
        job.report.skipped += 1
        return False
    hashes.add(digest)
    return True


def new_articles(job: IngestJob, sources: list[str], date=None) -> Iterator[model.Article]:
    """Articles not stored yet (checked before analysis); failures are counted as they come."""
    hashes: set[str] = set()
    for source in sources:
        for item in _source_items(job, source, date):
            job.report.seen += 1
            if isinstance(item, (Failure, _SourceFailure)):
                job.report.fail(str(item.where), item.error)
            elif _is_new(job, item, hashes):
                yield item
                continue
            job.tick()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_safely(articles: Iterable[model.Article], nlp, batch_size: int) -> Iterator[tuple]:
    """(article, doc, None) or (article, None, error): one bad article does not stop the stream."""
    for chunk in _chunks(articles, batch_size):
        try:
            docs = list(pipeline.analyze(chunk, nlp, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - retry one by one to find the culprit
            yield from _analyze_one_by_one(chunk, nlp)
            continue
        yield from ((article, doc, None) for article, doc in zip(chunk, docs))


def _analyze_one_by_one(chunk: list, nlp) -> Iterator[tuple]:
    for article in chunk:
        try:
            yield article, next(pipeline.analyze([article], nlp, batch_size=1)), None
        except Exception as exc:  # noqa: BLE001 - reported and counted per article
            yield article, None, exc


def store_doc(job: IngestJob, article: model.Article, doc) -> None:
    result = writing.store_analysis(article, records.doc_records(doc), records.actor_records(doc), model_name=job.model_name)
    job.report.added += result.created
    job.report.skipped += not result.created  # stored meanwhile by another process: counted, not lost
    job.report.events_added += result.events_added
    job.report.mentions_added += result.mentions_added


def _store_one(job: IngestJob, article: model.Article, doc, error) -> None:
    if error is None:
        try:
            store_doc(job, article, doc)
        except Exception as exc:  # noqa: BLE001 - the transaction rolled back; count it
            error = exc
    if error is not None:
        job.report.fail(_where(article), f"{type(error).__name__}: {error}")
    job.tick()


def ingest_sources(sources: list[str], options, *, date=None, nlp=None,
                   progress: ProgressCallback | None = None) -> IngestReport:
    """Expand, read, analyse and store every article of ``sources``.

    The pipeline is loaded only when a first article needs analysing, so a
    re-run over stored sources costs no model loading.
    """
    job = IngestJob(options, nlp, progress=progress)
    articles = new_articles(job, expand_sources(sources), date=date)
    first = next(articles, None)
    if first is None:
        return job.report
    job.nlp = nlp if nlp is not None else pipeline.load_pipeline(options)
    job.model_name = f"{job.nlp.meta.get('lang', '')}_{job.nlp.meta.get('name', '')}"
    for article, doc, error in analyze_safely(itertools.chain([first], articles), job.nlp, options.batch_size):
        _store_one(job, article, doc, error)
    return job.report
