"""The reading pages: home and search, article, event, relationship, explorer."""

from __future__ import annotations

import pytest

from detente.store.models import Event

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def test_home_lists_latest_articles_and_active_dyads(client, site):
    page = client.get("/").content.decode()
    assert "From partners to rivals" in page and "RUS-TUR" in page


@pytest.mark.parametrize("query,found,missing", [
    ("pipeline", "A friendship of pipelines", "From partners to rivals"),
    ("convoy Libya", "From partners to rivals", "A friendship of pipelines"),
])
def test_home_search_finds_articles_by_title_or_text(client, site, query, found, missing):
    response = client.get("/", {"q": query})
    results = response.content.decode().split("Latest articles")[0]
    assert found in results and missing not in results


def test_article_page_marks_actors_and_event_sentences_in_place(client, site):
    article = site["rivalry"]
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert '<span class="actor" title="Turkey (TURGOV)">Ankara</span>' in page
    assert page.count('<mark class="ev"') >= 3


def test_article_page_lists_each_event_once(client, site):
    article = site["rivalry"]
    page = client.get(f"/articles/{article.pk}/").content.decode()
    events = Event.objects.filter(mentions__article=article).distinct()
    assert all(page.count(f'id="event-{e.pk}"') == 1 for e in events) and events.count() == 3


def test_article_page_answers_404_for_unknown_article(client, db):
    assert client.get("/articles/999/").status_code == 404


def test_event_page_links_to_the_reporting_article(client, site):
    event = Event.objects.get(cameo="190")
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert f'/articles/{site["rivalry"].pk}/' in page


def test_relation_page_redirects_to_sorted_dyad(client, site):
    response = client.get("/relations/tur-rus/")
    assert response.status_code == 302 and response["Location"].endswith("/relations/RUS-TUR/")


def test_relation_page_has_chart_container_and_fallback_table(client, site):
    page = client.get("/relations/RUS-TUR/").content.decode()
    assert 'id="timeline-chart"' in page and "chart.png" in page and "<table class=\"timeline\">" in page


def test_relation_page_carries_the_timeline_the_api_answers(client, site):
    import html
    import json

    page = client.get("/relations/RUS-TUR/", {"by": "year"}).content.decode()
    block = page.split('<script type="application/json" id="timeline-data">')[1].split("</script>")[0]
    assert "<" not in block and html.unescape(block) == block  # nothing can close the block early
    api = client.get("/api/timeline", {"a": "RUS", "b": "TUR", "by": "year"}).json()
    assert json.loads(block) == api and api["periods"]


def test_relation_page_theatre_filter_limits_the_table(client, site):
    page = client.get("/relations/RUS-TUR/", {"theatre": "Libya", "by": "year"}).content.decode()
    table = page.split('<table class="timeline">')[1]
    assert "2020-01-01" in table and "2019-01-01" not in table


@pytest.mark.parametrize("dyad", ["RUS", "RUSSIA-TURKEY", "R1S-TUR"])
def test_relation_page_answers_404_for_a_malformed_dyad(client, db, dyad):
    assert client.get(f"/relations/{dyad}/").status_code == 404


def test_relation_png_is_a_png_image(client, site):
    response = client.get("/relations/RUS-TUR/chart.png")
    assert response["Content-Type"] == "image/png" and response.content[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("params,expected", [
    ({"quad_class": "4"}, 1),
    ({"code": "06"}, 2),
    ({"actor": "TURGOV"}, 6),
    ({"theatre": "syria"}, 2),
    ({"start": "2020-01-01", "end": "2020-03-31"}, 2),
])
def test_explorer_filters_events(client, site, params, expected):
    response = client.get("/events/", params)
    assert response.context["page"].paginator.count == expected


def test_explorer_answers_400_for_a_bad_filter(client, db):
    response = client.get("/events/", {"quad_class": "7"})
    assert response.status_code == 400 and "quad_class" in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/", "/admin/store/article/", "/admin/store/event/",
                                  "/admin/detente_comments/detentecomment/", "/admin/detente_comments/detentecommentflag/"])
def test_admin_pages_open_for_superusers(client, site, staff, path):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    assert client.get(path).status_code == 200


def test_event_admin_shows_the_corrections(client, site, staff):
    from detente.store.corrections import correct_event

    staff.is_superuser = True
    staff.save()
    event = Event.objects.get(cameo="190")
    correct_event(event, staff, code="036", note="mis-coded")
    client.force_login(staff)
    assert "mis-coded" in client.get(f"/admin/store/event/{event.pk}/change/").content.decode()


@pytest.mark.parametrize("path", ["/relations/DEU-FRA/", "/relations/DEU-FRA/chart.png", "/api/timeline?a=FRA&b=DEU"])
def test_a_relationship_without_events_still_answers(client, site, path):
    assert client.get(path).status_code == 200


def test_relation_page_links_the_events_behind_a_period_to_their_article(client, site):
    page = client.get("/relations/RUS-TUR/", {"by": "year", "theatre": "Libya"}).content.decode()
    table = page.split('<table class="timeline">')[1]
    assert f'href="/articles/{site["rivalry"].pk}/"' in table


@pytest.fixture
def counted_drawings(monkeypatch):
    from detente.web import chart_png

    drawn = []
    real = chart_png.timeline_png
    monkeypatch.setattr(chart_png, "timeline_png", lambda data: drawn.append(data["by"]) or real(data))
    return drawn


def test_relation_png_is_drawn_once_and_then_served_from_the_cache(client, site, counted_drawings):
    first = client.get("/relations/RUS-TUR/chart.png?by=quarter")
    again = [client.get("/relations/RUS-TUR/chart.png?by=quarter") for _ in range(5)]
    assert counted_drawings == ["quarter"] and {r.content for r in again} == {first.content}
    assert "max-age" in first["Cache-Control"]


def test_relation_png_is_drawn_again_after_the_events_change(client, site, counted_drawings):
    from detente.web.timeline import bump_version

    from .seed import store_article

    client.get("/relations/RUS-TUR/chart.png")
    bump_version()  # nothing changed in this timeline: the same drawing serves
    client.get("/relations/RUS-TUR/chart.png")
    store_article("A new spat", "2021-05-01", [("Ankara accused Moscow of lying in May.", "TUR", "RUS", "112", 3,
                                               -2.0, "2021-05-03", "Syria")])
    bump_version()
    client.get("/relations/RUS-TUR/chart.png")
    assert counted_drawings == ["month", "month"]


def test_relation_png_answers_503_while_another_chart_is_drawn(client, site, monkeypatch, counted_drawings):
    from detente.web import timeline

    client.get("/relations/RUS-TUR/chart.png?by=year")  # cached before the drawer is taken
    monkeypatch.setattr(timeline, "CHART_WAIT_SECONDS", 0.05)
    assert timeline.CHART_RENDERS.acquire(timeout=1)
    try:
        busy = client.get("/relations/RUS-TUR/chart.png?by=week")
        cached = client.get("/relations/RUS-TUR/chart.png?by=year")
    finally:
        timeline.CHART_RENDERS.release()
    assert (busy.status_code, busy["Retry-After"], cached.status_code) == (503, "5", 200)
    assert counted_drawings == ["year"]
