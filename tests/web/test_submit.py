"""Submitting an article: who may, what is checked, and one real analysis."""

from __future__ import annotations

import pytest

from detente.store.models import Article

pytestmark = [pytest.mark.db, pytest.mark.django_db]

TEXT = ("ANKARA, March 3 (Detente test) - Turkey accused Russia on Tuesday of bombing its soldiers "
        "near Idlib. President Erdogan threatened to retaliate against Russian forces.")


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get("/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("policy,status", [("users", 200), ("staff", 403)])
def test_submit_policy_decides_whether_members_may_submit(member_client, settings, policy, status):
    settings.DETENTE_SUBMIT_POLICY = policy
    assert member_client.get("/submit/").status_code == status


def test_staff_may_submit_under_staff_policy(staff_client, settings):
    settings.DETENTE_SUBMIT_POLICY = "staff"
    assert staff_client.get("/submit/").status_code == 200


@pytest.mark.parametrize("data", [{}, {"text": "Some words.", "url": "https://93.184.216.34/a"}])
def test_submit_needs_exactly_one_source(member_client, data):
    response = member_client.post("/submit/", data)
    assert "exactly one of" in response.content.decode() and not Article.objects.exists()


def submit_and_run(client, data) -> str:
    """Post a submission, let a worker run the queued job, and return the job page's text."""
    from detente.web.jobs import run_next_job

    response = client.post("/submit/", data)
    assert response.status_code == 302 and response["Location"].startswith("/submit/"), response.content[:500]
    run_next_job("test-worker")
    return client.get(response["Location"]).content.decode()


@pytest.mark.slow
def test_submitted_text_is_analysed_and_published(member_client, member, nlp, monkeypatch):
    from detente.web import submission as analysis

    monkeypatch.setattr(analysis, "pipeline", lambda: nlp)
    page = submit_and_run(member_client, {"text": TEXT, "title": "Idlib strike", "date": "2020-03-03"})
    article = Article.objects.get(title="Idlib strike")
    assert f'href="/articles/{article.pk}/"' in page and article.submitted_by == member
    assert article.event_mentions.exists()


@pytest.mark.parametrize("url", ["http://127.0.0.1:5432/", "http://10.0.0.8/news", "http://[::1]/", "http://169.254.169.254/"])
def test_urls_on_the_servers_own_network_are_refused(member_client, url):
    response = member_client.post("/submit/", {"url": url})
    assert "public internet" in response.content.decode() and not Article.objects.exists()


def test_a_url_that_reaches_the_servers_own_network_when_fetched_is_refused(member_client, monkeypatch):
    """The form's DNS check can be passed (a redirect, a name that resolves differently the
    second time): the fetch checks the address it actually reached."""
    import http.server
    import threading

    from detente.web import forms

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(forms, "is_public_url", lambda url: True)
    try:
        page = submit_and_run(member_client, {"url": f"http://127.0.0.1:{server.server_address[1]}/"})
    finally:
        server.shutdown()
        server.server_close()
    assert "only pages on the public internet" in page and not Article.objects.exists()


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/etc/passwd", "ftp://93.184.216.34/x", "file:///etc/passwd"])
def test_urls_of_other_schemes_are_refused_by_the_form(member_client, url):
    response = member_client.post("/submit/", {"url": url})
    assert "Enter a valid URL" in response.content.decode() and not Article.objects.exists()


def test_an_ftp_url_that_passes_the_form_is_still_never_read(member_client, monkeypatch, tmp_path):
    """Even past the form's check, the fetcher refuses the scheme (it is not a local path)."""
    from detente.web import forms

    monkeypatch.setattr(forms.SubmitForm.base_fields["url"], "validators", [])
    monkeypatch.setattr(forms, "is_public_url", lambda url: True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ftp:" / "127.0.0.1").mkdir(parents=True)
    (tmp_path / "ftp:" / "127.0.0.1" / "secret.txt").write_text("Turkey accused Russia of a secret.")
    page = submit_and_run(member_client, {"url": "ftp://127.0.0.1/secret.txt"})
    assert "only http and https URLs can be fetched" in page
    assert not Article.objects.exists()
