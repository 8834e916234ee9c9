"""The client's address, the one way every part of the site reads it.

Behind a reverse proxy the peer address (REMOTE_ADDR) is the proxy's, shared by
all clients; the client is in X-Forwarded-For, which anyone can also forge.
``DETENTE_TRUSTED_PROXIES`` says which peers are proxies: a count N (the last N
hops are proxies, so the client is the N-th address from the right) or the
proxies' networks (walk X-Forwarded-For from the right while the hop is a
trusted proxy). Addresses a client wrote to the left of what its proxy
appended are never believed.

``ClientAddressMiddleware`` (first in MIDDLEWARE) puts the result in
REMOTE_ADDR, so the rate limits (django-ratelimit), the login lockout
(django-axes, also given ``client_ip`` as AXES_CLIENT_IP_CALLABLE), sessions and
logs all see the same client; it also drops X-Forwarded-* headers that did not
come from a trusted proxy, so a client cannot claim HTTPS. Waitress is left
out of it (no trusted_proxy): it passes the headers through unchanged.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

from detente.settings import Networks

CLIENT_KEY = "detente.client_ip"
PEER_KEY = "detente.peer_ip"
FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
                      "HTTP_X_FORWARDED_PORT", "HTTP_FORWARDED")


def _address(text: str) -> str | None:
    """A normalised IP address from one X-Forwarded-For entry, or None when it is not one."""
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":")[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def _in(address: str, networks: Networks) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip.version == network.version and ip in network for network in networks)


def resolve_client(peer: str, forwarded_for: str, trusted: int | Networks) -> str:
    """The client's address from the peer address, X-Forwarded-For and the trusted proxies."""
    hops = [_address(part) for part in forwarded_for.split(",")] if forwarded_for.strip() else []
    if not trusted or not hops:
        return peer
    if isinstance(trusted, int):
        chosen = hops[-trusted] if len(hops) >= trusted else hops[0]
        return chosen or peer
    current = peer
    while hops and _address(current) and _in(current, trusted):
        hop = hops.pop()
        if hop is None:  # garbage from an untrusted hop: stop at the last good address
            break
        current = hop
    return current


def peer_is_trusted(peer: str, trusted: int | Networks) -> bool:
    if not trusted:
        return False
    if isinstance(trusted, int):
        return True
    return bool(_address(peer)) and _in(_address(peer), trusted)


def client_ip(request) -> str:
    """The client's address for this request (computed once, from the original peer)."""
    meta = request.META
    if CLIENT_KEY not in meta:
        peer = meta.get("REMOTE_ADDR", "") or ""
        meta[PEER_KEY] = peer
        meta[CLIENT_KEY] = resolve_client(peer, meta.get("HTTP_X_FORWARDED_FOR", ""),
                                          settings.DETENTE_TRUSTED_PROXIES)
    return meta[CLIENT_KEY]


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        client = client_ip(request)
        if not peer_is_trusted(request.META[PEER_KEY], settings.DETENTE_TRUSTED_PROXIES):
            for header in FORWARDING_HEADERS:
                request.META.pop(header, None)
        request.META["REMOTE_ADDR"] = client
        return self.get_response(request)
