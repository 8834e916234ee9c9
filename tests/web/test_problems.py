"""Bad input never gives a 5xx; API errors are problem details (400, 404, 405, 500 alike).

These tests run on SQLite and, under `make test`, again on PostgreSQL, where a
NUL character in a query parameter used to reach the database and fail there.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.django_db]

PAGES = ["/", "/events/", "/relations/RUS-TUR/", "/relations/RUS-TUR/chart.png", "/api/articles",
         "/api/events", "/api/timeline", "/accounts/login/", "/admin/login/", "/admin/web/", "/submit/"]
NUL_PARAMS = [{"q": "Ankara\x00"}, {"theatre": "Syria\x00"}, {"dyad": "RUS-TUR\x00"}, {"page": "1\x00"},
              {"a": "RUS", "b": "TUR", "theatre": "\x00"}, {"x\x00": "1"}, {"start": "2020-01-01\x00"}]


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status and response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["error"]
    return body


@pytest.mark.parametrize("params", NUL_PARAMS)
@pytest.mark.parametrize("path", PAGES)
def test_a_nul_character_in_any_parameter_is_a_400(client, site, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    if path.startswith("/api/"):
        assert_problem(response, 400)


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/", "/accounts/password_reset/"])
def test_a_nul_character_in_a_posted_field_is_a_400(client, site, path):
    response = client.post(path, {"username": "reader\x00", "password": "x", "email": "a\x00@example.org"})
    assert response.status_code == 400


def test_a_nul_character_in_the_path_is_a_400_not_a_500(client, site):
    assert client.get("/relations/RUS%00-TUR/").status_code == 400


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
@pytest.mark.parametrize("username", ["x" * 5000, "Ω" * 300])
def test_an_overlong_username_is_a_failed_log_in_not_a_500(client, member, path, username):
    """The lockout log (django-axes) keeps usernames in a 255-character column."""
    from axes.models import AccessAttempt

    response = client.post(path, {"username": username, "password": "wrong"}, HTTP_USER_AGENT="u" * 1000)
    assert response.status_code == 200 and AccessAttempt.objects.get().username == username[:150]


def test_a_nul_character_in_a_header_is_a_400(client, member):
    """The lockout log stores the User-Agent of a failed log-in."""
    response = client.post("/accounts/login/", {"username": "reader", "password": "wrong"},
                           HTTP_USER_AGENT="probe\x00agent")
    assert response.status_code == 400


def test_a_nul_character_in_the_session_cookie_is_a_400(client, site):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/").status_code == 400


def test_api_bad_parameter_is_a_problem_with_its_code(client, site):
    body = assert_problem(client.get("/api/events", {"quad_class": "7"}), 400)
    assert body["error"] == "E200" and "quad_class" in body["detail"] and body["message"] == body["detail"]


def test_api_unknown_record_is_a_404_problem(client, db):
    assert assert_problem(client.get("/api/articles/999999"), 404)["error"] == "E600"


def test_api_unknown_path_is_a_404_problem(client, db):
    assert_problem(client.get("/api/no-such-thing"), 404)


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_api_other_methods_are_a_405_problem(db, method):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)("/api/events")
    assert_problem(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_api_server_error_is_a_500_problem(client, db, monkeypatch):
    from detente.web import queries

    def broken(params):
        raise RuntimeError("a bug, not the user's fault")

    monkeypatch.setattr(queries, "query_events", broken)
    client.raise_request_exception = False
    body = assert_problem(client.get("/api/events"), 500)
    assert "a bug" not in body["detail"]


def test_a_page_not_found_outside_the_api_stays_html(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
