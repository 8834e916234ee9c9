"""Rate limits read from settings at request time (so tests and deployments can change them)."""

from __future__ import annotations

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def _rate(setting: str):
    def rate(group, request) -> str:
        return getattr(settings, setting)
    return rate


LOGIN_GROUP = "detente.login"  # the site's and the admin's login forms share one count


def limit_posts(setting: str, key="ip", group: str | None = None):
    """Refuse (403) POSTs beyond the rate named by ``setting``, counted per ``key`` (the client
    address by default, as ``detente.web.clientip`` resolves it behind trusted proxies)."""
    return ratelimit(group=group, key=key, rate=_rate(setting), method="POST", block=True)


def posted_email(group, request) -> str:
    """A rate-limit key: the e-mail address posted, normalised (case, spaces)."""
    return request.POST.get("email", "").strip().lower()
