"""The JSON API: listings, filters, timelines, 400 on bad parameters, the OpenAPI description."""

from __future__ import annotations

import json

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


def test_api_event_by_id_with_names_and_evidence(client, site):
    from detente.store.models import Event

    event = Event.objects.get(cameo="190")
    body = client.get(f"/api/events/{event.pk}").json()
    assert body["id"] == event.pk and body["dyad_label"] == "Russia – Turkey"
    assert body["source"]["code"] == "RUSGOV" and body["source"]["label"] == "Russia (government)"
    assert body["source"]["country_name"] == "Russia" and body["date"]["label"] == "5 June 2020"
    assert body["evidence"] == "Moscow's jets struck Ankara's convoy in Libya in June."
    missing = client.get("/api/events/999999")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


def test_api_events_are_newest_first_with_next_and_previous_links(client, site):
    first = client.get("/api/events", {"page_size": "2"}).json()
    dates = [e["date"]["start"] for e in first["results"]]
    assert dates == sorted(dates, reverse=True) and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and second["previous"].endswith("page=1") and "page_size=2" in second["next"]


def test_api_answers_carry_an_etag_and_honour_if_none_match(client, site):
    response = client.get("/api/events", {"actor": "RUS"})
    etag = response["ETag"]
    assert etag.startswith('"') and response.status_code == 200
    again = client.get("/api/events", {"actor": "RUS"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""


def test_api_head_and_options(client, site):
    head = client.head("/api/events")
    assert head.status_code == 200 and head.content == b"" and int(head["Content-Length"]) > 0
    options = client.options("/api/events")
    assert options.status_code == 204 and options["Allow"] == "GET, HEAD, OPTIONS"


def test_api_unknown_path_is_a_json_problem(client, db):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.json()["status"] == 404


def test_openapi_components_are_real_schemas_with_operation_ids_and_tags(client, db):
    document = client.get("/api/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert all(schema.get("properties") or schema.get("allOf") for schema in schemas.values())
    operations = [op for path in document["paths"].values() for op in path.values()]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids)) == len(document["paths"]) and all(op["tags"] for op in operations)


def test_api_articles_carry_their_event_count(client, site):
    results = client.get("/api/articles").json()["results"]
    assert [(r["title"], r["event_count"]) for r in results] == [("From partners to rivals", 3),
                                                                ("A friendship of pipelines", 3)]


def test_api_answers_are_shared_until_the_data_changes(client, site, staff):
    from detente.store.corrections import correct_event
    from detente.store.models import Event

    event = Event.objects.get(cameo="190")
    before = client.get(f"/api/events/{event.pk}").json()
    assert client.get(f"/api/events/{event.pk}").json() == before
    correct_event(event, staff, code="036")
    after = client.get(f"/api/events/{event.pk}").json()
    assert (before["cameo"], after["cameo"]) == ("190", "036") and after["quad_class"] == 1


def test_the_cli_and_the_api_give_the_same_json_for_an_event(client, site, monkeypatch, capsys):
    """One form of an event: `detente events --format jsonl` prints what /api/events/{id} answers."""
    from detente.cli import main
    from detente.store.models import Event

    monkeypatch.setattr("detente.cli.store.open_existing_store", lambda options: None)
    event = Event.objects.get(cameo="190")
    assert main(["events", "--format", "jsonl", "--code", "190"]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert printed == [client.get(f"/api/events/{event.pk}").json()]
    listed = client.get("/api/events", {"code": "190"}).json()["results"]
    assert listed == printed and printed[0]["mentions"][0]["sentence"] == printed[0]["evidence"]


@pytest.mark.parametrize("cli_options,site_params", [
    ({"dyad": "Russia,Turkey"}, {"dyad": "RUS-TUR"}),
    ({"actor": "RUS", "since": "2020-01-01", "until": "2020-12-31"}, {"actor": "Russia", "start": "2020-01-01",
                                                                      "end": "2020-12-31"}),
    ({"quad": 4, "code": "19"}, {"quad_class": "4", "code": "19"}),
])
def test_the_cli_and_the_site_filters_select_the_same_events(site, cli_options, site_params):
    import argparse

    from detente.store.queries import event_filter_from_args, filter_events
    from detente.web import queries

    args = argparse.Namespace(**{name: None for name in ("dyad", "actor", "code", "quad", "since", "until",
                                                          "theatre")} | cli_options)
    from_cli = [e.pk for e in filter_events(event_filter_from_args(args))]
    assert from_cli and sorted(from_cli) == sorted(e.pk for e in queries.query_events(site_params))
