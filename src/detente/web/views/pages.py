"""Reading pages: home and search, article, event, relationship, event explorer."""

from __future__ import annotations

import csv
import hashlib
import json
import math
from functools import wraps

from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from detente.errors import DetenteError
from detente.model import MODALITIES
from detente.records.names import actor_label, cameo_name, date_label, dyad_label
from detente.store import tallies
from detente.store.listing import attach_evidence, event_dicts
from detente.store.models import Article, Event, EventMention
from detente.store.search import search_articles

from .. import queries
from ..caching import COMMENTS, DATA, get_cached, get_or_build, set_cached
from ..comments.models import DetenteComment
from ..highlight import segments
from ..outlines import outlines_svg
from ..problems import problem
from ..timeline import (
    PERIODS,
    ChartBusy,
    current_version,
    parse_period,
    parse_theatre,
    timeline_chart,
    timeline_data,
    timeline_json,
)
from ..timeline_table import period_rows

EXPLORER_PAGE_SIZE = 50
ARTICLE_BODY_SECONDS = 3600
CHART_BROWSER_SECONDS = 300


def active_dyads(limit: int = 10) -> list[dict]:
    """The relationships with most active events (from their tallies)."""
    return [{"dyad": dyad, "events": n} for dyad, n in tallies.busiest_dyads(limit)]


PAGE_SECONDS = 300


def shared_page(view):
    """Logged-out readers with no pending message all get the same page for the same URL: keep the
    rendered 200 page until events or comments change (the keys carry both versions). Others get theirs."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not anonymous_reader(request) or request.method != "GET":
            return view(request, *args, **kwargs)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"detente:page:{view.__name__}:{DATA.current()}:{COMMENTS.current()}:{digest}"
        cached = get_cached(key)
        if cached is not None:
            return HttpResponse(cached)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.has_header("Location"):
            set_cached(key, response.content, PAGE_SECONDS)
        return response
    return wrapper


HOME_PAGE_SIZE = 20


@shared_page
def home(request):
    query = request.GET.get("q", "").strip()[:200]
    found = events_found = actors_found = None
    if query:
        found = queries.with_event_counts(search_articles(query).order_by(F("date").desc(nulls_last=True),
                                                                                  "-id"))[:50]
        events_found = attach_evidence(queries.query_events({"q": query})[:20])
        actors_found = queries.search_actors(query)
    try:
        number = queries.parse_positive_int(request.GET.get("page", "1"), "page")
    except DetenteError:
        number = 1
    articles = queries.with_event_counts(Article.objects.defer("text").order_by(F("date").desc(nulls_last=True),
                                                                                "-id"))
    latest = Paginator(articles, HOME_PAGE_SIZE).get_page(number)
    return render(request, "detente/home.html",
                  {"query": query, "found": found, "events_found": events_found, "actors_found": actors_found,
                   "latest": latest, "dyads": active_dyads()})


def comment_threads(target, user) -> list:
    """Top-level comments on an article or an event with their replies, oldest first (removed ones left out,
    hidden ones for staff only)."""
    visible = DetenteComment.objects.for_model(target).filter(is_removed=False)
    if not user.is_staff:
        visible = visible.filter(is_public=True)
    comments = list(visible.select_related("user").order_by("submit_date", "id"))
    replies: dict[int, list] = {}
    for comment in comments:
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    threads = [c for c in comments if not c.parent_id]
    for comment in threads:
        comment.thread_replies = replies.get(comment.pk, [])
    return threads


def article_body(request, article) -> str:
    """The highlighted text and the event table, rendered."""
    mentions = list(EventMention.objects.filter(article=article).select_related("event").order_by("span_start"))
    actors = list(article.actor_mentions.order_by("start"))
    events = list({m.event_id: m.event for m in mentions}.values())
    return render_to_string("detente/article_body.html", {
        "article": article, "segments": segments(article.text, actors, mentions), "events": events,
        "staff": request.user.is_staff, "back": request.path}, request=request)


def cached_article_body(request, article) -> str:
    """Readers all see the same body: cache it until events change (staff get theirs with forms)."""
    if request.user.is_staff:
        return article_body(request, article)
    key = f"detente:article-body:{current_version()}:{article.pk}"
    return get_or_build(key, lambda: article_body(request, article), ARTICLE_BODY_SECONDS)


def anonymous_reader(request) -> bool:
    """A logged-out visitor with no pending messages: every such visitor gets the same page."""
    return not request.user.is_authenticated and "messages" not in request.COOKIES


def article_detail(request, pk: int):
    if anonymous_reader(request):
        key = f"detente:article-page:{DATA.current()}:{COMMENTS.current()}:{pk}"
        page = get_or_build(key, lambda: render_article(request, pk).content, ARTICLE_BODY_SECONDS)
        return HttpResponse(page)
    return render_article(request, pk)


def render_article(request, pk: int):
    article = get_object_or_404(Article.objects.defer("text"), pk=pk)
    return render(request, "detente/article.html", {
        "article": article, "body": mark_safe(cached_article_body(request, article)),  # noqa: S308 - our template
        "threads": comment_threads(article, request.user), "target": article,
    })


def event_detail(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    mentions = event.mentions.select_related("article").order_by("article__date", "span_start")
    return render(request, "detente/event.html", {
        "event": event, "event_list": [event], "mentions": mentions, "corrections": event.corrections.select_related("user"),
        "threads": comment_threads(event, request.user), "target": event,
    })


def relation_params(request, dyad: str) -> tuple[str, str, str]:
    """(sorted dyad, period, theatre) from the URL; 404 when they make no sense."""
    try:
        return (queries.parse_country_dyad(dyad), parse_period(request.GET.get("by")),
                parse_theatre(request.GET.get("theatre")))
    except DetenteError as err:
        raise Http404(err.message) from err


@shared_page
def relation(request, dyad: str):
    normal, by, theatre = relation_params(request, dyad)
    if normal != dyad:
        return redirect("relation", dyad=normal)
    try:
        compare = queries.parse_country_dyad(request.GET["compare"]) if request.GET.get("compare", "").strip() else ""
    except DetenteError as err:
        raise Http404(err.message) from err
    text = timeline_json(normal, by, theatre)
    data = json.loads(text)
    all_theatres = timeline_data(normal, by)["theatres"] if theatre else data["theatres"]
    return render(request, "detente/relation.html", {
        "dyad": normal, "a": normal[:3], "b": normal[4:], "by": by, "periods_choice": PERIODS,
        "theatre": theatre, "timeline": data, "theatres": all_theatres, "compare": compare if compare != normal else "",
        "period_rows": period_rows(data, normal, by, theatre), "timeline_block": json_block(text),
    })


JSON_BLOCK_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_block(text: str) -> str:
    """JSON text made safe inside a ``<script type="application/json">`` block (as Django's json_script
    escapes it; those characters only occur inside JSON strings, so the JSON means the same)."""
    return mark_safe(text.translate(JSON_BLOCK_ESCAPES))  # noqa: S308 - no < > & left to close the block


def relation_png(request, dyad: str):
    """The chart as a PNG: cached with the timeline, drawn one at a time (503 while busy)."""
    normal, by, theatre = relation_params(request, dyad)
    try:
        png = timeline_chart(normal, by, theatre)
    except ChartBusy as busy:
        response = HttpResponse(str(busy), status=503, content_type="text/plain")
        response["Retry-After"] = "5"
        return response
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = f"public, max-age={CHART_BROWSER_SECONDS}"
    return response


SORT_COLUMNS = [("id", "#"), ("date", "Date"), ("source", "Source"), ("cameo", "Event"), ("target", "Target"),
                ("quad_class", "Quad class"), ("", "Modality"), ("theatre", "Theatre"), ("", "Evidence")]


def explorer_context(request) -> dict:
    sort = request.GET.get("sort", "").strip() or queries.DEFAULT_SORT
    return {"params": request.GET, "theatres": queries.theatres_with_events(),
            "sources": queries.sources_with_events(), "modalities": MODALITIES, "sort": sort,
            "sort_key": sort.lstrip("-"), "sort_dir": "desc" if sort.startswith("-") else "asc",
            "sort_columns": SORT_COLUMNS}


@shared_page
def explorer(request):
    context = explorer_context(request)
    try:
        events = queries.event_pages(request.GET)
        page_number = queries.parse_positive_int(request.GET.get("page", "1"), "page")
    except DetenteError as err:
        return render(request, "detente/explorer.html", {**context, "error": err.message}, status=400)
    page = Paginator(events, EXPLORER_PAGE_SIZE).get_page(page_number)
    page.object_list = attach_evidence(page.object_list)
    download = request.GET.copy()
    download.pop("page", None)
    return render(request, "detente/explorer.html", {**context, "page": page, "download": download.urlencode()})


CSV_COLUMNS = ("id", "date_start", "date_end", "date_granularity", "date", "dyad", "relationship", "source_code",
               "source", "cameo", "event", "target_code", "target", "quad_class", "goldstein", "modality",
               "theatre", "location", "lat", "lon", "mentions", "evidence")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """A text cell a spreadsheet would read as a formula ('=HYPERLINK(…)' in a quoted sentence) gets a
    leading apostrophe; numbers stay numbers."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _csv_row(event) -> list:
    return [event.pk, event.date_start or "", event.date_end or "", event.date_granularity,
            date_label(event.date_start, event.date_end, event.date_granularity), event.dyad, dyad_label(event.dyad),
            event.source_code, actor_label(event.source_code, event.source_name, event.source_country), event.cameo,
            cameo_name(event.cameo), event.target_code,
            actor_label(event.target_code, event.target_name, event.target_country) if event.target_code else "",
            event.quad_class, event.goldstein, event.modality, event.theatre, event.location_name,
            "" if event.lat is None else event.lat, "" if event.lon is None else event.lon, event.mention_count,
            event.evidence or ""]


def explorer_download(request, fmt: str):
    """The explorer's filtered view, every matching event, as CSV or JSON (streamed)."""

    try:
        events = queries.query_events(request.GET)
    except DetenteError as err:
        return problem(400, err.message, err.code)
    rows = queries.iter_with_evidence(events) if fmt == "csv" else event_dicts(events)

    class Echo:
        def write(self, value):
            return value

    if fmt == "csv":
        writer = csv.writer(Echo())

        def lines():
            yield writer.writerow(CSV_COLUMNS)
            for event in rows:
                yield writer.writerow([_cell(value) for value in _csv_row(event)])
        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:
        def chunks():
            yield "["
            for i, item in enumerate(rows):
                yield ("," if i else "") + json.dumps(item, ensure_ascii=False)
            yield "]\n"
        response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="events.{fmt}"'
    return response


def explorer_download_view(request, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404("download as .csv or .json")
    return explorer_download(request, fmt)


MAP_WIDTH, MAP_HEIGHT = 1000, 500
MAP_SECONDS = 300


def map_points(clusters: list[dict]) -> list[dict]:
    """Clusters placed on an equirectangular map MAP_WIDTH x MAP_HEIGHT, the radius growing with the count."""

    for c in clusters:
        c["x"] = round((c["lon"] + 180) / 360 * MAP_WIDTH, 1)
        c["y"] = round((90 - c["lat"]) / 180 * MAP_HEIGHT, 1)
        c["r"] = round(min(4 + 2.2 * math.sqrt(c["events"]), 40), 1)
    return clusters


@shared_page
def event_map(request):
    """Where the events happened: clusters of located events, filters shared with the explorer; each
    cluster links to the explorer showing its events (the same filters and the cluster's box)."""

    filters = QueryDict(mutable=True)
    for name, value in queries.event_filters(request.GET).items():
        if name != "bbox":
            filters[name] = value
    key = f"detente:map:{DATA.current()}:{hashlib.sha256(filters.urlencode().encode()).hexdigest()}"
    try:
        clusters = get_or_build(key, lambda: map_points(queries.map_clusters(filters)), MAP_SECONDS)
    except DetenteError as err:
        return render(request, "detente/map.html", {**explorer_context(request), "error": err.message}, status=400)
    grid = {"lons": [round((lon + 180) / 360 * MAP_WIDTH, 1) for lon in range(-150, 180, 30)],
            "lats": [round((90 - lat) / 180 * MAP_HEIGHT, 1) for lat in range(-60, 90, 30)]}
    return render(request, "detente/map.html", {
        **explorer_context(request), "clusters": clusters, "filters": filters.urlencode(), "width": MAP_WIDTH,
        "height": MAP_HEIGHT, "grid": grid, "land": outlines_svg(MAP_WIDTH, MAP_HEIGHT),
        "located": sum(c["events"] for c in clusters)})
