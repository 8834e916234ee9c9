"""Accounts: register, log in and out, password change and reset, rate limits, lockout."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core import mail

pytestmark = [pytest.mark.db, pytest.mark.django_db]

PASSWORD = "a-long-pass-phrase-1"


def test_register_creates_a_user_and_logs_in(client):
    response = client.post("/accounts/register/", {"username": "newcomer", "email": "n@example.org",
                                                   "password1": "Tricky-Phrase-42", "password2": "Tricky-Phrase-42"})
    assert response.status_code == 302 and client.get("/").context["user"].username == "newcomer"


def test_register_refuses_a_weak_password(client):
    client.post("/accounts/register/", {"username": "weak", "email": "w@example.org",
                                        "password1": "12345678", "password2": "12345678"})
    assert not User.objects.filter(username="weak").exists()


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from detente.web.settings import common

    assert common.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_login_and_logout(client, member):
    client.post("/accounts/login/", {"username": "reader", "password": PASSWORD})
    logged_in = client.get("/").context["user"].is_authenticated
    client.post("/accounts/logout/")
    assert logged_in and not client.get("/").context["user"].is_authenticated


def test_password_change(member_client, member):
    member_client.post("/accounts/password_change/", {"old_password": PASSWORD, "new_password1": "Another-Phrase-77",
                                                      "new_password2": "Another-Phrase-77"})
    member.refresh_from_db()
    assert member.check_password("Another-Phrase-77")


def test_password_reset_sends_a_mail_with_a_link(client, member):
    client.post("/accounts/password_reset/", {"email": "reader@example.org"})
    assert len(mail.outbox) == 1 and "/accounts/reset/" in mail.outbox[0].body


@pytest.mark.parametrize("path,data", [
    ("/accounts/login/", {"username": "reader", "password": "wrong"}),
    ("/accounts/register/", {"username": "", "email": "", "password1": "", "password2": ""}),
])
def test_posts_beyond_the_rate_limit_are_refused(client, member, settings, path, data):
    settings.DETENTE_RATE_LOGIN = settings.DETENTE_RATE_REGISTER = "2/m"
    statuses = [client.post(path, data).status_code for _ in range(3)]
    assert statuses[:2] != [403, 403] and statuses[2] == 403


def test_comment_posts_beyond_the_rate_limit_are_refused(member_client, site, settings):
    from .test_comments import comment_post

    settings.DETENTE_RATE_COMMENT = "2/m"
    statuses = [member_client.post("/comments/post/", comment_post(site["rivalry"], f"Note {i}.")).status_code
                for i in range(3)]
    assert statuses == [302, 302, 403]


def test_repeated_failed_logins_lock_the_account(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "reader", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "reader", "password": PASSWORD})
    assert response.status_code == 429 and "_auth_user_id" not in client.session \
        and "Too many failed log-ins" in response.content.decode()


# --- absolute links come from DETENTE_SITE_URL, never the Sites default ----------------------------

def test_password_reset_link_points_to_the_site_url(client, member, settings):
    settings.DETENTE_SITE_URL = "https://events.example.org"
    client.post("/accounts/password_reset/", {"email": "reader@example.org"})
    [message] = mail.outbox
    assert "https://events.example.org/accounts/reset/" in message.body and "example.com" not in message.body


def test_password_reset_link_without_a_site_url_points_to_the_requested_host(client, member, settings):
    settings.DETENTE_SITE_URL = ""
    client.post("/accounts/password_reset/", {"email": "reader@example.org"}, HTTP_HOST="localhost")
    [message] = mail.outbox
    assert "http://localhost/accounts/reset/" in message.body and "example.com" not in message.body


def test_migrating_sets_the_sites_domain_from_the_site_url(settings, db):
    from django.apps import apps
    from django.contrib.sites.models import Site

    from detente.web.apps import sync_site_domain

    settings.DETENTE_SITE_URL = "https://events.example.org"
    sync_site_domain(apps.get_app_config("sites"))
    assert Site.objects.get_current().domain == "events.example.org"


def test_password_reset_is_limited_per_address_whatever_the_client(client, member, settings):
    settings.DETENTE_RATE_RESET_ADDRESS = "2/m"
    statuses = [client.post("/accounts/password_reset/", {"email": email}, REMOTE_ADDR=f"203.0.113.{i}").status_code
                for i, email in enumerate(["reader@example.org", " READER@example.org", "reader@EXAMPLE.org"])]
    assert statuses == [302, 302, 403] and len(mail.outbox) == 2


def test_password_reset_is_limited_per_client_whatever_the_address(client, member, settings):
    settings.DETENTE_RATE_RESET_CLIENT = "2/m"
    statuses = [client.post("/accounts/password_reset/", {"email": f"person{i}@example.org"}).status_code
                for i in range(3)]
    assert statuses == [302, 302, 403]


# --- the admin's login counts with the site's --------------------------------------------------------

def test_admin_login_is_rate_limited(client, member, settings):
    settings.DETENTE_RATE_LOGIN = "2/m"
    statuses = [client.post("/admin/login/", {"username": "reader", "password": f"wrong{i}"}).status_code
                for i in range(3)]
    assert statuses[:2] == [200, 200] and statuses[2] == 403


def test_admin_and_site_logins_share_one_count(client, member, settings):
    settings.DETENTE_RATE_LOGIN = "2/m"
    client.post("/accounts/login/", {"username": "reader", "password": "wrong1"})
    client.post("/admin/login/", {"username": "reader", "password": "wrong2"})
    assert client.post("/accounts/login/", {"username": "reader", "password": "wrong3"}).status_code == 403
