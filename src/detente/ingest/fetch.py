"""Fetch a URL: the body (bounded in size), its content type and charset.

Every way a fetch can fail becomes one FetchError with a one-line message.
"""

from __future__ import annotations

import http.client
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


def fetch(url: str, timeout: float, max_bytes: int) -> Fetched:
    """GET ``url``; FetchError when it is unreachable or answers with an error status."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = _read_bounded(response, url, max_bytes)
            headers = response.headers
            log.info("fetched %s (%d bytes, %s)", url, len(body), headers.get_content_type())
            return Fetched(url=response.geturl(), body=body, content_type=_content_type(headers),
                           charset=headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered HTTP {exc.code} {exc.reason}; check the URL") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(
            f"{url}: cannot fetch ({_reason(exc)}); check the address and your network, "
            f"or raise DETENTE_FETCH_TIMEOUT") from None


def _content_type(headers) -> str:
    """The declared content type, or "" when the server sent none."""
    return headers.get_content_type() if headers.get("Content-Type") else ""
