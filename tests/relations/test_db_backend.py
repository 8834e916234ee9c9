"""Dyad timelines from the Django database (aggregation in SQL)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.cli import main
from detente.errors import NotFoundError
from detente.relations.db import DatabaseBackend
from detente.relations.timeline import DyadQuery, timeline_for
from detente.store import corrections
from detente.store.actors import actor_filter
from detente.store.models import Event
from tests.store.factories import actor, record, series, store

pytestmark = [pytest.mark.db, pytest.mark.django_db]


def query(a="TUR", b="RUS", **kwargs) -> DyadQuery:
    return DyadQuery(actor_filter(a), actor_filter(b), **kwargs)


def timeline(a="TUR", b="RUS", **kwargs):
    return timeline_for(DatabaseBackend(), query(a, b, **kwargs))


@pytest.fixture
def mixed():
    store("Article one.", [
        record(cameo="190", quad=4, goldstein=-10.0, start="2020-02-03", theatre="Syria", span=(0, 5)),
        record("RUS", "TUR", cameo="111", quad=3, goldstein=-2.0, start="2020-02-20", theatre="Syria",
               span=(6, 9)),
        record(cameo="042", quad=1, goldstein=1.9, start="2020-04-11", theatre="Libya", span=(10, 15)),
        record("TUR", "SYR", cameo="190", quad=4, goldstein=-10.0, start="2020-02-05", span=(20, 25)),
    ])


def test_counts_per_quad_class_in_both_directions(mixed):
    february = timeline().periods[0]
    assert (february.start, february.counts) == (dt.date(2020, 2, 1), {1: 0, 2: 0, 3: 1, 4: 1})


def test_goldstein_sum_and_mean_per_period(mixed):
    february = timeline().periods[0]
    assert (february.goldstein_sum, february.goldstein_mean) == (-12.0, -6.0)


@pytest.mark.parametrize("by,starts", [
    ("month", ["2020-02-01", "2020-03-01", "2020-04-01"]),
    ("quarter", ["2020-01-01", "2020-04-01"]),
    ("year", ["2020-01-01"]),
    ("week", ["2020-02-03", "2020-02-10", "2020-02-17", "2020-02-24"]),
])
def test_periods_follow_the_requested_length(mixed, by, starts):
    until = dt.date(2020, 2, 29) if by == "week" else None
    found = [p.start.isoformat() for p in timeline(by=by, until=until).periods]
    assert found == starts


def test_theatre_filter_keeps_only_that_theatre(mixed):
    assert timeline(theatre="libya").events == 1


def test_theatre_breakdown(mixed):
    assert timeline().theatres == {"Syria": 2, "Libya": 1}


def test_since_and_until_bound_the_events(mixed):
    assert timeline(since=dt.date(2020, 2, 10), until=dt.date(2020, 3, 31)).events == 1


def test_rejected_events_are_excluded_from_timelines(mixed):
    corrections.reject_event(Event.objects.get(cameo="042"), "analyst")
    assert timeline().events == 2


def test_timelines_use_corrected_codes(mixed):
    corrections.correct_event(Event.objects.get(cameo="042"), "analyst", code="190")
    april = timeline().periods[-1]
    assert april.counts[4] == 1 and april.counts[1] == 0


def test_timelines_use_corrected_dates(mixed):
    corrections.correct_event(Event.objects.get(cameo="042"), "analyst", date="2020-02-14")
    assert [p.start for p in timeline().periods] == [dt.date(2020, 2, 1)]


def test_person_actors_match_by_name():
    erdogan = actor("TUR", name="Recep Tayyip Erdogan", kind="person", text="Erdogan")
    store("Erdogan spoke.", [record(source_actor=erdogan, cameo="042", quad=1, goldstein=1.9, span=(0, 3)),
                             record(cameo="190", span=(4, 9))])
    assert timeline("Erdogan", "RUS").events == 1


def test_unknown_actor_is_not_found_with_a_hint():
    with pytest.raises(NotFoundError, match="ISO 3166-1"):
        actor_filter("Atlantis")


@pytest.mark.parametrize("name,country", [("RUS", "RUS"), ("Turkey", "TUR"), ("russia", "RUS"),
                                          ("Syrian Arab Republic", "SYR")])
def test_country_names_and_codes_resolve(name, country):
    assert actor_filter(name).country == country


def test_top_events_prefer_the_most_reported():
    store("First report.", [record(cameo="190", start="2020-02-03", span=(0, 4)),
                            record(cameo="042", quad=1, goldstein=1.9, start="2020-02-10", span=(5, 9))])
    store("Second report.", [record(cameo="042", quad=1, goldstein=1.9, start="2020-02-10")])
    refs = DatabaseBackend().top_events(query(), per_period=1)
    assert [(r.cameo, r.mentions) for r in refs] == [("042", 2)]


def test_change_point_found_in_stored_series():
    for text, records in series(24, before=6.0, after=-7.0, break_at=12):
        store(text, records)
    points = timeline().change_points
    assert [(p.period, p.direction) for p in points] == [(dt.date(2019, 1, 1), "worsened")]


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setattr("detente.store.setup.open_store", lambda options: None)

    def run(*argv):
        code = main(list(argv))
        return code, capsys.readouterr().out

    return run


def test_timeline_command_prints_json(mixed, cli):
    code, out = cli("timeline", "TUR", "Russia", "--format", "json")
    data = json.loads(out)
    assert (code, data["events"], [p["period"] for p in data["periods"]]) == \
        (0, 3, ["2020-02-01", "2020-03-01", "2020-04-01"])


def test_timeline_command_prints_csv_rows_per_period(mixed, cli):
    code, out = cli("timeline", "TUR", "RUS", "--format", "csv", "--by", "quarter")
    lines = out.strip().splitlines()
    assert (code, lines[0].split(",")[:2], len(lines)) == (0, ["period", "events"], 3)


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".html", b"<!DOCTYPE html>")])
def test_timeline_chart_files(mixed, cli, tmp_path, suffix, magic):
    out = tmp_path / f"chart{suffix}"
    cli("timeline", "TUR", "RUS", "--format", "csv", "--chart", str(out))
    assert out.read_bytes().startswith(magic)


def test_html_chart_is_self_contained(mixed, cli, tmp_path):
    out = tmp_path / "chart.html"
    cli("timeline", "TUR", "RUS", "--format", "csv", "--chart", str(out))
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and not any(tag in page for tag in ("src=", "<link", "@import", "url(http"))


def test_timeline_command_unknown_actor_exit_code(cli, capsys):
    code, _ = cli("timeline", "Atlantis", "RUS")
    assert code == NotFoundError.exit_code


def test_typed_actor_code_matches_on_the_code():
    store("Turkish officials spoke.", [record(cameo="042", quad=1, goldstein=1.9)])
    assert actor_filter("TURGOV").fields() == {"code": "TURGOV"}


def test_leaders_resolve_through_the_actor_dictionary_to_their_name():
    assert actor_filter("Erdogan").fields() == {"name": "Recep Tayyip Erdogan"}


@pytest.mark.parametrize("modality,counted", [
    ("asserted", True), ("threatened", True), ("alleged", True), ("denied", False), ("hypothetical", False),
])
def test_timeline_counts_only_acts_reported_as_done_threatened_or_alleged(modality, counted):
    store("An article with one act.", [record(cameo="190", quad=4, goldstein=-10.0, start="2020-02-03",
                                              modality=modality)])
    assert timeline().events == (1 if counted else 0)


@pytest.mark.parametrize("by", ["week", "month", "quarter", "year"])
def test_period_start_in_sql_matches_python_on_every_day_of_two_years(by):
    """The database's own date arithmetic (SQLite's date functions, PostgreSQL's date_trunc)
    puts each day in the period Python's period_start does: weeks from Monday, quarters from Jan/Apr/Jul/Oct."""
    from detente.relations.db import PeriodStart, _as_date
    from detente.relations.timeline import period_start

    first = dt.date(2019, 12, 1)
    days = [first + dt.timedelta(days=n) for n in range(800)]
    Event.objects.bulk_create([Event(fingerprint="x", dyad="RUS-TUR", source_code="RUS", source_country="RUS",
                                     source_name="Russia", source_kind="state", cameo="010", cameo_root="01",
                                     quad_class=1, goldstein=0.0, date_start=day) for day in days])
    rows = Event.objects.annotate(period=PeriodStart("date_start", by)).values_list("date_start", "period")
    wrong = [(day, period) for day, period in rows if _as_date(period) != period_start(day, by)]
    assert len(rows) == 800 and wrong == []
