"""Fetch a URL: the body (bounded in size), its content type and charset.

Every way a fetch can fail becomes one FetchError with a one-line message.

Only ``http`` and ``https`` URLs are fetched, on the first request and on every
redirect: the opener is built from an explicit list of handlers (no ``ftp:``,
``file:`` or ``data:`` handler exists in it) and the redirect handler refuses
any other scheme with a clear message.

``public_only=True`` (what the site uses for submitted URLs) refuses to talk to
the server's own network. The host name is resolved *before* any connection is
made, every address it resolves to must be public (``is_public_address``), and
the connection then goes to one of those vetted addresses (so a name that
resolves differently the second time cannot slip through). A refused address
is never connected to, so open and closed ports of the internal network look
the same. Redirects go through the same check. Proxies from the environment
are not used then.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from detente import __version__
from detente.errors import FetchError, TextTooLongError

log = logging.getLogger(__name__)

USER_AGENT = f"detente/{__version__} (+news event coder)"
SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(//)?")
_BARE_SCHEMES = ("file", "data", "javascript", "ftp", "ftps", "gopher", "dict", "ldap", "jar")

# Every range that is not a plain public unicast address, beyond what Python's
# ``is_global`` already knows; IPv6 ranges that embed an IPv4 address (NAT64,
# 6to4, Teredo, IPv4-mapped/-compatible) are refused outright, since they can
# be routed to any IPv4 address, the server's own network included.
_NON_PUBLIC = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    "::/96",            # unspecified, loopback and the deprecated IPv4-compatible addresses
    "::ffff:0:0/96",    # IPv4-mapped
    "::ffff:0:0:0/96",  # IPv4-translated (SIIT)
    "64:ff9b::/96", "64:ff9b:1::/48",  # NAT64
    "100::/64",         # discard
    "2001::/23",        # IETF protocol assignments, Teredo (2001::/32) among them
    "2001:db8::/32", "3fff::/20",      # documentation
    "2002::/16",        # 6to4
    "5f00::/16",        # SRv6 SIDs
    "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
))


@dataclass
class Fetched:
    url: str            # the final URL, after redirects
    body: bytes
    content_type: str   # e.g. "text/html"; "" when the server did not say
    charset: str | None


class PrivateAddressError(OSError):
    """A public-only fetch would reach an address on the server's own network."""


class SchemeError(OSError):
    """A URL (or a redirect) with a scheme other than http or https."""


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address; False for loopback, private, link-local,
    shared, documentation, multicast and reserved ranges and for IPv6 forms embedding IPv4."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if any(ip in network for network in _NON_PUBLIC if network.version == ip.version):
        return False
    return ip.is_global and not ip.is_multicast


def url_scheme(source: str) -> str | None:
    """The scheme of ``source`` when it looks like a URL (``scheme://...``, or ``file:``,
    ``data:``... without slashes), else None: ``notes:v2.txt`` or ``C:\\x`` are file names."""
    match = _SCHEME_RE.match(source)
    if not match or len(match.group(1)) == 1:
        return None
    scheme = match.group(1).lower()
    return scheme if match.group(2) or scheme in _BARE_SCHEMES else None


def is_url(source: str) -> bool:
    """True for an http(s) URL, the only kind that is fetched."""
    return url_scheme(source) in SCHEMES and "://" in source


def check_scheme(url: str) -> None:
    """FetchError unless ``url`` is an http or https URL."""
    scheme = url_scheme(url)
    if scheme not in SCHEMES:
        raise FetchError(f"{url}: only http and https URLs can be fetched, not {scheme or 'this'}: URLs; "
                         f"give a local file by its path")


def public_addresses(host: str, port: int) -> list[tuple]:
    """The getaddrinfo results for ``host``; PrivateAddressError when any of them is not public."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for info in infos:
        if not is_public_address(info[4][0]):
            raise PrivateAddressError(f"{host} is at {info[4][0]}, an address of the server's own network")
    return infos


def connect_public(address: tuple, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None) -> socket.socket:
    """``socket.create_connection`` to a vetted address only: the host is resolved and checked first."""
    host, port = address
    error: OSError | None = None
    for family, kind, proto, _name, sockaddr in public_addresses(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"{host} has no address")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = connect_public


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = connect_public  # TLS is then checked against the host name


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


class _HTTPOnlyRedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri")
        if target:
            scheme = urlsplit(urljoin(req.full_url, target.strip())).scheme.lower()
            if scheme not in SCHEMES:
                fp.close()
                raise SchemeError(f"it redirects to a {scheme}: URL; only http and https are fetched")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(public_only: bool) -> urllib.request.OpenerDirector:
    """An opener that knows http and https only (no ftp, file or data handlers)."""
    opener = urllib.request.OpenerDirector()
    handlers = [urllib.request.UnknownHandler(), urllib.request.HTTPDefaultErrorHandler(),
                _HTTPOnlyRedirectHandler(), urllib.request.HTTPErrorProcessor()]
    if public_only:
        handlers += [_PublicHTTPHandler(), _PublicHTTPSHandler()]
    else:
        handlers += [urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler()]
    for handler in handlers:
        opener.add_handler(handler)
    return opener


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
    """GET ``url``; FetchError when it is unreachable, refused or answers with an error status."""
    check_scheme(url)
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
        if isinstance(refused, SchemeError):
            raise FetchError(f"{url}: refused, {refused}") from None
        raise FetchError(
            f"{url}: cannot fetch ({_reason(exc)}); check the address and your network, "
            f"or raise DETENTE_FETCH_TIMEOUT") from None


def _content_type(headers) -> str:
    """The declared content type, or "" when the server sent none."""
    return headers.get_content_type() if headers.get("Content-Type") else ""
