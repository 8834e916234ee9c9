"""Reading pages: home and search, article, event, relationship, event explorer."""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from detente.errors import DetenteError
from detente.store.models import Article, Event, EventMention

from .. import queries
from ..caching import COMMENTS, DATA, get_or_build
from ..comments.models import DetenteComment
from ..highlight import segments
from ..timeline import (PERIODS, ChartBusy, current_version, parse_period, parse_theatre, timeline_chart,
                        timeline_data)

EXPLORER_PAGE_SIZE = 50
ACTIVE_DYADS_SECONDS = 60
ARTICLE_BODY_SECONDS = 3600
CHART_BROWSER_SECONDS = 300


def active_dyads(limit: int = 10) -> list[dict]:
    """The dyads with most active events (cached briefly: a GROUP BY over all events)."""
    key = f"detente:active-dyads:{limit}"
    rows = cache.get(key)
    if rows is None:
        rows = list(Event.objects.filter(status=Event.Status.ACTIVE).exclude(target_country="")
                    .values("dyad").annotate(events=Count("id")).order_by("-events", "dyad")[:limit])
        cache.set(key, rows, ACTIVE_DYADS_SECONDS)
    return rows


def home(request):
    query = request.GET.get("q", "").strip()
    found = queries.search_articles(query).order_by("-date", "-id")[:50] if query else None
    latest = Article.objects.defer("text").order_by("-date", "-id")[:15]
    return render(request, "detente/home.html",
                  {"query": query, "found": found, "latest": latest, "dyads": active_dyads()})


def comment_threads(article, user) -> list:
    """Top-level comments with their replies, oldest first (removed ones left out, hidden ones for staff only)."""
    visible = DetenteComment.objects.for_model(article).filter(is_removed=False)
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
        "threads": comment_threads(article, request.user),
    })


def event_detail(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    mentions = event.mentions.select_related("article").order_by("article__date", "span_start")
    return render(request, "detente/event.html", {
        "event": event, "event_list": [event], "mentions": mentions, "corrections": event.corrections.select_related("user"),
    })


def relation_params(request, dyad: str) -> tuple[str, str, str]:
    """(sorted dyad, period, theatre) from the URL; 404 when they make no sense."""
    try:
        return (queries.parse_dyad(dyad), parse_period(request.GET.get("by")),
                parse_theatre(request.GET.get("theatre")))
    except DetenteError as err:
        raise Http404(err.message) from err


def relation(request, dyad: str):
    normal, by, theatre = relation_params(request, dyad)
    if normal != dyad:
        return redirect("relation", dyad=normal)
    data = timeline_data(normal, by, theatre)
    all_theatres = timeline_data(normal, by)["theatres"] if theatre else data["theatres"]
    return render(request, "detente/relation.html", {
        "dyad": normal, "a": normal[:3], "b": normal[4:], "by": by, "periods_choice": PERIODS,
        "theatre": theatre, "timeline": data, "theatres": all_theatres,
    })


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


def explorer(request):
    try:
        events = queries.filter_events(request.GET)
        page_number = queries.parse_positive_int(request.GET.get("page", "1"), "page")
    except DetenteError as err:
        return render(request, "detente/explorer.html", {"error": err.message, "params": request.GET}, status=400)
    page = Paginator(events, EXPLORER_PAGE_SIZE).get_page(page_number)
    return render(request, "detente/explorer.html", {"page": page, "params": request.GET})
