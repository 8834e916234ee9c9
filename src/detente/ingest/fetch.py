"""Fetch a URL: the body (bounded in size), its content type and charset.

Every way a fetch can fail becomes one FetchError with a one-line message.

``public_only=True`` (what the site uses for submitted URLs) refuses to talk to
the server's own network: the address each connection actually reached (the
first request and every redirect, after DNS) must be a public one, so neither a
redirect to ``http://127.0.0.1/`` nor a host name that resolves differently the
second time gets through. Proxies from the environment are not used then.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from detente import __version__
from detente.errors import FetchError, TextTooLongError

log = logging.getLogger(__name__)

USER_AGENT = f"detente/{__version__} (+news event coder)"


@dataclass
class Fetched:
    url: str            # the final URL, after redirects
    body: bytes
    content_type: str   # e.g. "text/html"; "" when the server did not say
    charset: str | None


class PrivateAddressError(OSError):
    """A public-only fetch reached an address on the server's own network."""


def is_public_address(address: str) -> bool:
    """True for a globally routable address (not loopback, private, link-local, reserved...)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global


def _check_peer(connection: http.client.HTTPConnection) -> None:
    address = connection.sock.getpeername()[0]
    if not is_public_address(address):
        connection.close()
        raise PrivateAddressError(f"{connection.host} is at {address}, an address of the server's own network")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        super().connect()
        _check_peer(self)


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        super().connect()
        _check_peer(self)  # before any request is sent


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


def _opener(public_only: bool) -> urllib.request.OpenerDirector:
    if not public_only:
        return urllib.request.build_opener()
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _PublicHTTPHandler(),
                                       _PublicHTTPSHandler())


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _read_bounded(response, url: str, max_bytes: int) -> bytes:
    body = response.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise TextTooLongError(
            f"{url}: the page is larger than {max_bytes:,} bytes; raise DETENTE_MAX_TEXT_CHARS to accept it")
    return body


def _reason(exc: Exception) -> str:
    reason = getattr(exc, "reason", None) or exc
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return "timed out"
    return str(reason) or type(reason).__name__


def fetch(url: str, timeout: float, max_bytes: int, *, public_only: bool = False) -> Fetched:
    """GET ``url``; FetchError when it is unreachable or answers with an error status."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        with _opener(public_only).open(request, timeout=timeout) as response:
            body = _read_bounded(response, url, max_bytes)
            headers = response.headers
            log.info("fetched %s (%d bytes, %s)", url, len(body), headers.get_content_type())
            return Fetched(url=response.geturl(), body=body, content_type=_content_type(headers),
                           charset=headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered HTTP {exc.code} {exc.reason}; check the URL") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        refused = getattr(exc, "reason", exc)
        if isinstance(refused, PrivateAddressError):
            raise FetchError(f"{url}: refused, {refused}; only pages on the public internet "
                             f"can be fetched") from None
        raise FetchError(
            f"{url}: cannot fetch ({_reason(exc)}); check the address and your network, "
            f"or raise DETENTE_FETCH_TIMEOUT") from None


def _content_type(headers) -> str:
    """The declared content type, or "" when the server sent none."""
    return headers.get_content_type() if headers.get("Content-Type") else ""
