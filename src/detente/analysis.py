"""The one analysis core: a stream of articles in, each article's records or the reason it failed out.

``analyse_articles(articles, nlp, batch_size)`` yields one ``Analysis`` per
article, in order: its event records and actor rows, or the stage that failed
and why. Never a partial article: an article a stage failed on yields no
records, even when that stage caught its error and let the doc go on. One bad
article costs only itself: the stream goes on (a stage that cannot take spaCy's
error handler and breaks the stream has the rest of its batch rerun one by one).

Every entry point analyses through it: ``detente analyze``/``actors``,
``detente ingest`` (``intake``), the batch job and the site's submissions.
While it runs, the pipeline's error handlers record failures; afterwards they
re-raise again (spaCy's default).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from detente import pipeline, records
from detente.model import Article

log = logging.getLogger(__name__)


class StageFailed(RuntimeError):
    """Raised by a caller that needs the records of one article when a stage failed on it."""


@dataclass
class Analysis:
    """One article analysed: its records, or (``failed``) the stage that failed and why."""

    article: Article
    events: list[dict] = field(default_factory=list)     # event records (DESIGN.md)
    actors: list[dict] = field(default_factory=list)     # actor mention rows
    stage: str | None = None                             # the stage that failed: a component, "records", "pipeline"
    reason: str | None = None                            # "ValueError: ..."

    @property
    def failed(self) -> bool:
        return self.stage is not None

    @property
    def error(self) -> str:
        return f"{self.stage} failed: {self.reason}" if self.failed else ""


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


class _Failures:
    """A spaCy error handler that records which stage failed on which article (by identity)."""

    def __init__(self):
        self.by_article: dict[int, tuple[str, str]] = {}

    def __call__(self, name: str, component, docs: list[Doc], exc: Exception) -> None:
        log.debug("stage %s failed", name, exc_info=exc)
        for doc in docs:
            self.by_article[id(doc._.article)] = (name, _reason(exc))

    def of(self, article: Article) -> Analysis | None:
        found = self.by_article.pop(id(article), None)
        return Analysis(article, stage=found[0], reason=found[1]) if found else None


def set_error_handler(nlp: Language, handler) -> None:
    """Like ``Language.set_error_handler``, skipping stages that cannot take one (spaCy's parser)."""
    nlp.default_error_handler = handler
    for _, stage in nlp.pipeline:
        with contextlib.suppress(AttributeError):
            stage.set_error_handler(handler)


def _outcome(doc: Doc, failures: _Failures) -> Analysis:
    article = doc._.article
    failed = failures.of(article)
    if failed is not None:  # the stage handed its error over and let the doc go on: no partial article
        return failed
    try:
        return Analysis(article, records.doc_records(doc), records.actor_records(doc))
    except Exception as exc:  # noqa: BLE001 - recorded with its reason; the stream goes on
        return Analysis(article, stage="records", reason=_reason(exc))


def _one(article: Article, nlp: Language, failures: _Failures) -> Analysis:
    try:
        docs = list(pipeline.analyze([article], nlp, batch_size=1))
    except Exception as exc:  # noqa: BLE001 - a stage without an error handler
        return failures.of(article) or Analysis(article, stage="pipeline", reason=_reason(exc))
    return _outcome(docs[0], failures) if docs else failures.of(article) or \
        Analysis(article, stage="pipeline", reason="the pipeline dropped the article")


def _chunk(nlp: Language, chunk: list[Article], batch_size: int, failures: _Failures) -> list[Analysis]:
    done: dict[int, Analysis] = {}
    with nlp.memory_zone():
        try:
            for doc in pipeline.analyze(chunk, nlp, batch_size=batch_size):
                done[id(doc._.article)] = _outcome(doc, failures)
        except Exception as exc:  # noqa: BLE001 - the rest of the chunk is rerun one by one below
            log.info("a batch failed (%s); rerunning its articles one by one", exc)
        return [done.get(id(a)) or failures.of(a) or _one(a, nlp, failures) for a in chunk]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyse_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[Analysis]:
    """One ``Analysis`` per article, in order (the articles are read lazily, ``batch_size`` at a time)."""
    failures = _Failures()
    set_error_handler(nlp, failures)
    try:
        for chunk in _chunks(articles, max(1, batch_size)):
            yield from _chunk(nlp, chunk, batch_size, failures)
    finally:
        set_error_handler(nlp, raise_error)
