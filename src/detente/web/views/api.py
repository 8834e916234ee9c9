"""The JSON API under /api/: articles, events, timelines, and its OpenAPI description.

Errors are problem details (``detente.web.problems``): bad parameters answer
400, an unknown record 404, another method than GET 405, each with the
status, a ``detail`` (also as ``message``) and the stable ``error`` code;
nothing here should ever answer 500 for user input.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from detente.errors import DetenteError, NotFoundError, OptionError
from detente.store.models import Article, EventMention

from .. import queries, serialize
from ..openapi import openapi_document
from ..problems import method_not_allowed, problem
from ..timeline import parse_period, parse_theatre, timeline_json

MAX_PAGE_SIZE = 500


def api_view(view):
    """GET (and HEAD) only; DetenteErrors become problem details 400/404. Exempt from the CSRF
    check (nothing here changes anything), so another method gets its 405 problem, not a 403 page."""
    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return method_not_allowed(request, ["GET", "HEAD"])
        try:
            return view(request, *args, **kwargs)
        except NotFoundError as err:
            return problem(404, err.message, err.code)
        except DetenteError as err:
            return problem(400, err.message, err.code)
    return wrapper


def paginate(request, queryset, to_dict) -> dict:
    size = queries.parse_positive_int(request.GET.get("page_size", settings.DETENTE_API_PAGE_SIZE),
                                      "page_size", MAX_PAGE_SIZE)
    number = queries.parse_positive_int(request.GET.get("page", "1"), "page")
    paginator = Paginator(queryset, size)
    if number > max(paginator.num_pages, 1):
        raise OptionError(f"parameter 'page' is past the last page ({paginator.num_pages})")
    page = paginator.page(number)
    return {"count": paginator.count, "page": number, "pages": paginator.num_pages,
            "page_size": size, "results": [to_dict(item) for item in page.object_list]}


@api_view
def articles(request):
    queryset = (queries.search_articles(request.GET["q"]) if request.GET.get("q", "").strip()
                else Article.objects.defer("text"))
    return JsonResponse(paginate(request, queryset.order_by("-date", "-id"), serialize.article_summary))


@api_view
def article(request, pk: int):
    found = Article.objects.filter(pk=pk).first()
    if found is None:
        raise NotFoundError(f"no article {pk}: list them at /api/articles")
    mentions = EventMention.objects.filter(article=found).order_by("span_start")
    return JsonResponse(serialize.article_dict(found, mentions))


@api_view
def events(request):
    return JsonResponse(paginate(request, queries.filter_events(request.GET), serialize.event_dict))


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
