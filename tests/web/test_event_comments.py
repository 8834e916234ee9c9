"""Comments on an event (a coding dispute), with the article comments' rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from detente.store.models import Event
from detente.web.comments.models import DetenteComment

from .test_comments import comment_post, make_comment

pytestmark = [pytest.mark.db, pytest.mark.django_db]


@pytest.fixture
def event(site):
    return Event.objects.order_by("id").first()


def test_a_member_comments_on_an_event_and_sees_it_there(member_client, event):
    data = comment_post(event, "This is a threat, not an accusation: 138, not 112.")
    data["next"] = f"/events/{event.pk}/"
    response = member_client.post("/comments/post/", data)
    assert response.status_code == 302
    comment = DetenteComment.objects.get()
    assert comment.get_absolute_url() == f"/events/{event.pk}/#c{comment.pk}"
    html = member_client.get(f"/events/{event.pk}/").content.decode()
    assert "138, not 112" in html and " UTC</time>" in html


def test_an_anonymous_visitor_cannot_comment_on_an_event(client, event):
    response = client.post("/comments/post/", comment_post(event, "Anonymous view."))
    assert response.status_code == 403 and not DetenteComment.objects.exists()
    assert "to comment" in client.get(f"/events/{event.pk}/").content.decode()


def test_comments_go_only_on_articles_and_events(member_client, member):
    data = comment_post(member, "On a user?")
    response = member_client.post("/comments/post/", data)
    assert response.status_code == 400 and not DetenteComment.objects.exists()


def test_event_comments_keep_the_edit_window_and_flags(member_client, member, other_member, client, event):
    own = make_comment(event, member)
    assert member_client.get(f"/comments/{own.pk}/edit/").status_code == 200
    DetenteComment.objects.filter(pk=own.pk).update(submit_date=timezone.now() - dt.timedelta(days=2))
    assert member_client.get(f"/comments/{own.pk}/edit/").status_code == 403
    client.force_login(other_member)
    response = client.post(f"/comments/{own.pk}/flag/")
    assert response.status_code == 302 and response["Location"].startswith(f"/events/{event.pk}/")
    assert own.flags.count() == 1


def test_staff_hide_an_event_comment(staff_client, member, event):
    comment = make_comment(event, member, "Rude words.")
    response = staff_client.post(f"/comments/{comment.pk}/moderate/", {"action": "hide"})
    assert response["Location"] == f"/events/{event.pk}/#comments"
    comment.refresh_from_db()
    assert not comment.is_public


def test_comments_on_articles_and_events_stay_apart(member, site, event, client):
    make_comment(site["friendship"], member, "About the article.")
    make_comment(event, member, "About the event.")
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert "About the event." in page and "About the article." not in page
