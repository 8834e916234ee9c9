"""Reading pages: home and search, article, event, relationship, event explorer."""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from detente.errors import DetenteError
from detente.store.models import Article, Event, EventMention

from .. import queries
from ..comments.models import DetenteComment
from ..forms import CorrectionForm
from ..highlight import segments
from ..timeline import PERIODS, parse_period, timeline_data

EXPLORER_PAGE_SIZE = 50
ACTIVE_DYADS_SECONDS = 60


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


def comment_threads(article) -> list:
    """Top-level comments with their replies, oldest first (removed ones left out)."""
    comments = list(DetenteComment.objects.for_model(article).filter(is_removed=False)
                    .select_related("user").order_by("submit_date", "id"))
    replies: dict[int, list] = {}
    for comment in comments:
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    threads = [c for c in comments if not c.parent_id]
    for comment in threads:
        comment.thread_replies = replies.get(comment.pk, [])
    return threads


def article_detail(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    mentions = list(EventMention.objects.filter(article=article).select_related("event").order_by("span_start"))
    actors = list(article.actor_mentions.order_by("start"))
    events = list({m.event_id: m.event for m in mentions}.values())
    return render(request, "detente/article.html", {
        "article": article, "segments": segments(article.text, actors, mentions), "events": events,
        "threads": comment_threads(article), "correction_form": CorrectionForm(),
    })


def event_detail(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    mentions = event.mentions.select_related("article").order_by("article__date", "span_start")
    return render(request, "detente/event.html", {
        "event": event, "event_list": [event], "mentions": mentions, "corrections": event.corrections.select_related("user"),
        "correction_form": CorrectionForm(initial={"cameo": event.cameo}),
    })


def relation(request, dyad: str):
    try:
        normal = queries.parse_dyad(dyad)
        by = parse_period(request.GET.get("by"))
    except DetenteError as err:
        raise Http404(err.message) from err
    if normal != dyad:
        return redirect("relation", dyad=normal)
    theatre = request.GET.get("theatre", "").strip()
    data = timeline_data(normal, by, theatre)
    all_theatres = timeline_data(normal, by)["theatres"] if theatre else data["theatres"]
    return render(request, "detente/relation.html", {
        "dyad": normal, "a": normal[:3], "b": normal[4:], "by": by, "periods_choice": PERIODS,
        "theatre": theatre, "timeline": data, "theatres": all_theatres,
    })


def relation_png(request, dyad: str):
    from ..chart_png import timeline_png

    try:
        normal = queries.parse_dyad(dyad)
        by = parse_period(request.GET.get("by"))
    except DetenteError as err:
        raise Http404(err.message) from err
    data = timeline_data(normal, by, request.GET.get("theatre", "").strip())
    return HttpResponse(timeline_png(data), content_type="image/png")


def explorer(request):
    try:
        events = queries.filter_events(request.GET)
        page_number = queries.parse_positive_int(request.GET.get("page", "1"), "page")
    except DetenteError as err:
        return render(request, "detente/explorer.html", {"error": err.message, "params": request.GET}, status=400)
    page = Paginator(events, EXPLORER_PAGE_SIZE).get_page(page_number)
    return render(request, "detente/explorer.html", {"page": page, "params": request.GET})
