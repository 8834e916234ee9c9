"""Analysts' corrections: logged with who and when, used downstream; rejections excluded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from detente.errors import NotFoundError, OptionError
from detente.events.cameo import describe
from detente.store import corrections
from detente.store.models import Correction, Event
from detente.store.queries import EventFilter, filter_events

from .factories import record, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]


@pytest.fixture
def event():
    store("Turkish jets struck Russian positions.", [record()])
    return Event.objects.get()


def test_code_correction_updates_the_derived_fields(event):
    corrections.correct_event(event, "analyst", code="111")
    event.refresh_from_db()
    expected = describe("111")
    assert (event.cameo, event.quad_class, event.goldstein) == (expected.code, expected.quad_class,
                                                                expected.goldstein)


def test_correction_is_logged_with_user_old_and_new_value(event):
    user = get_user_model().objects.create_user("ana", password="x-long-password-1")
    corrections.correct_event(event, user, code="111", note="a verbal attack")
    logged = Correction.objects.get()
    assert (logged.user, logged.author, logged.field, logged.old_value, logged.new_value, logged.note) == \
        (user, "ana", "cameo", "190", "111", "a verbal attack")


def test_actor_correction_moves_the_event_to_another_dyad(event):
    corrections.correct_event(event, "analyst", target="SYR")
    event.refresh_from_db()
    assert (event.target_country, event.dyad) == ("SYR", "SYR-TUR")


def test_date_range_correction(event):
    corrections.correct_event(event, "analyst", date="2019-05-01..2019-05-31")
    event.refresh_from_db()
    assert (event.date_start, event.date_end, event.date_granularity, event.date_basis) == \
        (dt.date(2019, 5, 1), dt.date(2019, 5, 31), "month", "corrected")


def test_rejected_events_are_left_out_of_listings(event):
    corrections.reject_event(event, "analyst", note="not an attack")
    assert list(filter_events(EventFilter())) == []


def test_restore_brings_a_rejected_event_back(event):
    corrections.reject_event(event, "analyst")
    corrections.restore_event(Event.objects.get(), "analyst")
    assert [e.pk for e in filter_events(EventFilter())] == [event.pk]


def test_rejecting_twice_is_refused(event):
    corrections.reject_event(event, "analyst")
    with pytest.raises(OptionError):
        corrections.reject_event(Event.objects.get(), "analyst")


def test_a_correction_without_changes_is_refused(event):
    with pytest.raises(OptionError):
        corrections.correct_event(event, "analyst")


def test_unknown_event_id_is_not_found():
    with pytest.raises(NotFoundError):
        corrections.get_event(12345)


@pytest.mark.parametrize("text", ["2020-13-01", "2020-02-10..2020-02-01", "last week"])
def test_bad_correction_dates_are_refused(text):
    with pytest.raises(OptionError):
        corrections.parse_date_range(text)


def test_corrected_events_keep_their_code_when_new_reports_merge(event):
    corrections.correct_event(event, "analyst", code="195")
    store("Another report of the strike.", [record(cameo="193")])
    event.refresh_from_db()
    assert (event.cameo, event.mention_count) == ("195", 2)
