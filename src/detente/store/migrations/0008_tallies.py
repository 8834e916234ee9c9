"""Tallies kept on write: ``store_tally`` counts the active events of each relationship, theatre
and actor, and of all, and triggers on ``store_event`` keep it in step with every insert, update
and delete (SQLite and PostgreSQL), whichever code writes. Filled here from the stored events.
"""

from django.db import migrations, models

TAB = "\t"
# kind -> (key expression, condition) over the row r (NEW or OLD); both sides of an event count for actors.
KEYS = (
    ("all", "''", "1 = 1"),
    ("dyad", "{r}.dyad", "{r}.dyad <> ''"),
    ("theatre", "{r}.theatre", "{r}.theatre <> ''"),
    ("actor", f"{{r}}.source_code || '{TAB}' || {{r}}.source_name || '{TAB}' || {{r}}.source_country",
     "{r}.source_code <> ''"),
    ("actor", f"{{r}}.target_code || '{TAB}' || {{r}}.target_name || '{TAB}' || {{r}}.target_country",
     "{r}.target_code <> ''"),
)
COUNTED = ("status", "dyad", "theatre", "source_code", "source_name", "source_country", "target_code",
           "target_name", "target_country")


def _upserts(row: str, delta: int) -> list[str]:
    """One statement per key: add ``delta`` to the tally of ``row``'s key when ``row`` is active."""
    return [f"INSERT INTO store_tally (kind, key, events) SELECT '{kind}', {key.format(r=row)}, {delta} "
            f"WHERE {row}.status = 'active' AND {cond.format(r=row)} "
            "ON CONFLICT (kind, key) DO UPDATE SET events = store_tally.events + excluded.events"
            for kind, key, cond in KEYS]


def _sqlite_triggers() -> list[str]:
    def body(statements):
        return " ".join(f"{s};" for s in statements)
    return [
        f"CREATE TRIGGER store_event_tally_ai AFTER INSERT ON store_event BEGIN {body(_upserts('new', 1))} END",
        f"CREATE TRIGGER store_event_tally_ad AFTER DELETE ON store_event BEGIN {body(_upserts('old', -1))} END",
        f"CREATE TRIGGER store_event_tally_au AFTER UPDATE OF {', '.join(COUNTED)} ON store_event BEGIN "
        f"{body(_upserts('old', -1) + _upserts('new', 1))} END",
    ]


def _postgres_triggers() -> list[str]:
    old = " ".join(f"{s};" for s in _upserts("OLD", -1))
    new = " ".join(f"{s};" for s in _upserts("NEW", 1))
    return [
        "CREATE OR REPLACE FUNCTION store_event_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {old} END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {new} END IF; "
        "RETURN NULL; END $$",
        f"CREATE TRIGGER store_event_tally AFTER INSERT OR DELETE OR UPDATE OF {', '.join(COUNTED)} "
        "ON store_event FOR EACH ROW EXECUTE FUNCTION store_event_tally()",
    ]


def _fill() -> list[str]:
    return [f"INSERT INTO store_tally (kind, key, events) SELECT '{kind}', {key.format(r='e')}, COUNT(*) "
            f"FROM store_event e WHERE e.status = 'active' AND {cond.format(r='e')} GROUP BY 2 "
            "ON CONFLICT (kind, key) DO UPDATE SET events = store_tally.events + excluded.events"
            for kind, key, cond in KEYS]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    triggers = {"sqlite": _sqlite_triggers, "postgresql": _postgres_triggers}.get(vendor)
    if triggers is None:
        raise RuntimeError(f"tallies are kept by SQLite or PostgreSQL triggers, not {vendor}'s")
    for statement in [*_fill(), *triggers()]:
        schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for suffix in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS store_event_tally_{suffix}")
    else:
        schema_editor.execute("DROP TRIGGER IF EXISTS store_event_tally ON store_event")
        schema_editor.execute("DROP FUNCTION IF EXISTS store_event_tally()")


class Migration(migrations.Migration):

    dependencies = [
        ('store', '0007_site_list_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='Tally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(help_text='dyad, theatre, actor or all', max_length=16)),
                ('key', models.CharField(help_text="the dyad, the theatre, 'code<TAB>name<TAB>country', or ''", max_length=700)),
                ('events', models.IntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('kind', 'key'), name='tally_kind_key')],
            },
        ),
        migrations.RunPython(create, drop),
    ]
