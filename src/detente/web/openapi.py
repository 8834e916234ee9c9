"""The OpenAPI 3 description of /api/, built from small parts."""

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
    _param("dyad", "country pair such as RUS-TUR (either order)"),
    _param("actor", "a country (RUS) or an actor code (TURGOV) on either side"),
    _param("code", "CAMEO code or prefix, e.g. 19 or 111"),
    _param("quad_class", "1 verbal cooperation .. 4 material conflict", {"type": "integer", "enum": [1, 2, 3, 4]}),
    _param("start", "events dated on or after", {"type": "string", "format": "date"}),
    _param("end", "events dated on or before", {"type": "string", "format": "date"}),
    _param("theatre", "theatre name, e.g. Syria"),
    _param("status", "active (default) or rejected", {"type": "string", "enum": ["active", "rejected"]}),
]

TIMELINE_PARAMS = [
    _param("a", "first country (ISO 3166-1 alpha-3)", required=True),
    _param("b", "second country", required=True),
    _param("by", "period", {"type": "string", "enum": ["week", "month", "quarter", "year"], "default": "month"}),
    _param("theatre", "only events in this theatre"),
]

ERROR = {"description": "bad parameter",
         "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _ok(description: str, schema_ref: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}}


def _get(summary: str, params: list, ok: dict, extra: dict | None = None) -> dict:
    return {"get": {"summary": summary, "parameters": params, "responses": {"200": ok, "400": ERROR, **(extra or {})}}}


def _schemas() -> dict:
    obj = {"type": "object"}
    page = {"type": "object", "properties": {"count": {"type": "integer"}, "page": {"type": "integer"},
                                              "pages": {"type": "integer"}, "page_size": {"type": "integer"},
                                              "results": {"type": "array", "items": obj}}}
    error = {"type": "object", "description": "RFC 9457 problem details, with the stable error code",
             "required": ["type", "title", "status", "detail", "error", "message"],
             "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                            "status": {"type": "integer"}, "detail": {"type": "string"},
                            "error": {"type": "string"}, "message": {"type": "string"}}}
    return {"Page": page, "Error": error, "Article": obj, "Timeline": obj}


def openapi_document() -> dict:
    paths = {
        "/api/articles": _get("Articles, newest first; q searches titles and text",
                              [_param("q", "words to look for"), *PAGE_PARAMS], _ok("a page of articles", "Page")),
        "/api/articles/{id}": _get("One article with its text and event mentions",
                                   [_param("id", "article id", {"type": "integer"}, True, "path")],
                                   _ok("the article", "Article"), {"404": ERROR}),
        "/api/events": _get("Coded events matching the filters", [*EVENT_PARAMS, *PAGE_PARAMS],
                            _ok("a page of events", "Page")),
        "/api/timeline": _get("A dyad's timeline: counts per quad class per period, turning points, summary",
                              TIMELINE_PARAMS, _ok("the timeline", "Timeline")),
        "/api/openapi.json": _get("This description", [], {"description": "OpenAPI 3 document"}),
    }
    return {"openapi": "3.0.3",
            "info": {"title": "Detente API", "version": __version__,
                     "description": "Who did what to whom, when and where, from news articles."},
            "paths": paths, "components": {"schemas": _schemas()}}
