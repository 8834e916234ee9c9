"""Tallies for the relationship timelines and the map, kept on write like those of 0008.

- ``store_periodtally``: per relationship, week or month, and theatre, the events a timeline
  counts (active, dated, not denied or hypothetical) and their summed Goldstein score, per quad class.
- ``store_periodtop``: per relationship, week or month, and scope ('' all theatres, else one
  theatre), the three most reported of those events (mentions, then |Goldstein|, then id): a new
  event enters its groups and the fourth is dropped; a changed or deleted event's groups are
  ranked again from the events (an index range of one month of one relationship).
- ``store_maptally``: the located active events per 3-degree cell, place and quad class, for
  all (country '') and per country on either side.
- a ``place`` kind in 0008's ``store_tally``: active events per place name.

And indexes for the explorer's sorts on Goldstein, mentions and quad class, and on the place name
(search matches stored place names, looked up in the place tally, with an indexed IN).

Triggers on ``store_event`` (SQLite and PostgreSQL) keep all three, whichever code writes. The
conditions are written out here (not imported) so that this migration keeps meaning what it meant.
"""

from django.db import migrations, models

COUNTED = ("{r}.status = 'active' AND {r}.date_start IS NOT NULL AND {r}.dyad <> '' "
           "AND {r}.modality NOT IN ('denied', 'hypothetical')")
BYS = ("week", "month")
TOP = 3
PERIOD_COLUMNS = ("status", "dyad", "theatre", "date_start", "modality", "quad_class", "goldstein", "mention_count")
MAP_COLUMNS = ("status", "lat", "lon", "location_name", "quad_class", "source_country", "target_country")
# the explorer's sort columns without an index of their own (the others have one)
SORT_INDEXES = (("goldstein", "event_goldstein"), ("mention_count", "event_mentions"), ("quad_class", "event_quad"))

SQLITE = {
    "week": "date({d}, '-6 days', 'weekday 1')",
    "month": "date({d}, 'start of month')",
    "next_week": "date({p}, '+7 days')",
    "next_month": "date({p}, '+1 month')",
    "floor": "(CAST({x} AS INTEGER) - (({x}) < CAST({x} AS INTEGER)))",
}
POSTGRES = {
    "week": "CAST(date_trunc('week', {d}) AS date)",
    "month": "CAST(date_trunc('month', {d}) AS date)",
    "next_week": "CAST({p} + interval '7 days' AS date)",
    "next_month": "CAST({p} + interval '1 month' AS date)",
    "floor": "CAST(floor({x}) AS integer)",
}


def _period(sql: dict, by: str, row: str) -> str:
    return sql[by].format(d=f"{row}.date_start")


def _period_upsert(sql: dict, row: str, by: str, delta: int) -> str:
    counts = ", ".join(f"CASE WHEN {row}.quad_class = {q} THEN {delta} ELSE 0 END" for q in (1, 2, 3, 4))
    sums = ", ".join(f"CASE WHEN {row}.quad_class = {q} THEN {delta} * {row}.goldstein ELSE 0.0 END"
                     for q in (1, 2, 3, 4))
    added = ", ".join(f"{c} = store_periodtally.{c} + excluded.{c}" for c in
                      ("n1", "n2", "n3", "n4", "g1", "g2", "g3", "g4"))
    return (f"INSERT INTO store_periodtally (dyad, unit, period, theatre, n1, n2, n3, n4, g1, g2, g3, g4) "
            f"SELECT {row}.dyad, '{by}', {_period(sql, by, row)}, {row}.theatre, {counts}, {sums} "
            f"WHERE {COUNTED.format(r=row)} ON CONFLICT (dyad, unit, period, theatre) DO UPDATE SET {added}")


def _scopes(row: str) -> list[tuple[str, str]]:
    """(scope expression, extra condition) of the top-event groups a row belongs to."""
    return [("''", "1 = 1"), (f"{row}.theatre", f"{row}.theatre <> ''")]


def _group(sql: dict, row: str, by: str, scope: str) -> str:
    return (f"dyad = {row}.dyad AND unit = '{by}' AND period = {_period(sql, by, row)} AND scope = {scope}")


def _top_enter(sql: dict, row: str, by: str) -> list[str]:
    """A new event enters its groups; each keeps its best TOP."""
    statements = []
    for scope, cond in _scopes(row):
        statements.append(
            f"INSERT INTO store_periodtop (dyad, unit, period, scope, event_id, mention_count, weight) "
            f"SELECT {row}.dyad, '{by}', {_period(sql, by, row)}, {scope}, {row}.id, {row}.mention_count, "
            f"abs({row}.goldstein) WHERE {COUNTED.format(r=row)} AND {cond}")
        group = _group(sql, row, by, scope)
        statements.append(
            f"DELETE FROM store_periodtop WHERE {group} AND {COUNTED.format(r=row)} AND {cond} AND id NOT IN "
            f"(SELECT id FROM store_periodtop WHERE {group} "
            f"ORDER BY mention_count DESC, weight DESC, event_id LIMIT {TOP})")
    return statements


def _top_rank(sql: dict, row: str, by: str) -> list[str]:
    """The groups ``row`` belonged or belongs to, ranked again from the events."""
    statements = []
    start = _period(sql, by, row)
    end = sql[f"next_{by}"].format(p=start)
    for scope, cond in _scopes(row):
        in_theatre = f"AND e.theatre = {scope}" if scope != "''" else ""
        statements.append(f"DELETE FROM store_periodtop WHERE {_group(sql, row, by, scope)} AND {cond}")
        statements.append(
            f"INSERT INTO store_periodtop (dyad, unit, period, scope, event_id, mention_count, weight) "
            f"SELECT e.dyad, '{by}', {start}, {scope}, e.id, e.mention_count, abs(e.goldstein) FROM store_event e "
            f"WHERE {cond} AND e.dyad = {row}.dyad AND e.status = 'active' AND e.date_start >= {start} "
            f"AND e.date_start < {end} AND e.modality NOT IN ('denied', 'hypothetical') {in_theatre} "
            f"ORDER BY e.mention_count DESC, abs(e.goldstein) DESC, e.id LIMIT {TOP}")
    return statements


def _map_upserts(sql: dict, row: str, delta: int) -> list[str]:
    cy = sql["floor"].format(x=f"({row}.lat + 90) / 3")
    cx = sql["floor"].format(x=f"({row}.lon + 180) / 3")
    keys = (("''", "1 = 1"), (f"{row}.source_country", f"{row}.source_country <> ''"),
            (f"{row}.target_country", f"{row}.target_country <> '' AND {row}.target_country <> {row}.source_country"))
    return [f"INSERT INTO store_maptally (country, quad_class, cy, cx, place, events, lat_sum, lon_sum) "
            f"SELECT {key}, {row}.quad_class, {cy}, {cx}, {row}.location_name, {delta}, {delta} * {row}.lat, "
            f"{delta} * {row}.lon WHERE {row}.status = 'active' AND {row}.lat IS NOT NULL AND {row}.lon IS NOT NULL "
            f"AND {cond} ON CONFLICT (country, quad_class, cy, cx, place) DO UPDATE SET "
            "events = store_maptally.events + excluded.events, lat_sum = store_maptally.lat_sum + excluded.lat_sum, "
            "lon_sum = store_maptally.lon_sum + excluded.lon_sum"
            for key, cond in keys]


def _place_upsert(row: str, delta: int) -> str:
    """The place kind of 0008's store_tally: active events per place name (search matches places by name)."""
    return (f"INSERT INTO store_tally (kind, key, events) SELECT 'place', {row}.location_name, {delta} "
            f"WHERE {row}.status = 'active' AND {row}.location_name <> '' "
            "ON CONFLICT (kind, key) DO UPDATE SET events = store_tally.events + excluded.events")


def _inserted(sql: dict) -> list[str]:
    return ([_period_upsert(sql, "NEW", by, 1) for by in BYS]
            + [s for by in BYS for s in _top_enter(sql, "NEW", by)])


def _removed(sql: dict) -> list[str]:
    return ([_period_upsert(sql, "OLD", by, -1) for by in BYS]
            + [s for by in BYS for s in _top_rank(sql, "OLD", by)])


def _updated(sql: dict) -> list[str]:
    return ([_period_upsert(sql, "OLD", by, -1) for by in BYS] + [_period_upsert(sql, "NEW", by, 1) for by in BYS]
            + [s for by in BYS for s in _top_rank(sql, "OLD", by) + _top_rank(sql, "NEW", by)])


def _sqlite_triggers() -> list[str]:
    def trigger(name: str, event: str, statements: list[str]) -> str:
        return f"CREATE TRIGGER {name} AFTER {event} ON store_event BEGIN {' '.join(s + ';' for s in statements)} END"

    return [
        trigger("store_event_period_ai", "INSERT", _inserted(SQLITE)),
        trigger("store_event_period_ad", "DELETE", _removed(SQLITE)),
        trigger("store_event_period_au", f"UPDATE OF {', '.join(PERIOD_COLUMNS)}", _updated(SQLITE)),
        trigger("store_event_map_ai", "INSERT", _map_upserts(SQLITE, "NEW", 1) + [_place_upsert("NEW", 1)]),
        trigger("store_event_map_ad", "DELETE", _map_upserts(SQLITE, "OLD", -1) + [_place_upsert("OLD", -1)]),
        trigger("store_event_map_au", f"UPDATE OF {', '.join(MAP_COLUMNS)}",
                _map_upserts(SQLITE, "OLD", -1) + _map_upserts(SQLITE, "NEW", 1)
                + [_place_upsert("OLD", -1), _place_upsert("NEW", 1)]),
    ]


def _postgres_function(name: str, inserted: list[str], removed: list[str], updated: list[str]) -> str:
    def body(statements):
        return " ".join(s + ";" for s in statements)

    return (f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {body(inserted)} "
            f"ELSIF TG_OP = 'DELETE' THEN {body(removed)} "
            f"ELSE {body(updated)} END IF; RETURN NULL; END $$")


def _postgres_triggers() -> list[str]:
    sql = POSTGRES
    return [
        _postgres_function("store_event_period", _inserted(sql), _removed(sql), _updated(sql)),
        "CREATE TRIGGER store_event_period AFTER INSERT OR DELETE OR UPDATE OF "
        f"{', '.join(PERIOD_COLUMNS)} ON store_event FOR EACH ROW EXECUTE FUNCTION store_event_period()",
        _postgres_function("store_event_map", _map_upserts(sql, "NEW", 1) + [_place_upsert("NEW", 1)],
                           _map_upserts(sql, "OLD", -1) + [_place_upsert("OLD", -1)],
                           _map_upserts(sql, "OLD", -1) + _map_upserts(sql, "NEW", 1)
                           + [_place_upsert("OLD", -1), _place_upsert("NEW", 1)]),
        "CREATE TRIGGER store_event_map AFTER INSERT OR DELETE OR UPDATE OF "
        f"{', '.join(MAP_COLUMNS)} ON store_event FOR EACH ROW EXECUTE FUNCTION store_event_map()",
    ]


def _fill(sql: dict) -> list[str]:
    """The tallies of the events already stored."""
    statements = []
    e = "e"
    for by in BYS:
        counts = ", ".join(f"SUM(CASE WHEN e.quad_class = {q} THEN 1 ELSE 0 END)" for q in (1, 2, 3, 4))
        sums = ", ".join(f"SUM(CASE WHEN e.quad_class = {q} THEN e.goldstein ELSE 0.0 END)" for q in (1, 2, 3, 4))
        statements.append(
            f"INSERT INTO store_periodtally (dyad, unit, period, theatre, n1, n2, n3, n4, g1, g2, g3, g4) "
            f"SELECT e.dyad, '{by}', {_period(sql, by, e)}, e.theatre, {counts}, {sums} FROM store_event e "
            f"WHERE {COUNTED.format(r=e)} GROUP BY 1, 3, 4")
        for scope, cond in _scopes(e):
            partition = f"e.dyad, {_period(sql, by, e)}" + (f", {scope}" if scope != "''" else "")
            statements.append(
                f"INSERT INTO store_periodtop (dyad, unit, period, scope, event_id, mention_count, weight) "
                f"SELECT dyad, '{by}', period, scope, id, mention_count, weight FROM (SELECT e.dyad, "
                f"{_period(sql, by, e)} AS period, {scope} AS scope, e.id, e.mention_count, abs(e.goldstein) AS weight, "
                f"ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY e.mention_count DESC, abs(e.goldstein) DESC, "
                f"e.id) AS rank FROM store_event e WHERE {COUNTED.format(r=e)} AND {cond}) ranked "
                f"WHERE rank <= {TOP}")
    cy = sql["floor"].format(x="(e.lat + 90) / 3")
    cx = sql["floor"].format(x="(e.lon + 180) / 3")
    for key, cond in (("''", "1 = 1"), ("e.source_country", "e.source_country <> ''"),
                      ("e.target_country", "e.target_country <> '' AND e.target_country <> e.source_country")):
        grouped = "2, 3, 4, 5" if key == "''" else "1, 2, 3, 4, 5"  # not by a constant
        statements.append(
            f"INSERT INTO store_maptally (country, quad_class, cy, cx, place, events, lat_sum, lon_sum) "
            f"SELECT {key}, e.quad_class, {cy}, {cx}, e.location_name, COUNT(*), SUM(e.lat), SUM(e.lon) "
            f"FROM store_event e WHERE e.status = 'active' AND e.lat IS NOT NULL AND e.lon IS NOT NULL AND {cond} "
            f"GROUP BY {grouped} ON CONFLICT (country, quad_class, cy, cx, place) DO UPDATE SET "
            "events = store_maptally.events + excluded.events, lat_sum = store_maptally.lat_sum + excluded.lat_sum, "
            "lon_sum = store_maptally.lon_sum + excluded.lon_sum")
    statements.append("INSERT INTO store_tally (kind, key, events) SELECT 'place', e.location_name, COUNT(*) "
                      "FROM store_event e WHERE e.status = 'active' AND e.location_name <> '' GROUP BY 2 "
                      "ON CONFLICT (kind, key) DO UPDATE SET events = store_tally.events + excluded.events")
    return statements


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise RuntimeError(f"tallies are kept by SQLite or PostgreSQL triggers, not {vendor}'s")
    sql, triggers = (SQLITE, _sqlite_triggers) if vendor == "sqlite" else (POSTGRES, _postgres_triggers)
    for statement in [*_fill(sql), *triggers()]:
        schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in ("period", "map"):
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS store_event_{name}_{suffix}")
    else:
        for name in ("store_event_period", "store_event_map"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON store_event")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")


class Migration(migrations.Migration):

    dependencies = [
        ('store', '0008_tallies'),
    ]

    operations = [
        migrations.CreateModel(
            name='PeriodTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('dyad', models.CharField(max_length=24)),
                ('unit', models.CharField(help_text='week or month', max_length=8)),
                ('period', models.DateField(help_text='the first day of the week (Monday) or month')),
                ('theatre', models.CharField(blank=True, max_length=100)),
                ('n1', models.IntegerField(default=0)),
                ('n2', models.IntegerField(default=0)),
                ('n3', models.IntegerField(default=0)),
                ('n4', models.IntegerField(default=0)),
                ('g1', models.FloatField(default=0.0)),
                ('g2', models.FloatField(default=0.0)),
                ('g3', models.FloatField(default=0.0)),
                ('g4', models.FloatField(default=0.0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('dyad', 'unit', 'period', 'theatre'),
                                                        name='period_tally_key')],
            },
        ),
        migrations.CreateModel(
            name='PeriodTop',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('dyad', models.CharField(max_length=24)),
                ('unit', models.CharField(help_text='week or month', max_length=8)),
                ('period', models.DateField()),
                ('scope', models.CharField(blank=True, help_text="'' for all theatres, else the theatre",
                                           max_length=100)),
                ('event_id', models.BigIntegerField()),
                ('mention_count', models.IntegerField()),
                ('weight', models.FloatField(help_text='|Goldstein|')),
            ],
            options={
                'indexes': [models.Index(fields=['dyad', 'unit', 'scope', 'period'], name='period_top_group')],
            },
        ),
        migrations.CreateModel(
            name='MapTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('country', models.CharField(blank=True, help_text="'' for every event, else a side's country",
                                             max_length=8)),
                ('quad_class', models.PositiveSmallIntegerField()),
                ('cy', models.IntegerField(help_text='floor((lat + 90) / 3)')),
                ('cx', models.IntegerField(help_text='floor((lon + 180) / 3)')),
                ('place', models.CharField(blank=True, max_length=200)),
                ('events', models.IntegerField(default=0)),
                ('lat_sum', models.FloatField(default=0.0)),
                ('lon_sum', models.FloatField(default=0.0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('country', 'quad_class', 'cy', 'cx', 'place'),
                                                        name='map_tally_key')],
            },
        ),
        *[migrations.AddIndex(model_name='event', index=models.Index(fields=[column, 'id'], name=name))
          for column, name in SORT_INDEXES],
        migrations.AddIndex(model_name='event', index=models.Index(fields=['location_name'], name='event_place')),
        migrations.AlterField(model_name='tally', name='kind',
                              field=models.CharField(help_text='dyad, theatre, actor, place or all', max_length=16)),
        migrations.AlterField(model_name='tally', name='key', field=models.CharField(
            help_text="the dyad, the theatre, 'code<TAB>name<TAB>country', the place, or ''", max_length=700)),
        migrations.RunPython(create, drop),
    ]
