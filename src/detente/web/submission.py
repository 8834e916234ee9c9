"""Read and analyse one submitted article (``detente.analysis``); the spaCy pipeline loads once per process.

This runs in the job worker (``detente.web.jobs``), never in a request: a
submission of hundreds of thousands of characters takes minutes to analyse.
"""

from __future__ import annotations

import dataclasses
import logging
import threading

from django.conf import settings

from detente.analysis import StageFailed, analyse_articles
from detente.errors import InputError, TextTooLongError
from detente.ingest import Failure, SourceContext, articles_from_bytes, iter_articles
from detente.pipeline import cached_pipeline

log = logging.getLogger(__name__)
_LOCK = threading.Lock()


def pipeline():
    """The pipeline, loaded on first use (a few seconds) and kept for the process."""
    return cached_pipeline(settings.DETENTE_OPTIONS)[0]


def submission_options():
    """The options, with the longest text allowed lowered to DETENTE_SUBMIT_MAX_CHARS."""
    options = settings.DETENTE_OPTIONS
    return dataclasses.replace(options, max_text_chars=min(options.max_text_chars, options.submit_max_chars))


def _first_article(items, where: str):
    for item in items:
        if isinstance(item, Failure):
            raise item.error
        return item
    raise InputError(f"no article could be read from {where}: give the text itself instead")


def read_submission(**submission):
    """An ``Article`` from a submission's text, file or URL (with its title and date); a
    submission over the site's size limit is refused naming the site's own setting."""

    options = submission_options()
    try:
        return _read_submission(options, **submission)
    except TextTooLongError as exc:
        if options.max_text_chars == settings.DETENTE_OPTIONS.max_text_chars:
            raise
        raise TextTooLongError(
            f"the submission is longer than the {options.max_text_chars:,} characters the site accepts "
            f"(DETENTE_SUBMIT_MAX_CHARS); submit a shorter text, or ask the operator to raise the limit"
        ) from exc


def _read_submission(options, *, title: str = "", date=None, text: str = "", url: str = "",
                     file_name: str = "", file_data: bytes = b""):
    title = title or None
    if url:
        return _first_article(iter_articles(url, options, date=date, title=title, public_only=True), url)
    if file_name:
        ctx = SourceContext(options, file_name, "upload", date=date, title=title)
        return _first_article(articles_from_bytes(bytes(file_data), None, ctx), file_name)
    ctx = SourceContext(options, "the submitted text", "submitted", date=date, title=title)
    return ctx.article(text)


def analyse(article) -> tuple[list[dict], list[dict], str]:
    """(event records, actor rows, model name) of one article; ``StageFailed`` when a stage failed on it."""
    nlp = pipeline()
    with _LOCK:  # one analysis at a time per process: spaCy pipelines are not thread-safe
        outcome = next(analyse_articles([article], nlp, 1))
    if outcome.failed:
        raise StageFailed(outcome.error)
    return outcome.events, outcome.actors, nlp.meta.get("name", "")
