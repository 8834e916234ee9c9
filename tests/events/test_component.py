"""The detente_events component inside the spaCy pipeline."""

from detente.events.component import EventCoder
from detente.model import Event

from .marking import mark_countries


def test_component_sets_events_on_the_pipeline_doc(analyze_text):
    doc = analyze_text("Turkey shot down a Russian jet near the Syrian border.")
    assert isinstance(doc._.events, list)
    assert all(isinstance(e, Event) for e in doc._.events)


def test_component_doc_without_actors_gets_an_empty_list(nlp):
    doc = nlp.make_doc("Nothing to see here.")
    doc._.actors = []
    assert EventCoder(coder="rules")(doc)._.events == []


def test_component_codes_hand_marked_actors(nlp):
    doc = mark_countries(nlp("Iran condemned France."))
    events = EventCoder(coder="rules")(doc)._.events
    assert [(e.source.country, e.target.country, e.cameo) for e in events] == [("IRN", "FRA", "111")]


def test_component_pipe_hands_a_failing_doc_to_the_error_handler(nlp):
    coder = EventCoder(coder="rules")
    failed = []
    coder.set_error_handler(lambda name, proc, docs, exc: failed.append((name, type(exc))))
    broken = nlp.make_doc("Iran condemned France.")
    broken._.actors = ["not an actor mention"]
    good = mark_countries(nlp("Iran condemned France."))
    out = list(coder.pipe([broken, good]))
    assert failed == [("detente_events", AttributeError)]
    assert len(out) == 1 and out[0]._.events
