"""The JSON API under /api/: articles, events, timelines, and its OpenAPI description.

Errors are problem details (``detente.web.problems``): bad parameters answer
400, an unknown record 404, another method than GET 405, each with the
status, a ``detail`` (also as ``message``) and the stable ``error`` code;
nothing here should ever answer 500 for user input.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.views.decorators.csrf import csrf_exempt

from detente.errors import DetenteError, NotFoundError, OptionError
from detente.store import listing
from detente.store.models import Article, Event, EventMention
from detente.store.search import search_articles

from .. import queries, serialize
from ..caching import DATA, get_cached, set_cached
from ..openapi import openapi_document
from ..problems import method_not_allowed, problem
from ..timeline import parse_period, parse_theatre, timeline_json

MAX_PAGE_SIZE = 500


ALLOWED = ["GET", "HEAD", "OPTIONS"]


def with_etag(request, response):
    """A strong ETag on a 200 answer (a hash of its body), and 304 when If-None-Match has it."""
    if response.status_code != 200 or response.streaming:
        return response
    etag = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    not_modified = get_conditional_response(request, etag=etag, response=response)
    return not_modified


API_SECONDS = 300


def cached_answer(view, request, *args, **kwargs):
    """The view's 200 JSON answer, shared by every client asking the same URL until the data changes
    (the key carries the data version); errors are never kept."""
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()  # the links hold the host
    key = f"detente:api:{view.__name__}:{DATA.current()}:{digest}"
    body = get_cached(key)
    if body is not None:
        return HttpResponse(body, content_type="application/json")
    response = view(request, *args, **kwargs)
    if response.status_code == 200 and not response.streaming:
        set_cached(key, response.content, API_SECONDS)
    return response


def api_view(view):
    """GET, HEAD and OPTIONS only; DetenteErrors become problem details 400/404; 200 answers carry
    an ETag. Exempt from the CSRF check (nothing here changes anything), so another method gets
    its 405 problem, not a 403 page."""
    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED)
            return response
        if request.method not in ("GET", "HEAD"):
            return method_not_allowed(request, ALLOWED)
        try:
            response = cached_answer(view, request, *args, **kwargs)
        except NotFoundError as err:
            return problem(404, err.message, err.code)
        except DetenteError as err:
            return problem(400, err.message, err.code)
        response = with_etag(request, response)
        if request.method == "HEAD" and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
    return wrapper


def paginate(request, queryset, to_dict, prepare=list) -> dict:
    size = queries.parse_positive_int(request.GET.get("page_size", settings.DETENTE_API_PAGE_SIZE),
                                      "page_size", MAX_PAGE_SIZE)
    number = queries.parse_positive_int(request.GET.get("page", "1"), "page")
    paginator = Paginator(queryset, size)
    if number > max(paginator.num_pages, 1):
        raise OptionError(f"parameter 'page' is past the last page ({paginator.num_pages})")
    page = paginator.page(number)

    def link(to: int) -> str:
        params = request.GET.copy()
        params["page"] = str(to)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {"count": paginator.count, "page": number, "pages": paginator.num_pages, "page_size": size,
            "next": link(number + 1) if page.has_next() else None,
            "previous": link(number - 1) if page.has_previous() else None,
            "results": [to_dict(item) for item in prepare(page.object_list)]}


@api_view
def articles(request):
    queryset = (search_articles(request.GET["q"]) if request.GET.get("q", "").strip()
                else Article.objects.defer("text"))
    queryset = queries.with_event_counts(queryset.order_by(F("date").desc(nulls_last=True), "-id"))
    return JsonResponse(paginate(request, queryset, serialize.article_summary))


@api_view
def article(request, pk: int):
    found = Article.objects.filter(pk=pk).first()
    if found is None:
        raise NotFoundError(f"no article {pk}: list them at /api/articles")
    mentions = EventMention.objects.filter(article=found).order_by("span_start")
    return JsonResponse(serialize.article_dict(found, mentions))


@api_view
def events(request):
    return JsonResponse(paginate(request, queries.event_pages(request.GET), listing.event_dict,
                                lambda events: listing.attach_evidence(events, mentions=True)))


@api_view
def event(request, pk: int):
    found = Event.objects.filter(pk=pk).first()
    if found is None:
        raise NotFoundError(f"no event {pk}: list them at /api/events")
    return JsonResponse(listing.event_dict(found))


@api_view
def timeline(request):
    a = queries.parse_country(request.GET.get("a", ""), "a")
    b = queries.parse_country(request.GET.get("b", ""), "b")
    if a == b:
        raise OptionError("parameters 'a' and 'b' must name two different countries")
    dyad = "-".join(sorted((a, b)))
    text = timeline_json(dyad, parse_period(request.GET.get("by")), parse_theatre(request.GET.get("theatre")))
    return HttpResponse(text, content_type="application/json")


@api_view
def openapi(request):
    return JsonResponse(openapi_document())
