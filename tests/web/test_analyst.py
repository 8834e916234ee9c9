"""Analysts correct or reject events from the site; timelines follow at once."""

from __future__ import annotations

import pytest

from detente.store.models import Correction, Event

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def year_counts(client) -> dict:
    data = client.get("/api/timeline", {"a": "RUS", "b": "TUR", "by": "year", "theatre": "Libya"}).json()
    return {p["period"]: (p["quad1"] + p["quad2"], p["quad3"] + p["quad4"]) for p in data["periods"]}


def test_staff_correction_changes_the_event_and_records_who(staff_client, staff, site):
    event = Event.objects.get(cameo="190")
    staff_client.post(f"/events/{event.pk}/correct/", {"cameo": "036", "note": "a meeting, not a strike"})
    event.refresh_from_db()
    correction = Correction.objects.get(event=event)
    assert (event.cameo, event.quad_class, correction.user) == ("036", 1, staff)


def test_correction_changes_the_cached_timeline(staff_client, site):
    before = year_counts(staff_client)
    event = Event.objects.get(cameo="190")
    staff_client.post(f"/events/{event.pk}/correct/", {"cameo": "036"})
    assert (before, year_counts(staff_client)) == ({"2020-01-01": (0, 1)}, {"2020-01-01": (1, 0)})


def test_rejected_event_leaves_the_timeline(staff_client, site):
    event = Event.objects.get(cameo="190")
    staff_client.post(f"/events/{event.pk}/reject/", {})
    event.refresh_from_db()
    assert event.status == "rejected" and year_counts(staff_client) == {}


@pytest.mark.parametrize("action", ["correct", "reject"])
def test_members_cannot_correct_events(member_client, site, action):
    event = Event.objects.get(cameo="190")
    member_client.post(f"/events/{event.pk}/{action}/", {"cameo": "036"})
    event.refresh_from_db()
    assert (event.cameo, event.status) == ("190", "active")


def test_bad_cameo_code_is_refused_with_a_message(staff_client, site):
    event = Event.objects.get(cameo="190")
    response = staff_client.post(f"/events/{event.pk}/correct/", {"cameo": "strike"}, follow=True)
    event.refresh_from_db()
    assert event.cameo == "190" and "CAMEO code is 2 to 4 digits" in response.content.decode()


def test_article_page_shows_correction_forms_to_staff_only(client, staff, site):
    path = f"/articles/{site['rivalry'].pk}/"
    anonymous = client.get(path).content.decode()
    client.force_login(staff)
    assert 'class="correct"' not in anonymous and 'class="correct"' in client.get(path).content.decode()


def test_correction_shows_on_the_cached_article_page(client, staff, site):
    path = f"/articles/{site['rivalry'].pk}/"
    event = Event.objects.get(cameo="190")
    before = client.get(path).content.decode()
    client.force_login(staff)
    client.post(f"/events/{event.pk}/correct/", {"cameo": "036"})
    client.logout()
    row = client.get(path).content.decode().split(f'id="event-{event.pk}"')[1].split("</tr>")[0]
    assert 'data-cameo="190"' in before and 'data-cameo="036"' in row


@pytest.mark.parametrize("back,expected", [
    ("/articles/1/", "/articles/1/"),
    ("https://evil.example/", None),
    ("//evil.example/", None),
    ("/\\evil.example/", None),
])
def test_after_a_correction_staff_go_back_only_within_the_site(staff_client, site, back, expected):
    event = Event.objects.get(cameo="190")
    response = staff_client.post(f"/events/{event.pk}/reject/", {"back": back})
    assert response["Location"] == (expected or f"/events/{event.pk}/")


def test_restored_event_returns_to_the_timeline(staff_client, site):
    event = Event.objects.get(cameo="190")
    staff_client.post(f"/events/{event.pk}/reject/", {})
    staff_client.post(f"/events/{event.pk}/restore/", {})
    assert year_counts(staff_client) == {"2020-01-01": (0, 1)}


def test_staff_correct_the_actors_and_date_of_an_event_on_its_page(staff_client, staff, site):
    event = Event.objects.get(cameo="190")
    page = staff_client.get(f"/events/{event.pk}/").content.decode()
    staff_client.post(f"/events/{event.pk}/correct/",
                      {"source": "SYR", "target": "", "date": "2020-01-10..2020-01-12", "note": "misread"})
    event.refresh_from_db()
    logged = dict(Correction.objects.filter(event=event).values_list("field", "new_value"))
    assert 'class="correct-full"' in page
    assert (event.source_country, event.dyad, event.date_start.isoformat(), event.date_end.isoformat(),
            event.cameo) == ("SYR", "-".join(sorted(["SYR", event.target_country])), "2020-01-10", "2020-01-12", "190")
    assert set(logged) == {"source", "date"} and logged["source"].startswith("SYR")


@pytest.mark.parametrize("data,message", [
    ({"source": "Atlantis"}, "no actor or country called"),
    ({"date": "2020-13-45"}, "use YYYY-MM-DD"),
    ({"note": "only a note"}, "Give a new CAMEO code, source, target or date"),
])
def test_a_correction_the_store_cannot_apply_changes_nothing_and_says_why(staff_client, site, data, message):
    event = Event.objects.get(cameo="190")
    before = (event.source_country, event.target_country, event.date_start, event.date_end)
    response = staff_client.post(f"/events/{event.pk}/correct/", data, follow=True)
    event.refresh_from_db()
    assert message in response.content.decode()
    assert (event.source_country, event.target_country, event.date_start, event.date_end) == before
    assert not Correction.objects.exists()
