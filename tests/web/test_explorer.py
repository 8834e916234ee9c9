"""The event explorer: names, newest first, sorting, filters, evidence, downloads; the home page's paging."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from detente.store.models import Event

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def row_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<tr id="event-(\d+)"', html)]


def by_date(desc=True) -> list[int]:
    order = "-date_start" if desc else "date_start"
    return list(Event.objects.filter(status="active").order_by(order, "-id" if desc else "id")
                .values_list("id", flat=True))


def test_explorer_is_newest_first_and_speaks_in_names(client, site):
    html = client.get("/events/").content.decode()
    assert row_ids(html) == by_date()
    assert "Russia (government)" in html and 'title="RUSGOV"' in html
    assert "5 June 2020" in html  # the date at its granularity, not 2020-06-05


@pytest.mark.parametrize("sort,field", [("goldstein", "goldstein"), ("-goldstein", "-goldstein"),
                                        ("date", "date_start"), ("cameo", "cameo")])
def test_explorer_sorts_by_any_column(client, site, sort, field):
    html = client.get("/events/", {"sort": sort}).content.decode()
    expected = list(Event.objects.filter(status="active").order_by(field, ("-" if field[0] == "-" else "") + "id")
                    .values_list("id", flat=True))
    assert row_ids(html) == expected


def test_a_bad_sort_is_a_400_with_the_choices(client, site):
    response = client.get("/events/", {"sort": "colour"})
    assert response.status_code == 400 and "goldstein" in response.content.decode()


def test_explorer_shows_the_evidence_sentence(client, site):
    html = client.get("/events/").content.decode()
    assert "Moscow&#x27;s jets struck Ankara&#x27;s convoy in Libya in June." in html


@pytest.mark.parametrize("actor", ["RUS,TUR", "RUS-TUR", "Russia, Turkey", "russia,TURGOV", "tur-rus"])
def test_two_actors_by_name_or_code_in_either_form(client, site, actor):
    assert sorted(row_ids(client.get("/events/", {"actor": actor}).content.decode())) == sorted(by_date())


def test_actor_by_name_that_is_no_event_actor_finds_nothing(client, site):
    html = client.get("/events/", {"actor": "NATO"}).content.decode()
    assert row_ids(html) == []


def test_modality_filter(client, site):
    threatened = list(Event.objects.filter(modality="threatened").values_list("id", flat=True))
    assert threatened and row_ids(client.get("/events/", {"modality": "threatened"}).content.decode()) == threatened
    assert client.get("/events/", {"modality": "maybe"}).status_code == 400


def test_source_filter_is_the_news_source(client, site):
    from detente.store.models import Article

    Article.objects.filter(pk=site["rivalry"].pk).update(source="Reuters")
    ids = row_ids(client.get("/events/", {"source": "Reuters"}).content.decode())
    rivalry = set(Event.objects.filter(mentions__article=site["rivalry"]).values_list("id", flat=True))
    assert set(ids) == rivalry and len(ids) == 3
    assert 'option value="Reuters"' in client.get("/events/").content.decode()


def test_theatre_is_a_list_of_the_theatres_that_have_events(client, site):
    html = client.get("/events/").content.decode()
    options = re.findall(r'<select name="theatre">(.*?)</select>', html, re.S)[0]
    assert re.findall(r'<option value="([^"]+)"', options) == ["Energy", "Libya", "Syria"]


def test_download_csv_of_the_filtered_view(client, site):
    response = client.get("/events/download.csv", {"actor": "RUS-TUR", "quad_class": "3", "page": "1"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    expected = set(Event.objects.filter(quad_class=3).values_list("id", flat=True))
    assert {int(r["id"]) for r in rows} == expected
    assert {r["relationship"] for r in rows} == {"Russia – Turkey"} and all(r["evidence"] for r in rows)


def test_download_json_of_the_filtered_view(client, site):
    response = client.get("/events/download.json", {"theatre": "Energy", "sort": "date"})
    items = json.loads(b"".join(response.streaming_content))
    assert [i["id"] for i in items] == list(Event.objects.filter(theatre="Energy").order_by("date_start")
                                            .values_list("id", flat=True))
    assert items[0]["source"]["label"] and items[0]["evidence"]


def test_download_of_a_bad_filter_is_a_problem(client, site):
    response = client.get("/events/download.csv", {"quad_class": "9"})
    assert response.status_code == 400 and response.json()["message"]
    assert client.get("/events/download.xml").status_code == 404


def test_home_pages_through_all_articles_with_event_counts(client, site):
    from detente.store.models import Article
    from tests.web.seed import FRIENDSHIP, store_article

    store_article("Filler 00", "2018-01-01", [FRIENDSHIP[0]])  # one event
    for n in range(1, 25):
        Article.objects.create(content_hash=f"filler-{n}", title=f"Filler {n:02d}", text=f"Nothing {n}.",
                               date="2018-01-01")
    first = client.get("/").content.decode()
    assert "page 1 of 2" in first and "27 articles" in first and "3 events" in first
    second = client.get("/", {"page": "2"}).content.decode()
    assert "Filler 00" in second and "1 event<" in second


def test_relationship_page_names_the_countries(client, site):
    html = client.get("/relations/RUS-TUR/", {"by": "quarter"}).content.decode()
    assert "<h1 title=\"RUS-TUR\">Russia – Turkey</h1>" in html and "2020 Q1" in html
    assert "Russia and Turkey" in html  # the summary names them


def test_most_hostile_period_never_has_a_positive_mean(client, site):
    from detente.store.models import Event as E

    E.objects.update(goldstein=3.0, quad_class=1)  # every period cooperative
    from detente.web.timeline import bump_version

    bump_version()
    summary = client.get("/api/timeline", {"a": "RUS", "b": "TUR", "by": "quarter"}).json()["summary"]
    assert "most hostile" not in summary


def test_relationship_page_takes_a_second_relationship_to_compare(client, site):
    html = client.get("/relations/RUS-TUR/", {"compare": "ukr-rus"}).content.decode()
    assert 'data-compare="RUS-UKR"' in html and "Russia – Ukraine" in html
    assert client.get("/relations/RUS-TUR/", {"compare": "Ukraine"}).status_code == 404


def locate_syria():
    from detente.web.timeline import bump_version

    Event.objects.filter(theatre="Syria").update(lat=35.9, lon=36.6, location_name="Idlib")
    Event.objects.filter(theatre="Libya").update(lat=32.9, lon=13.2, location_name="Tripoli")
    bump_version()  # .update() sends no signal


def test_map_clusters_located_events_and_links_to_them(client, site):
    locate_syria()
    html = client.get("/map/").content.decode()
    links = re.findall(r'<a href="/events/\?bbox=([^"]+)" class="cluster" data-events="(\d+)"', html)
    assert sorted((int(n), box) for box, n in links) == [(1, "30,12,33,15"), (2, "33,36,36,39")]
    assert "Idlib: 2 events" in html and "3 located events" in html
    rows = row_ids(client.get("/events/", {"bbox": "33,36,36,39"}).content.decode())
    assert sorted(rows) == sorted(Event.objects.filter(theatre="Syria").values_list("id", flat=True))


def test_map_shares_the_explorer_filters(client, site):
    locate_syria()
    html = client.get("/map/", {"quad_class": "4"}).content.decode()
    assert "1 located events" in html and "quad_class=4&amp;bbox=30,12,33,15" in html


def test_map_draws_country_outlines_under_the_clusters(client, site):
    locate_syria()
    html = client.get("/map/").content.decode()
    svg = html[html.index('<svg viewBox="0 0 1000 500"'):html.index("</svg>")]
    land, first_cluster = svg.index('<g class="land"'), svg.index('class="cluster"')
    syria = re.search(r'<path d="M(\d+) (\d+)l[^"]*z" data-code="SYR"><title>Syria</title>', svg)
    assert land < first_cluster and svg.count("<path ") > 150 and "Natural Earth" in html
    # Syria's first vertex, in tenths of a map unit, lies where the map puts 35-42 E, 32-37 N
    x, y = int(syria.group(1)) / 10, int(syria.group(2)) / 10
    assert (35 + 180) / 360 * 1000 <= x <= (43 + 180) / 360 * 1000 and (90 - 38) / 180 * 500 <= y <= (90 - 32) / 180 * 500


@pytest.mark.parametrize("params", [{}, {"quad_class": "4"}, {"actor": "RUS"}, {"actor": "Turkey", "quad_class": "4"},
                                    {"actor": "Russia,Turkey"}, {"theatre": "Syria"}])
def test_map_tallies_give_the_clusters_the_events_give(site, params):
    from detente.web import queries

    locate_syria()
    Event.objects.filter(theatre="Syria", quad_class=4).update(location_name="Aleppo")  # two places in one cell
    tallied = queries.map_clusters(params)
    counted = queries.event_clusters(queries.query_events(params))
    assert tallied and [c.pop("lat") for c in tallied] == pytest.approx([c.pop("lat") for c in counted])
    assert [c.pop("lon") for c in tallied] == pytest.approx([c.pop("lon") for c in counted])
    assert tallied == counted


def test_the_map_reads_its_tallies_for_the_filters_they_keep(site):
    from detente.records.filters import parse_filter
    from detente.web.queries import tallied_country

    assert tallied_country(parse_filter({})) == ""
    assert tallied_country(parse_filter({"actor": "Russia", "quad_class": "4"})) == "RUS"
    assert tallied_country(parse_filter({"actor": "RUS,TUR"})) is None
    assert tallied_country(parse_filter({"theatre": "Syria"})) is None


@pytest.mark.parametrize("bbox", ["1,2,3", "x,1,2,3", "50,0,10,1", "0,0,91,1", "nan,0,1,1"])
def test_a_bad_bbox_is_a_400(client, site, bbox):
    assert client.get("/events/", {"bbox": bbox}).status_code == 400


def test_png_fallback_draws_quads_apart_with_gaps_and_names():
    from detente.web.chart_png import timeline_png

    def period(start, counts, mean):
        return {"period": start, "label": start[:4], **{f"quad{q}": n for q, n in zip((1, 2, 3, 4), counts)},
                "goldstein_mean": mean}

    data = {"a": "Russia", "b": "Turkey", "dyad_label": "Russia – Turkey", "by": "year", "change_points": [],
            "periods": [period("2019-01-01", (1, 2, 0, 0), 5.7), period("2020-01-01", (0, 0, 0, 0), None),
                        period("2021-01-01", (0, 0, 2, 1), -6.3)]}
    png = timeline_png(data)
    assert png.startswith(b"\x89PNG") and len(png) > 5000


def test_csv_download_defuses_spreadsheet_formulas(client, site):
    from detente.store.models import EventMention

    EventMention.objects.filter(event__cameo="190").update(sentence='=HYPERLINK("http://x.example","y")')
    response = client.get("/events/download.csv", {"code": "190"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["evidence"] == '\'=HYPERLINK("http://x.example","y")' and float(rows[0]["goldstein"]) == -10.0


def test_undated_events_come_last_newest_first_and_three_actors_are_refused(client, site):
    undated = Event.objects.get(cameo="051")
    Event.objects.filter(pk=undated.pk).update(date_start=None, date_end=None)
    ids = row_ids(client.get("/events/").content.decode())
    assert ids[-1] == undated.pk and len(ids) == 6
    response = client.get("/api/events", {"actor": "RUS,TUR,USA"})
    assert response.status_code == 400 and "two" in response.json()["message"]


def test_event_page_names_actors_dates_and_the_relationship(client, site):
    event = Event.objects.get(cameo="112")
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert '<span title="TURGOV">Turkey (government)</span> → <span title="RUSGOV">Russia (government)</span>' in html
    assert ">Russia – Turkey</a>" in html and "(1 July 2020)" in html and "27 February 2020" in html
