"""Analyse one submitted article and store it; the spaCy pipeline loads once per process."""

from __future__ import annotations

import logging
import threading

from django.conf import settings

from detente.errors import InputError

log = logging.getLogger(__name__)
_LOCK = threading.Lock()
_NLP = None


def pipeline():
    """The pipeline, loaded on first use (a few seconds) and kept for the process."""
    global _NLP
    with _LOCK:
        if _NLP is None:
            from detente.pipeline import load_pipeline

            log.info("loading the spaCy pipeline for submissions")
            _NLP = load_pipeline(settings.DETENTE_OPTIONS)
        return _NLP


def _first_article(items, where: str):
    from detente.ingest import Failure

    for item in items:
        if isinstance(item, Failure):
            raise item.error
        return item
    raise InputError(f"no article could be read from {where}: give the text itself instead")


def read_submission(data: dict):
    """An ``Article`` from the form's text, file or URL (with its title and date)."""
    from detente.ingest import Context, articles_from_bytes, iter_articles

    options = settings.DETENTE_OPTIONS
    title, date = data.get("title") or None, data.get("date")
    if data.get("url"):
        articles = iter_articles(data["url"], options, date=date, title=title, public_only=True)
        return _first_article(articles, data["url"])
    if data.get("file"):
        upload = data["file"]
        ctx = Context(options, upload.name, "upload", date=date, title=title)
        return _first_article(articles_from_bytes(upload.read(), None, ctx), upload.name)
    ctx = Context(options, "the submitted text", "submitted", date=date, title=title)
    return ctx.article(data["text"])


def analyse_and_store(article, user):
    """Run the pipeline on one article and store it; returns the store's result."""
    from detente.pipeline import analyze
    from detente.records import actor_records, doc_records
    from detente.store.ingest import store_analysis

    nlp = pipeline()
    with _LOCK:  # one analysis at a time per process: spaCy pipelines are not thread-safe
        doc = next(analyze([article], nlp))
    return store_analysis(article, doc_records(doc), actor_records(doc),
                          model_name=nlp.meta.get("name", ""), submitted_by=user)
