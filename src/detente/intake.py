"""Intake: sources in, stored events out (``detente ingest``, the site's demo data).

``ingest_sources`` expands and reads sources (``detente.ingest``), skips articles
whose content hash is already stored *before* analysing them, analyses the
rest (``detente.analysis``, the one analysis core), and stores each one with ``store.writing.store_analysis``
in its own transaction. A failing source, article or write is counted with its
reason in the ``IngestReport``; it never stops the run.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from detente import analysis, model, pipeline
from detente.analysis import Analysis
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


def store_outcome(job: IngestJob, outcome: Analysis) -> None:
    """Store one analysed article (its own transaction), or count its failure with the reason."""
    error = outcome.error
    if not outcome.failed:
        try:
            result = writing.store_analysis(outcome.article, outcome.events, outcome.actors, model_name=job.model_name)
        except Exception as exc:  # noqa: BLE001 - the transaction rolled back; count it
            error = f"store failed: {type(exc).__name__}: {exc}"
        else:
            job.report.added += result.created
            job.report.skipped += not result.created  # stored meanwhile by another process: counted, not lost
            job.report.events_added += result.events_added
            job.report.mentions_added += result.mentions_added
    if error:
        job.report.fail(_where(outcome.article), error)
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
    for outcome in analysis.analyse_articles(itertools.chain([first], articles), job.nlp, options.batch_size):
        store_outcome(job, outcome)
    return job.report
