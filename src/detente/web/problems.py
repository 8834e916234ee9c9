"""Errors as the client can read them: JSON problem details under /api/, and no 5xx for bad input.

``problem()`` answers ``application/problem+json`` (RFC 9457: type, title,
status, detail) and keeps the API's own ``error`` code and ``message`` beside
them. The handlers below give every /api/ error (400, 403, 404, 405 and 500
alike, whoever raises it) that shape; other pages keep Django's.

``RejectNulMiddleware`` refuses (400) a request carrying a NUL character in its
path, a query or form parameter, a header or a cookie: PostgreSQL cannot store or
compare text holding one, so it would otherwise become a 500 deep inside a
query, wherever the parameter ends up.
"""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpResponseBadRequest, JsonResponse
from django.views import defaults

API_PREFIX = "/api/"
NUL = "\x00"


def problem(status: int, detail: str, code: str | None = None, **headers) -> JsonResponse:
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail,
            "error": code or f"HTTP{status}", "message": detail}
    response = JsonResponse(body, status=status, content_type="application/problem+json")
    for name, value in headers.items():
        response[name] = value
    return response


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _detail(exception, fallback: str) -> str:
    text = str(exception) if exception is not None and exception.args else ""
    return text if text and not text.startswith("{") else fallback


def bad_request(request, exception=None):
    if is_api(request):
        return problem(400, _detail(exception, "The request cannot be understood."))
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    if is_api(request):
        return problem(403, "You may not do this.")
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    if is_api(request):
        return problem(404, f"No such API resource: {request.path}; see /api/openapi.json")
    return defaults.page_not_found(request, exception)


def server_error(request):
    if is_api(request):
        return problem(500, "The server failed to answer; the error is logged.")
    return defaults.server_error(request)


def method_not_allowed(request, allowed: list[str]):
    return problem(405, f"{request.method} is not allowed here; use {', '.join(allowed)}",
                   Allow=", ".join(allowed))


def _holds_nul(request) -> bool:
    if NUL in request.path:
        return True
    if any(NUL in value for key, value in request.META.items() if key.startswith("HTTP_") and isinstance(value, str)):
        return True  # headers end up in the database too (the lockout log keeps the User-Agent)
    sources = [request.GET, request.COOKIES]
    if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded",
                                                             "multipart/form-data"):
        sources.append(request.POST)
    for source in sources:
        items = source.lists() if hasattr(source, "lists") else ((k, [v]) for k, v in source.items())
        for key, values in items:
            if NUL in key or any(NUL in value for value in values):
                return True
    return False


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request):
            detail = "A parameter holds a NUL character (%00); remove it."
            return problem(400, detail, "E200") if is_api(request) else HttpResponseBadRequest(detail)
        return self.get_response(request)
