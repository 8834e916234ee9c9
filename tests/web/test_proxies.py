"""The client address behind trusted proxies: one answer for rate limits, lockout and the rest.

Each test sends what a client (forged headers) and what a proxy (genuine,
appended headers) would send, with DETENTE_TRUSTED_PROXIES as a count and as networks.
"""

from __future__ import annotations

import ipaddress

import pytest

from detente.errors import OptionError
from detente.settings import parse_trusted_proxies
from detente.web.clientip import resolve_client

PASSWORD = "a-long-pass-phrase-1"
PROXY = "10.0.0.5"


def nets(*names):
    return tuple(ipaddress.ip_network(n) for n in names)


@pytest.mark.parametrize(("peer", "xff", "trusted", "client"), [
    ("198.51.100.7", "1.2.3.4", 0, "198.51.100.7"),                      # no proxy: the header is a forgery
    (PROXY, "", 1, PROXY),                                                # nothing forwarded
    (PROXY, "198.51.100.7", 1, "198.51.100.7"),                           # one proxy, genuine
    (PROXY, "1.2.3.4, 198.51.100.7", 1, "198.51.100.7"),                  # forged entry before the genuine one
    (PROXY, "1.2.3.4, 198.51.100.7, 10.0.0.9", 2, "198.51.100.7"),        # two proxies
    (PROXY, "198.51.100.7", 3, "198.51.100.7"),                           # fewer hops than proxies
    (PROXY, "1.2.3.4, 198.51.100.7", nets("10.0.0.0/8"), "198.51.100.7"),
    (PROXY, "1.2.3.4, 198.51.100.7, 10.0.0.9", nets("10.0.0.0/8"), "198.51.100.7"),
    ("198.51.100.7", "1.2.3.4", nets("10.0.0.0/8"), "198.51.100.7"),      # peer is no proxy: header ignored
    (PROXY, "garbage, 198.51.100.7", nets("10.0.0.0/8"), "198.51.100.7"),
    (PROXY, "10.0.0.2, not-an-ip", nets("10.0.0.0/8"), PROXY),
    ("::1", "[2001:db8::7]:4711", nets("::1/128"), "2001:db8::7"),
    (PROXY, "198.51.100.7:5555", 1, "198.51.100.7"),
])
def test_client_address_from_peer_header_and_trusted_proxies(peer, xff, trusted, client):
    assert resolve_client(peer, xff, trusted) == client


@pytest.mark.parametrize(("value", "parsed"), [("", 0), ("2", 2), ("10.0.0.0/8, ::1", nets("10.0.0.0/8", "::1/128"))])
def test_trusted_proxies_setting_is_a_count_or_networks(value, parsed):
    assert parse_trusted_proxies(value) == parsed


def test_trusted_proxies_setting_refuses_nonsense():
    with pytest.raises(OptionError, match="DETENTE_TRUSTED_PROXIES"):
        parse_trusted_proxies("the load balancer")


def login(client, password, client_address, peer=PROXY):
    return client.post("/accounts/login/", {"username": "reader", "password": password},
                       REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=f"6.6.6.6, {client_address}")


TRUSTED = [pytest.param(1, id="count"), pytest.param(nets("10.0.0.0/8"), id="networks")]


@pytest.mark.db
@pytest.mark.django_db
@pytest.mark.parametrize("trusted", TRUSTED)
def test_one_client_behind_the_proxy_cannot_exhaust_the_login_limit_for_all(client, member, settings, trusted):
    settings.DETENTE_TRUSTED_PROXIES, settings.DETENTE_RATE_LOGIN = trusted, "2/m"
    attacker = [login(client, "wrong", "198.51.100.66").status_code for _ in range(3)]
    assert attacker[2] == 403
    assert login(client, PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.db
@pytest.mark.django_db
@pytest.mark.parametrize("trusted", TRUSTED)
def test_one_client_behind_the_proxy_cannot_lock_a_user_out_for_all(client, member, settings, trusted):
    settings.DETENTE_TRUSTED_PROXIES = trusted
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "wrong", "198.51.100.66")
    assert login(client, PASSWORD, "198.51.100.66").status_code == 429
    assert login(client, PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.db
@pytest.mark.django_db
def test_without_trusted_proxies_a_forged_header_does_not_evade_the_limit(client, member, settings):
    settings.DETENTE_TRUSTED_PROXIES, settings.DETENTE_RATE_LOGIN = 0, "2/m"
    statuses = [login(client, "wrong", f"198.51.100.{i}", peer="203.0.113.1").status_code for i in range(3)]
    assert statuses[2] == 403


@pytest.mark.db
@pytest.mark.django_db
def test_without_trusted_proxies_a_forged_header_does_not_evade_the_lockout(client, member, settings):
    settings.DETENTE_TRUSTED_PROXIES = 0
    for i in range(settings.AXES_FAILURE_LIMIT):
        login(client, "wrong", f"198.51.100.{i}", peer="203.0.113.1")
    assert login(client, PASSWORD, "198.51.100.99", peer="203.0.113.1").status_code == 429


@pytest.mark.db
@pytest.mark.django_db
@pytest.mark.parametrize(("trusted", "peer", "secure"), [(0, "203.0.113.1", False), (nets("10.0.0.0/8"), PROXY, True),
                                                         (nets("10.0.0.0/8"), "203.0.113.1", False)])
def test_only_a_trusted_proxy_may_say_the_request_came_over_https(client, settings, trusted, peer, secure):
    from django.test import RequestFactory

    from detente.web.clientip import ClientAddressMiddleware

    settings.DETENTE_TRUSTED_PROXIES = trusted
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_PROTO="https",
                                   HTTP_X_FORWARDED_FOR="198.51.100.7")
    seen = {}
    ClientAddressMiddleware(lambda r: seen.update(secure=r.is_secure(), addr=r.META["REMOTE_ADDR"]))(request)
    assert seen == {"secure": secure, "addr": "198.51.100.7" if secure else peer}
