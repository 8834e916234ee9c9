"""URLs fetched from a local web server serving canned pages; unreachable hosts."""

import datetime as dt

import pytest

from detente.errors import FetchError, NoMainTextError, TextTooLongError
from detente.ingest import Failure, iter_articles
from detente.settings import Options


def fetch_all(url, options, **overrides):
    return list(iter_articles(url, options, **overrides))


def test_url_html_page_gives_its_main_text(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/article", ingest_options)
    assert "sanctions on tomatoes" in " ".join(article.text.split())
    assert "Leave a comment" not in article.text


def test_url_page_keeps_its_url_and_host_as_source(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/article", ingest_options)
    assert (article.url, article.source) == (f"{web_server}/article", "127.0.0.1")


def test_url_page_date_comes_from_metadata(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/article", ingest_options)
    assert article.date == dt.date(2020, 10, 20)


def test_url_without_content_type_is_sniffed_as_html(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/untyped", ingest_options)
    assert article.title == "Two capitals drift apart"


def test_url_feed_gives_one_article_per_entry(web_server, ingest_options):
    items = fetch_all(f"{web_server}/feed", ingest_options)
    assert [type(item) for item in items] == [type(items[0]), Failure, type(items[0])]


def test_url_atom_served_as_generic_xml_is_read_as_a_feed(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/atom-as-xml", ingest_options)
    assert article.title == "Envoys trade accusations"


def test_url_plain_text_uses_the_declared_charset(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/plain", ingest_options)
    assert article.text == "Café talks in Zürich ended."


def test_url_jsonl_corpus_is_read_record_by_record(web_server, ingest_options):
    assert [a.id for a in fetch_all(f"{web_server}/corpus", ingest_options)] == ["r1", "r2"]


def test_url_menu_page_has_no_main_text(web_server, ingest_options):
    with pytest.raises(NoMainTextError):
        fetch_all(f"{web_server}/menu", ingest_options)


@pytest.mark.parametrize("path,status", [("/gone", "410"), ("/missing", "404")])
def test_url_error_status_is_a_fetch_error(web_server, ingest_options, path, status):
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        fetch_all(f"{web_server}{path}", ingest_options)


def test_url_unreachable_host_is_a_one_line_fetch_error(ingest_options):
    with pytest.raises(FetchError) as caught:
        fetch_all("http://127.0.0.1:9/", ingest_options)
    assert "cannot fetch" in str(caught.value) and "\n" not in str(caught.value)


def test_url_larger_than_the_limit_is_refused(web_server):
    options = Options.from_env({}, max_text_chars=10)
    with pytest.raises(TextTooLongError, match="DETENTE_MAX_TEXT_CHARS"):
        fetch_all(f"{web_server}/article", options)


def test_url_slower_than_the_fetch_timeout_is_a_fetch_error(web_server):
    options = Options.from_env({}, fetch_timeout=0.2)
    with pytest.raises(FetchError, match="timed out"):
        fetch_all(f"{web_server}/slow", options)


def test_url_redirect_is_followed(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/moved", ingest_options)
    assert article.url == f"{web_server}/article"


def test_public_only_fetch_refuses_the_machines_own_network(web_server, ingest_options):
    with pytest.raises(FetchError, match="refused, 127.0.0.1 is at 127.0.0.1"):
        fetch_all(f"{web_server}/article", ingest_options, public_only=True)


@pytest.mark.parametrize(("path", "refused"), [("/article", False), ("/moved", True)])
def test_public_only_fetch_checks_the_address_of_every_redirect(web_server, ingest_options, monkeypatch,
                                                                 path, refused):
    from detente.ingest import fetch

    connections = []

    def first_connection_counts_as_public(address):
        connections.append(address)
        return len(connections) == 1

    monkeypatch.setattr(fetch, "is_public_address", first_connection_counts_as_public)
    if refused:
        with pytest.raises(FetchError, match="only pages on the public internet"):
            fetch_all(f"{web_server}{path}", ingest_options, public_only=True)
    else:
        assert len(fetch_all(f"{web_server}{path}", ingest_options, public_only=True)) == 1


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.216.34", True), ("127.0.0.1", False), ("10.1.2.3", False), ("169.254.169.254", False),
    ("::1", False), ("::ffff:127.0.0.1", False), ("::ffff:93.184.216.34", False), ("fe80::1%eth0", False),
    ("2606:4700::1111", True), ("0.0.0.0", False), ("100.64.0.1", False), ("192.0.0.8", False),
    ("192.0.2.1", False), ("198.51.100.1", False), ("203.0.113.9", False), ("198.18.0.1", False),
    ("192.88.99.1", False), ("224.0.0.1", False), ("255.255.255.255", False), ("::", False),
    ("::7f00:1", False), ("64:ff9b::7f00:1", False), ("64:ff9b::808:808", False), ("64:ff9b:1::a00:1", False),
    ("2002:7f00:1::", False), ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False), ("2001:db8::1", False),
    ("3fff::1", False), ("100::1", False), ("5f00::1", False), ("fc00::1", False), ("fd12::1", False),
    ("fec0::1", False), ("ff02::1", False), ("2a00:1450:4001::200e", True)])
def test_public_address_check(address, public):
    from detente.ingest.fetch import is_public_address

    assert is_public_address(address) is public


# --- only http and https, on the first request and every redirect -------------------------------

@pytest.mark.parametrize("url", ["ftp://127.0.0.1/etc/passwd", "file:///etc/passwd", "gopher://127.0.0.1:25/",
                                 "data:text/plain,hello", "FTP://10.0.0.1/x"])
def test_other_schemes_are_refused_with_a_clear_message(ingest_options, url):
    with pytest.raises(FetchError, match="only http and https URLs can be fetched"):
        fetch_all(url, ingest_options)


def test_an_ftp_url_is_never_read_as_a_local_path(ingest_options, tmp_path, monkeypatch):
    """Path("ftp://127.0.0.1/secret.txt") is the relative path ftp:/127.0.0.1/secret.txt."""
    monkeypatch.chdir(tmp_path)
    secret = tmp_path / "ftp:" / "127.0.0.1" / "secret.txt"
    secret.parent.mkdir(parents=True)
    secret.write_text("The server's own secret file.")
    with pytest.raises(FetchError, match="only http and https"):
        fetch_all("ftp://127.0.0.1/secret.txt", ingest_options)


def test_a_file_name_with_a_colon_is_still_a_file(ingest_options, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes:v2.txt").write_text("Turkey accused Russia.")
    [article] = fetch_all("notes:v2.txt", ingest_options)
    assert article.text == "Turkey accused Russia."


@pytest.mark.parametrize("public_only", [False, True])
@pytest.mark.parametrize("path,scheme", [("/to-ftp", "ftp"), ("/to-file", "file"), ("/to-data", "data")])
def test_redirects_to_other_schemes_are_refused(web_server, ingest_options, monkeypatch, public_only, path, scheme):
    from detente.ingest import fetch

    monkeypatch.setattr(fetch, "is_public_address", lambda address: True)  # the test server counts as public
    with pytest.raises(FetchError, match=f"redirects to a {scheme}: URL; only http and https"):
        fetch_all(f"{web_server}{path}", ingest_options, public_only=public_only)


def test_a_redirect_chain_is_followed_to_its_end(web_server, ingest_options):
    [article] = fetch_all(f"{web_server}/to-moved", ingest_options)
    assert article.url == f"{web_server}/article"


# --- the address is checked before any connection ---------------------------------------------

@pytest.fixture
def listener():
    """A listening socket on 127.0.0.1 that never accepts: yields (port, connections_made())."""
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.3)

    def connections_made() -> int:
        count = 0
        while True:
            try:
                conn, _ = sock.accept()
            except (TimeoutError, OSError):
                return count
            conn.close()
            count += 1

    yield sock.getsockname()[1], connections_made
    sock.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f000001", "017700000001",
                                  "127.1", "0177.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"])
def test_public_only_fetch_never_connects_to_the_servers_own_network(ingest_options, listener, host):
    port, connections_made = listener
    with pytest.raises(FetchError, match="only pages on the public internet"):
        fetch_all(f"http://{host}:{port}/", ingest_options, public_only=True)
    assert connections_made() == 0


def test_open_and_closed_ports_give_the_same_answer(ingest_options, listener):
    """No port-scan oracle: the refusal comes before the connection, whatever listens there."""
    import socket

    port, _ = listener
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    closed = probe.getsockname()[1]
    probe.close()
    answers = []
    for target in (port, closed):
        with pytest.raises(FetchError) as caught:
            fetch_all(f"http://127.0.0.1:{target}/", ingest_options, public_only=True)
        answers.append(caught.value.message.replace(str(target), "PORT"))
    assert answers[0] == answers[1]


def test_a_name_with_any_private_address_is_refused(ingest_options, monkeypatch, listener):
    """A host name resolving to a public and a private address is refused as a whole."""
    import socket

    from detente.ingest import fetch

    port, connections_made = listener
    real = socket.getaddrinfo

    def two_addresses(host, *args, **kwargs):
        if host == "mixed.test":
            return (real("93.184.216.34", *args, **kwargs) + real("127.0.0.1", *args, **kwargs))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(fetch.socket, "getaddrinfo", two_addresses)
    with pytest.raises(FetchError, match="mixed.test is at 127.0.0.1"):
        fetch_all(f"http://mixed.test:{port}/", ingest_options, public_only=True)
    assert connections_made() == 0
