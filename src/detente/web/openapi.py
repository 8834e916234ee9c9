"""The OpenAPI 3 description of /api/, built from small parts, with a JSON schema for every answer.

The schemas describe what ``detente.web.serialize`` and ``detente.relations`` produce;
the API tests validate real answers against them, and schemathesis runs over the
whole document (tests/web/test_schema.py).
"""

from __future__ import annotations

from detente import __version__


def _param(name: str, description: str, schema: dict | None = None, required: bool = False,
           where: str = "query") -> dict:
    return {"name": name, "in": where, "required": required, "description": description,
            "schema": schema or {"type": "string"}}


PAGE_PARAMS = [
    _param("page", "page number, from 1", {"type": "integer", "minimum": 1}),
    _param("page_size", "items per page (at most 500)", {"type": "integer", "minimum": 1, "maximum": 500}),
]

EVENT_PARAMS = [
    _param("q", "words in a sentence reporting the event (all of them), or an actor's name, a theatre or a place",
           {"type": "string", "maxLength": 200}),
    _param("dyad", "country pair such as RUS-TUR (either order)"),
    _param("actor", "one actor or two, by code or name: RUS, TURGOV, NATO, Russia, RUS,TUR or RUS-TUR "
                    "(two: events between them, either direction)"),
    _param("code", "CAMEO code or prefix, e.g. 19 or 111"),
    _param("quad_class", "1 verbal cooperation .. 4 material conflict", {"type": "integer", "enum": [1, 2, 3, 4]}),
    _param("start", "events dated on or after", {"type": "string", "format": "date"}),
    _param("end", "events dated on or before", {"type": "string", "format": "date"}),
    _param("theatre", "theatre name, e.g. Syria"),
    _param("status", "active (default) or rejected", {"type": "string", "enum": ["active", "rejected"]}),
    _param("modality", "asserted, threatened, denied, alleged or hypothetical",
           {"type": "string", "enum": ["asserted", "threatened", "denied", "alleged", "hypothetical"]}),
    _param("source", "news source of an article reporting the event"),
    _param("bbox", "located events in a box: south,west,north,east in degrees, e.g. 33,35,37,39"),
    _param("sort", "date (default -date: newest first), goldstein, quad_class, cameo, source, target, mentions, "
                   "theatre or id; prefix - for descending"),
]

TIMELINE_PARAMS = [
    _param("a", "first country (ISO 3166-1 alpha-3)", required=True),
    _param("b", "second country", required=True),
    _param("by", "period", {"type": "string", "enum": ["week", "month", "quarter", "year"], "default": "month"}),
    _param("theatre", "only events in this theatre"),
]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _problem(description: str) -> dict:
    return {"description": description, "content": {"application/problem+json": {"schema": _ref("Error")}}}


def _ok(description: str, schema_ref: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema_ref)}},
            "headers": {"ETag": {"description": "validator for If-None-Match", "schema": {"type": "string"}}}}


NOT_MODIFIED = {"description": "not modified since the ETag given in If-None-Match"}


def _get(operation_id: str, tag: str, summary: str, params: list, ok: dict, extra: dict | None = None) -> dict:
    return {"get": {"operationId": operation_id, "tags": [tag], "summary": summary, "parameters": params,
                    "responses": {"200": ok, "304": NOT_MODIFIED, "400": _problem("bad parameter"),
                                  "405": _problem("method not allowed"), **(extra or {})}}}


STRING = {"type": "string"}
NULL_STRING = {"type": "string", "nullable": True}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
NULL_NUMBER = {"type": "number", "nullable": True}
NULL_INTEGER = {"type": "integer", "nullable": True}


def _object(properties: dict, nullable: bool = False) -> dict:
    schema = {"type": "object", "required": list(properties), "properties": properties}
    if nullable:
        schema["nullable"] = True
    return schema


def _page(item: str) -> dict:
    return _object({"count": INTEGER, "page": INTEGER, "pages": INTEGER, "page_size": INTEGER,
                    "next": {**NULL_STRING, "description": "URL of the next page"},
                    "previous": {**NULL_STRING, "description": "URL of the previous page"},
                    "results": {"type": "array", "items": _ref(item)}})


def _schemas() -> dict:
    actor = _object({"code": STRING, "country": STRING, "country_name": STRING, "name": STRING, "kind": STRING,
                     "label": {**STRING, "description": "display name, e.g. 'Recep Tayyip Erdogan (Turkey, "
                                                        "government)'"},
                     "basis": {**NULL_STRING, "description": "how its country was found: named, place, story "
                                                             "or corrected (null when not recorded)"}},
                    nullable=True)
    date = _object({"start": {**NULL_STRING, "format": "date"}, "end": {**NULL_STRING, "format": "date"},
                    "granularity": STRING, "basis": STRING, "text": STRING,
                    "label": {**STRING, "description": "the date at its granularity, e.g. 'February 2020'"}})
    location = _object({"name": STRING, "country": STRING, "lat": NULL_NUMBER, "lon": NULL_NUMBER}, nullable=True)
    event = _object({
        "id": INTEGER, "dyad": STRING, "dyad_label": STRING, "source": _ref("Actor"), "target": _ref("Actor"),
        "cameo": STRING, "cameo_root": STRING, "cameo_name": STRING, "quad_class": {"type": "integer",
                                                                                   "enum": [1, 2, 3, 4]},
        "goldstein": NUMBER, "plover": STRING, "modality": STRING, "date": _ref("EventDate"),
        "location": _ref("Location"), "theatre": NULL_STRING, "confidence": NUMBER, "status": STRING,
        "mention_count": {**INTEGER, "description": "sentences reporting it"},
        "mentions": {"type": "array", "items": _ref("Report"), "description": "every sentence reporting it"},
        "url": STRING, "evidence": {**NULL_STRING, "description": "first sentence reporting it"}})
    report = _object({"article_id": INTEGER, "article_title": STRING, "article_date": {**NULL_STRING, "format": "date"},
                      "sentence": STRING, "span": {"type": "array", "items": INTEGER, "minItems": 2, "maxItems": 2},
                      "cameo": STRING, "modality": STRING})
    summary = _object({"id": INTEGER, "title": STRING, "date": {**NULL_STRING, "format": "date"}, "source": STRING,
                       "url": STRING, "page": STRING, "event_count": {**NULL_INTEGER, "description": "events it reports"}})
    mention = _object({"event": INTEGER, "sentence": STRING, "sentence_index": INTEGER,
                       "span": {"type": "array", "items": INTEGER, "minItems": 2, "maxItems": 2},
                       "source_text": STRING, "target_text": STRING, "cameo": STRING, "modality": STRING})
    article = {"allOf": [_ref("ArticleSummary"),
                         _object({"text": STRING, "mentions": {"type": "array", "items": _ref("Mention")},
                                  "events": {"type": "array", "items": INTEGER}})]}
    ref = {"type": "object", "required": ["event_id"], "properties": {
        "event_id": INTEGER, "date": NULL_STRING, "sentence": STRING, "cameo": STRING,
        "article_id": NULL_INTEGER, "article_title": NULL_STRING}}
    period = {"type": "object", "required": ["period", "events"], "properties": {
        "period": {**STRING, "format": "date"}, "period_end": {**STRING, "format": "date"},
        "label": STRING, "events": INTEGER, "quad1": INTEGER, "quad2": INTEGER, "quad3": INTEGER, "quad4": INTEGER,
        "goldstein_mean": NULL_NUMBER, "top_events": {"type": "array", "items": ref}}}
    change = {"type": "object", "required": ["period", "direction"], "properties": {
        "period": STRING, "label": STRING, "direction": STRING, "before": NUMBER, "after": NUMBER,
        "events": {"type": "array", "items": ref}}}
    timeline = {"type": "object", "required": ["dyad", "periods", "change_points", "summary"], "properties": {
        "dyad": STRING, "dyad_label": STRING, "a": STRING, "b": STRING, "a_code": STRING, "b_code": STRING,
        "by": STRING, "theatre": NULL_STRING, "events": INTEGER,
        "periods": {"type": "array", "items": period}, "change_points": {"type": "array", "items": change},
        "theatres": {"type": "object", "additionalProperties": INTEGER}, "summary": STRING}}
    error = {"type": "object", "description": "RFC 9457 problem details, with the stable error code",
             "required": ["type", "title", "status", "detail", "error", "message"],
             "properties": {"type": STRING, "title": STRING, "status": INTEGER, "detail": STRING,
                            "error": STRING, "message": STRING}}
    return {"Actor": actor, "EventDate": date, "Location": location, "Event": event, "ArticleSummary": summary,
            "Mention": mention, "Report": report, "Article": article, "Timeline": timeline, "Error": error,
            "EventPage": _page("Event"), "ArticlePage": _page("ArticleSummary"),
            "OpenAPI": {"type": "object", "required": ["openapi", "paths"],
                        "properties": {"openapi": STRING, "paths": {"type": "object"}}}}


def openapi_document() -> dict:
    id_param = _param("id", "record id", {"type": "integer", "minimum": 1}, True, "path")
    paths = {
        "/api/articles": _get("listArticles", "articles", "Articles, newest first; q searches titles and text",
                              [_param("q", "words to look for"), *PAGE_PARAMS],
                              _ok("a page of articles", "ArticlePage")),
        "/api/articles/{id}": _get("getArticle", "articles", "One article with its text and event mentions",
                                   [id_param], _ok("the article", "Article"), {"404": _problem("no such article")}),
        "/api/events": _get("listEvents", "events", "Coded events matching the filters, newest first",
                            [*EVENT_PARAMS, *PAGE_PARAMS], _ok("a page of events", "EventPage")),
        "/api/events/{id}": _get("getEvent", "events", "One event (any status)", [id_param],
                                 _ok("the event", "Event"), {"404": _problem("no such event")}),
        "/api/timeline": _get("getTimeline", "relationships",
                              "A dyad's timeline: counts per quad class per period, turning points, summary",
                              TIMELINE_PARAMS, _ok("the timeline", "Timeline")),
        "/api/openapi.json": _get("getOpenAPI", "meta", "This description", [], _ok("OpenAPI 3 document",
                                                                                   "OpenAPI")),
    }
    return {"openapi": "3.0.3",
            "info": {"title": "Detente API", "version": __version__,
                     "description": "Who did what to whom, when and where, from news articles. Codes come with "
                                    "their display names (label, dyad_label, country_name)."},
            "tags": [{"name": "events"}, {"name": "articles"}, {"name": "relationships"}, {"name": "meta"}],
            "paths": paths, "components": {"schemas": _schemas()}}
