"""Analyse articles and store them with their actor mentions and events.

``store_analysis`` writes one analysed article in one transaction (a failure
leaves nothing of it behind); ``ingest_sources`` streams sources through the
pipeline, skipping articles whose content hash is already stored *before*
analysing them. The CLI, the site and the batch loader call these functions.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from detente import model
from detente.errors import DetenteError

from . import rows
from .locking import lock_for_transaction
from .merge import merge_or_create
from .models import ActorMention, Article, EventMention

log = logging.getLogger(__name__)


@dataclass
class StoreResult:
    article: Article
    created: bool
    events_added: int = 0
    mentions_added: int = 0


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


def article_fields(article: model.Article, model_name: str = "") -> dict:
    return {"content_hash": article.content_hash, "external_id": (article.id or "")[:512],
            "title": article.title or "", "date": article.date, "source": article.source or "",
            "url": (article.url or "")[:2000], "text": article.text, "model_name": model_name[:200]}


def _unique_mentions(records: list[dict]) -> Iterator[tuple[dict, dict]]:
    """(record, mention fields) pairs, dropping exact duplicates within the article."""
    seen = set()
    for record in records:
        fields = rows.mention_fields(record)
        key = rows.mention_key(fields)
        if key not in seen:
            seen.add(key)
            yield record, fields


def _store_events(stored: Article, records: list[dict], result: StoreResult) -> None:
    """Merge or create each record's event, then write the article's mentions in one statement."""
    mentions = []
    for record, mention in _unique_mentions(records):
        event, created = merge_or_create(rows.event_fields(record, stored.date))
        mentions.append(EventMention(event=event, article=stored, **mention))
        result.events_added += created
    EventMention.objects.bulk_create(mentions)
    result.mentions_added = len(mentions)


def store_analysis(article: model.Article, records: list[dict], actor_rows: Iterable[dict] = (),
                   *, model_name: str = "", submitted_by=None) -> StoreResult:
    """Store one analysed article atomically; an already stored text is returned unchanged."""
    with transaction.atomic():
        lock_for_transaction()  # another process may be merging the same events
        existing = Article.objects.filter(content_hash=article.content_hash).first()
        if existing is not None:
            return StoreResult(existing, created=False)
        stored = Article.objects.create(**article_fields(article, model_name), submitted_by=submitted_by)
        ActorMention.objects.bulk_create(
            ActorMention(article=stored, **rows.actor_mention_fields(row)) for row in actor_rows)
        result = StoreResult(stored, created=True)
        _store_events(stored, records, result)
        return result


def is_stored(content_hash: str) -> bool:
    return Article.objects.filter(content_hash=content_hash).exists()


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
    from detente.ingest import iter_articles

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
    if digest in hashes or is_stored(digest):
        job.report.skipped += 1
        return False
    hashes.add(digest)
    return True


def new_articles(job: IngestJob, sources: list[str], date=None) -> Iterator[model.Article]:
    """Articles not stored yet (checked before analysis); failures are counted as they come."""
    from detente.ingest import Failure

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
    from detente.pipeline import analyze

    for chunk in _chunks(articles, batch_size):
        try:
            docs = list(analyze(chunk, nlp, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - retry one by one to find the culprit
            yield from _analyze_one_by_one(chunk, nlp)
            continue
        yield from ((article, doc, None) for article, doc in zip(chunk, docs))


def _analyze_one_by_one(chunk: list, nlp) -> Iterator[tuple]:
    from detente.pipeline import analyze

    for article in chunk:
        try:
            yield article, next(analyze([article], nlp, batch_size=1)), None
        except Exception as exc:  # noqa: BLE001 - reported and counted per article
            yield article, None, exc


def store_doc(job: IngestJob, article: model.Article, doc) -> None:
    from detente.records import actor_records, doc_records

    result = store_analysis(article, doc_records(doc), actor_records(doc), model_name=job.model_name)
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
    from detente.ingest import expand_sources
    from detente.pipeline import load_pipeline

    job = IngestJob(options, nlp, progress=progress)
    articles = new_articles(job, expand_sources(sources), date=date)
    first = next(articles, None)
    if first is None:
        return job.report
    job.nlp = nlp if nlp is not None else load_pipeline(options)
    job.model_name = f"{job.nlp.meta.get('lang', '')}_{job.nlp.meta.get('name', '')}"
    for article, doc, error in analyze_safely(itertools.chain([first], articles), job.nlp, options.batch_size):
        _store_one(job, article, doc, error)
    return job.report
