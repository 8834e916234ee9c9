"""Fixtures for the web tests: seeded records, users, a clean cache."""

from __future__ import annotations

import pytest

from .seed import seed_site


@pytest.fixture(autouse=True)
def _clear_cache(request):
    """Rate-limit counters and cached timelines must not leak between database tests."""
    if request.node.get_closest_marker("django_db") is not None:
        from django.core.cache import cache

        request.getfixturevalue("django_db_setup")  # the test database, never the real one
        with request.getfixturevalue("django_db_blocker").unblock():
            cache.clear()
    yield


@pytest.fixture
def site(db):
    return seed_site()


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("reader", "reader@example.org", "a-long-pass-phrase-1")


@pytest.fixture
def other_member(django_user_model):
    return django_user_model.objects.create_user("second", "second@example.org", "a-long-pass-phrase-2")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("analyst", "analyst@example.org", "a-long-pass-phrase-3",
                                                 is_staff=True)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture(autouse=True)
def _clear_local_cache():
    """The per-process cache level too (its keys carry a version the database rollback resets)."""
    from django.core.cache import caches

    caches["local"].clear()
    yield
