"""The one analysis core: records or a recorded failure per article, never a partial article."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.util import raise_error

from detente.analysis import analyse_articles
from detente.model import Article, register_extensions
from detente.stage import Stage


class CatchesItsOwnError(Stage):
    """Like a hand-written handler: hands the error over, then lets the half-annotated doc go on."""

    def __call__(self, doc):
        doc._.events = []
        if "HALF" in doc.text:
            doc._.actors = ["half of an annotation"]
            self.get_error_handler()(self.name, self, [doc], ValueError("gave up halfway"))
        return doc


class Raises(Stage):
    def annotate(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("boom")


@Language.factory("test_analysis_catches")
def _catches(nlp, name):
    return CatchesItsOwnError(nlp, name)


@Language.factory("test_analysis_raises")
def _raises(nlp, name):
    return Raises(nlp, name)


@pytest.fixture
def fragile():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_analysis_catches")
    nlp.add_pipe("test_analysis_raises")
    return nlp


TEXTS = ["The envoys met.", "The talks went HALF way.", "The BOOM came.", "The envoys met again."]


@pytest.mark.parametrize("batch_size", [1, 2, 32])
def test_each_article_gives_its_records_or_its_failure_in_order(fragile, batch_size):
    articles = [Article(text=t, id=f"a{i}") for i, t in enumerate(TEXTS)]
    outcomes = list(analyse_articles(articles, fragile, batch_size))
    assert [o.article.id for o in outcomes] == ["a0", "a1", "a2", "a3"]
    assert [(o.stage, o.reason) for o in outcomes] == [
        (None, None), ("test_analysis_catches", "ValueError: gave up halfway"),
        ("test_analysis_raises", "RuntimeError: boom"), (None, None)]
    assert outcomes[1].actors == [] and outcomes[1].events == []   # nothing of the half-annotated doc
    assert outcomes[2].error == "test_analysis_raises failed: RuntimeError: boom"


def test_records_that_cannot_be_made_are_a_recorded_failure(fragile, monkeypatch):
    from detente import records

    monkeypatch.setattr(records, "doc_records", lambda doc: 1 / 0)
    outcome = next(analyse_articles([Article(text="The envoys met.")], fragile))
    assert (outcome.failed, outcome.stage, outcome.reason) == (True, "records", "ZeroDivisionError: division by zero")


def test_the_error_handlers_raise_again_afterwards(fragile):
    list(analyse_articles([Article(text="The BOOM came.")], fragile))
    assert fragile.get_pipe("test_analysis_raises").get_error_handler() is raise_error
    with pytest.raises(RuntimeError):
        fragile("The BOOM came.")
