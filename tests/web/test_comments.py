"""Comments: only logged-in users post; replies, edit window, delete, flag, moderation, sanitising."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from detente.web.comments.forms import DetenteCommentForm
from detente.web.comments.models import DetenteComment

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def comment_post(article, text: str, parent=None) -> dict:
    form = DetenteCommentForm(article)
    data = {name: form.initial.get(name, "") for name in ("content_type", "object_pk", "timestamp", "security_hash")}
    data.update(comment=text, honeypot="", next=f"/articles/{article.pk}/")
    if parent is not None:
        data["parent"] = parent.pk
    return data


def make_comment(article, user, text="A first thought.", **fields) -> DetenteComment:
    return DetenteComment.objects.create(
        content_type=ContentType.objects.get_for_model(article), object_pk=str(article.pk), site_id=1,
        user=user, user_name=user.username, comment=text, **fields)


class MarkupAudit(HTMLParser):
    """Collects what could run in a piece of HTML: script tags, on* attributes, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.dangers = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "style"):
            self.dangers.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.dangers.append(f"{tag}[{name}]")


def dangers_in(html: str) -> list[str]:
    audit = MarkupAudit()
    audit.feed(html)
    return audit.dangers


def test_anonymous_visitor_is_invited_to_log_in_or_register(client, site):
    page = client.get(f"/articles/{site['rivalry'].pk}/").content.decode()
    assert "to comment" in page and "/accounts/login/" in page and "/accounts/register/" in page


def test_anonymous_post_is_refused_and_nothing_stored(client, site):
    response = client.post("/comments/post/", comment_post(site["rivalry"], "Sneaky remark."))
    assert response.status_code == 403 and not DetenteComment.objects.exists()


def test_member_posts_a_comment_shown_with_author(member_client, site):
    article = site["rivalry"]
    response = member_client.post("/comments/post/", comment_post(article, "Ankara *overplayed* its hand."))
    page = member_client.get(f"/articles/{article.pk}/").content.decode()
    assert response.status_code == 302 and "<em>overplayed</em>" in page and ">reader<" in page


def test_reply_is_attached_to_its_parent(member_client, member, site):
    article = site["rivalry"]
    parent = make_comment(article, member)
    member_client.post("/comments/post/", comment_post(article, "A reply.", parent=parent))
    assert DetenteComment.objects.get(comment="A reply.").parent == parent


def test_reply_to_a_reply_joins_the_top_level_thread(member_client, member, site):
    article = site["rivalry"]
    top = make_comment(article, member)
    reply = make_comment(article, member, "Second level.", parent=top)
    member_client.post("/comments/post/", comment_post(article, "Third level.", parent=reply))
    assert DetenteComment.objects.get(comment="Third level.").parent == top


@pytest.mark.parametrize("text", [
    "<script>window.pwned = 1</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="#" onclick="alert(1)">x</a>',
    "<svg><script>alert(1)</script></svg>",
])
def test_comment_markup_never_runs_scripts(member_client, member, site, text):
    article = site["rivalry"]
    make_comment(article, member, text)
    page = member_client.get(f"/articles/{article.pk}/").content.decode()
    assert dangers_in(page.split('id="comments"')[1].split("</section>")[0]) == []


def test_script_in_a_comment_is_shown_as_text(member_client, member, site):
    make_comment(site["rivalry"], member, "<script>alert(1)</script>")
    page = member_client.get(f"/articles/{site['rivalry'].pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_author_edits_within_the_window_and_comment_is_marked_edited(member_client, member, site):
    comment = make_comment(site["rivalry"], member)
    member_client.post(f"/comments/{comment.pk}/edit/", {"comment": "Second thoughts."})
    comment.refresh_from_db()
    assert comment.comment == "Second thoughts." and comment.edited_at is not None


def test_edit_after_the_window_is_refused(member_client, member, site, settings):
    comment = make_comment(site["rivalry"], member)
    DetenteComment.objects.filter(pk=comment.pk).update(
        submit_date=timezone.now() - dt.timedelta(minutes=settings.DETENTE_COMMENT_EDIT_MINUTES + 1))
    response = member_client.post(f"/comments/{comment.pk}/edit/", {"comment": "Too late."})
    comment.refresh_from_db()
    assert response.status_code == 403 and comment.comment == "A first thought."


def test_other_users_cannot_edit_or_delete(client, member, other_member, site):
    comment = make_comment(site["rivalry"], member)
    client.force_login(other_member)
    statuses = (client.post(f"/comments/{comment.pk}/edit/", {"comment": "Hijack"}).status_code,
                client.post(f"/comments/{comment.pk}/delete/").status_code)
    assert statuses == (403, 403)


def test_author_deletes_own_comment(member_client, member, site):
    comment = make_comment(site["rivalry"], member, "Regrettable words.")
    member_client.post(f"/comments/{comment.pk}/delete/")
    page = member_client.get(f"/articles/{site['rivalry'].pk}/").content.decode()
    assert "Regrettable words." not in page


def test_member_flags_a_comment(client, member, other_member, site):
    comment = make_comment(site["rivalry"], member)
    client.force_login(other_member)
    client.post(f"/comments/{comment.pk}/flag/")
    assert comment.flags.filter(user=other_member).exists()


def test_staff_hides_a_comment_from_readers(client, staff, member, site):
    comment = make_comment(site["rivalry"], member, "Off-topic rant.")
    client.force_login(staff)
    client.post(f"/comments/{comment.pk}/moderate/", {"action": "hide"})
    client.logout()
    page = client.get(f"/articles/{site['rivalry'].pk}/").content.decode()
    assert "Off-topic rant." not in page


def test_members_cannot_moderate(member_client, member, site):
    comment = make_comment(site["rivalry"], member)
    member_client.post(f"/comments/{comment.pk}/moderate/", {"action": "hide"})
    comment.refresh_from_db()
    assert comment.is_public


def test_flagged_comments_appear_in_the_admin_queue(client, staff, member, other_member, site):
    from detente.web.comments.models import DetenteCommentFlag

    flagged = make_comment(site["rivalry"], member, "Flag me.")
    make_comment(site["rivalry"], member, "Leave me.")
    DetenteCommentFlag.objects.create(comment=flagged, user=other_member)
    client.force_login(staff)
    staff.is_superuser = True
    staff.save()
    page = client.get("/admin/detente_comments/detentecomment/", {"flagged": "yes"}).content.decode()
    assert "1 comment" in page


def test_anonymous_readers_see_new_and_hidden_comments_at_once(client, member, staff, site):
    path = f"/articles/{site['rivalry'].pk}/"
    client.get(path)  # the anonymous page is now cached
    comment = make_comment(site["rivalry"], member, "Fresh news.")
    shown = "Fresh news." in client.get(path).content.decode()
    client.force_login(staff)
    client.post(f"/comments/{comment.pk}/moderate/", {"action": "hide"})
    client.logout()
    assert shown and "Fresh news." not in client.get(path).content.decode()


@pytest.mark.parametrize("action,field,value", [
    ("hide_comments", "is_public", False),
    ("remove_comments", "is_removed", True),
])
def test_admin_bulk_moderation(client, staff, member, site, action, field, value):
    comment = make_comment(site["rivalry"], member, "Moderate me.")
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    client.post("/admin/detente_comments/detentecomment/", {"action": action, "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert getattr(comment, field) is value


@pytest.mark.parametrize("zone,shown,offset", [("UTC", "2020-03-01 14:05 UTC", "+00:00"),
                                               ("Europe/Istanbul", "2020-03-01 17:05 +03", "+03:00")])
def test_comment_timestamps_show_their_time_zone(client, site, django_user_model, settings, zone, shown, offset):
    settings.TIME_ZONE = zone
    author = django_user_model.objects.create_user("timekeeper", password="pw-12345678")
    make_comment(site["rivalry"], author, submit_date=dt.datetime(2020, 3, 1, 14, 5, tzinfo=dt.timezone.utc))
    page = client.get(f"/articles/{site['rivalry'].pk}/").content.decode()
    assert f'<time datetime="2020-03-01T{shown[11:16]}:00{offset}">{shown}</time>' in page
