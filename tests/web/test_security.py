"""Headers, CSRF and the deployment checklist."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = [pytest.mark.db, pytest.mark.django_db]


@pytest.mark.parametrize("path", ["/", "/events/", "/api/events", "/accounts/login/"])
def test_every_response_carries_a_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_pages_have_no_inline_scripts(client, site):
    page = client.get(f"/articles/{site['rivalry'].pk}/").content.decode()
    assert "<script>" not in page and "<script src=" in page


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/register/", "/comments/post/"])
def test_forms_without_csrf_token_are_refused(member, path):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(path, {}).status_code == 403


def test_deploy_checklist_is_clean_with_production_settings(monkeypatch):
    """`manage.py check --deploy` under detente.web.settings.prod finds nothing."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-W", "error", "-m", "django", "check", "--deploy", "--fail-level",
                             "WARNING"], env=PROD_ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


PROD_ENV = {"DJANGO_SETTINGS_MODULE": "detente.web.settings.prod", "DETENTE_SECRET_KEY": "k" * 20 + "x9Q#" * 10,
            "DETENTE_SITE_URL": "https://events.example.org", "PATH": "/usr/bin:/bin",
            "DETENTE_DATA_DIR": "/tmp/detente-deploy-check",
            "PYTHONPATH": str(__import__("pathlib").Path(__import__("detente").__file__).parents[1])}


@pytest.mark.parametrize("site_url", ["", "http://events.example.org"])
def test_production_settings_refuse_to_start_without_an_https_site_url(site_url):
    import subprocess
    import sys

    env = {**PROD_ENV, "DETENTE_SITE_URL": site_url}
    result = subprocess.run([sys.executable, "-m", "django", "check"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0 and "production settings need DETENTE_SITE_URL" in result.stderr


WEB = __import__("pathlib").Path(__file__).resolve().parents[2] / "src" / "detente" / "web"


@pytest.mark.parametrize("folder", ["templates", "static"])
def test_pages_load_nothing_from_other_sites(folder):
    import re

    pattern = re.compile(r"""(src|href)=["']?(https?:)?//|url\(\s*["']?(https?:)?//|fetch\(\s*["']https?:""")
    offenders = [str(p) for p in (WEB / folder).rglob("*") if p.is_file() and pattern.search(p.read_text())]
    assert offenders == []


def test_static_files_are_served_by_the_site(client, db):
    response = client.get("/static/detente/chart.js")
    assert response.status_code == 200 and b"createElementNS" in b"".join(response.streaming_content)


@pytest.mark.db
@pytest.mark.django_db
@pytest.mark.parametrize(("url", "linked"), [
    ("javascript:alert(document.cookie)", False), ("JavaScript:alert(1)", False), (" javascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False), ("vbscript:msgbox", False), ("ftp://example.org/a", False),
    ("//evil.example/a", False), ("https://news.example.org/a?b=1", True), ("http://news.example.org/", True)])
def test_only_http_article_urls_become_links(client, url, linked):
    import datetime as dt

    from detente.model import Article as Input
    from detente.store.writing import store_analysis

    stored = store_analysis(Input(text=f"Ankara accused Moscow. {url}", title="t", date=dt.date(2020, 1, 1),
                                  url=url, source="corpus"), []).article
    page = client.get(f"/articles/{stored.pk}/").content.decode()
    from django.utils.html import escape

    assert ("original</a>" in page) is linked
    assert (f'href="{escape(url.strip())}"' in page) is linked
