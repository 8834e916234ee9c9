"""The JSON API: listings, filters, timelines, 400 on bad parameters, the OpenAPI description."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def test_api_articles_lists_newest_first(client, site):
    data = client.get("/api/articles").json()
    assert [a["title"] for a in data["results"]] == ["From partners to rivals", "A friendship of pipelines"]


def test_api_articles_search(client, site):
    data = client.get("/api/articles", {"q": "missiles"}).json()
    assert data["count"] == 1 and data["results"][0]["title"] == "A friendship of pipelines"


def test_api_article_carries_text_and_mention_spans(client, site):
    article = site["rivalry"]
    data = client.get(f"/api/articles/{article.pk}").json()
    start, end = data["mentions"][0]["span"]
    assert data["text"][start:end] == data["mentions"][0]["sentence"]


def test_api_article_unknown_is_404_json(client, db):
    response = client.get("/api/articles/12345")
    assert response.status_code == 404 and response.json()["error"] == "E600"


def test_api_events_filter_by_dyad_in_either_order(client, site):
    assert client.get("/api/events", {"dyad": "tur-rus"}).json()["count"] == 6


def test_api_events_paginate(client, site):
    data = client.get("/api/events", {"page_size": "4", "page": "2"}).json()
    assert (data["pages"], len(data["results"])) == (2, 2)


def test_api_events_use_the_design_field_names(client, site):
    event = client.get("/api/events", {"quad_class": "4"}).json()["results"][0]
    assert (event["source"]["code"], event["cameo"], event["date"]["start"], event["theatre"]) == \
        ("RUSGOV", "190", "2020-06-05", "Libya")


@pytest.mark.parametrize("path,params", [
    ("/api/events", {"quad_class": "5"}),
    ("/api/events", {"start": "yesterday"}),
    ("/api/events", {"dyad": "RUSSIA"}),
    ("/api/events", {"code": "abc"}),
    ("/api/events", {"actor": "<script>"}),
    ("/api/events", {"status": "deleted"}),
    ("/api/events", {"page": "0"}),
    ("/api/events", {"page": "99"}),
    ("/api/events", {"page_size": "100000"}),
    ("/api/articles", {"page": "x"}),
    ("/api/timeline", {"a": "RUS"}),
    ("/api/timeline", {"a": "RUS", "b": "RUS"}),
    ("/api/timeline", {"a": "RUS", "b": "TUR", "by": "decade"}),
    ("/api/timeline", {"a": "RUS", "b": "TUR", "theatre": "x" * 101}),
])
def test_api_bad_parameters_answer_400_with_a_json_message(client, site, path, params):
    response = client.get(path, params)
    assert response.status_code == 400 and response.json()["message"]


def test_api_timeline_counts_quad_classes_per_period(client, site):
    data = client.get("/api/timeline", {"a": "TUR", "b": "RUS", "by": "year"}).json()
    by_year = {p["period"]: (p["quad1"] + p["quad2"], p["quad3"] + p["quad4"]) for p in data["periods"]}
    assert by_year == {"2019-01-01": (3, 0), "2020-01-01": (0, 3)}


def test_api_timeline_theatre_filter(client, site):
    data = client.get("/api/timeline", {"a": "RUS", "b": "TUR", "by": "year", "theatre": "Syria"}).json()
    assert sum(p["events"] for p in data["periods"]) == 2


def test_api_rejects_post(client, db):
    assert client.post("/api/events").status_code == 405


def test_openapi_lists_every_api_path(client, db):
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.") and set(document["paths"]) == {
        "/api/articles", "/api/articles/{id}", "/api/events", "/api/events/{id}", "/api/timeline",
        "/api/openapi.json"}


def test_openapi_paths_resolve_to_views(client, db):
    from django.urls import resolve

    document = client.get("/api/openapi.json").json()
    for path in document["paths"]:
        resolve(path.replace("{id}", "1"))


def test_api_timeline_theatre_with_spaces_is_cached_without_warnings(client, site):
    first = client.get("/api/timeline", {"a": "RUS", "b": "TUR", "theatre": "Black Sea"})
    second = client.get("/api/timeline", {"a": "RUS", "b": "TUR", "theatre": "Black Sea"})
    assert first.status_code == second.status_code == 200 and first.content == second.content


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def test_openapi_references_all_resolve(client, db):
    document = client.get("/api/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert all(ref.removeprefix("#/components/schemas/") in schemas for ref in _refs(document))


def test_openapi_documents_every_filter_the_events_endpoint_reads(client, db):
    from detente.web.queries import EVENT_FILTERS

    params = {p["name"] for p in client.get("/api/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]}
    assert set(EVENT_FILTERS) | {"page", "page_size"} <= params
