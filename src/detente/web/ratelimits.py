"""Rate limits read from settings at request time (so tests and deployments can change them)."""

from __future__ import annotations

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def _rate(setting: str):
    def rate(group, request) -> str:
        return getattr(settings, setting)
    return rate


def limit_posts(setting: str, key: str = "ip"):
    """Refuse (403) POSTs beyond the rate named by ``setting``, counted per ``key``."""
    return ratelimit(key=key, rate=_rate(setting), method="POST", block=True)
