"""Cross-article merging: one event reported by several articles."""

from __future__ import annotations

import pytest

from detente.store.models import Event, EventMention

from .factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]

FIRST = "Turkish forces attacked Russian troops in Idlib on 27 February."
SECOND = "Ankara's army hit Russian units in Idlib late in February, a wire reported."


@pytest.mark.parametrize("later", [
    record(cameo="193", start="2020-02-27"),                                   # specific vs generic code
    record(cameo="190", start="2020-02-01", end="2020-02-29", granularity="month"),  # overlapping month
    record(cameo="190", place="Idlib"),                                         # place known on one side
    record(cameo="190", modality="alleged"),                                    # alleged reports a fact too
], ids=["generic-code", "month-overlap", "one-place-known", "alleged"])
def test_compatible_reports_from_two_articles_are_one_event(later):
    store(FIRST, [record(cameo="190", start="2020-02-27")])
    store(SECOND, [later])
    assert (Event.objects.count(), EventMention.objects.count()) == (1, 2)


@pytest.mark.parametrize("first,later", [
    (record(cameo="193"), record(cameo="183", quad=4, goldstein=-9.0)),     # both specific, roots differ
    (record(cameo="190"), record(cameo="111", quad=3, goldstein=-2.0)),     # other quad class
    (record(start="2020-02-27"), record(start="2020-03-15")),               # dates do not overlap
    (record(place="Idlib"), record(place="Aleppo")),                        # different known places
    (record("TUR", "RUS"), record("RUS", "TUR")),                           # reversed direction
    (record(), record(modality="threatened")),                              # a threat is not the act
], ids=["roots-differ", "quad-differs", "dates-apart", "places-differ", "reversed", "threat"])
def test_incompatible_reports_stay_separate_events(first, later):
    store(FIRST, [first])
    store(SECOND, [later])
    assert Event.objects.count() == 2


def test_merged_event_keeps_each_sentence_with_its_article():
    a = store(FIRST, [record(sentence=FIRST)]).article
    b = store(SECOND, [record(sentence=SECOND, cameo="193")]).article
    event = Event.objects.get()
    assert sorted(event.mentions.values_list("article_id", "sentence")) == sorted([(a.pk, FIRST), (b.pk, SECOND)])


def test_merging_counts_mentions():
    for n in range(3):
        store(f"Report {n} of the same strike.", [record()])
    assert Event.objects.get().mention_count == 3


def test_merging_takes_the_more_precise_date_and_code():
    store(FIRST, [record(cameo="190", start="2020-02-01", end="2020-02-29", granularity="month")])
    store(SECOND, [record(cameo="193", start="2020-02-27")])
    event = Event.objects.get()
    assert (event.date_start.isoformat(), event.date_end.isoformat(), event.cameo) == \
        ("2020-02-27", "2020-02-27", "193")


def test_rejected_events_do_not_absorb_new_reports():
    store(FIRST, [record()])
    Event.objects.update(status=Event.Status.REJECTED)
    store(SECOND, [record()])
    assert Event.objects.filter(status=Event.Status.ACTIVE).count() == 1


@pytest.mark.parametrize("code,root,other,other_root,expected", [
    ("190", "19", "193", "19", True), ("0311", "03", "036", "03", True),
    ("193", "19", "183", "18", False), ("180", "18", "193", "19", True),
])
def test_codes_compatible(code, root, other, other_root, expected):
    from detente.records.merging import codes_compatible

    assert codes_compatible(code, root, other, other_root) is expected
