"""Full-text search indexes over article titles and texts and over the sentences that report events.

SQLite (the embedded default): FTS5 tables holding no copy of the text (external content),
kept in step by triggers, filled once here. PostgreSQL: GIN indexes on the very
``to_tsvector`` expressions ``detente.store.search`` queries, so a search reads the index.
"""

from django.db import migrations

SQLITE_TABLES = (  # fts table, content table, columns
    ("store_article_fts", "store_article", ("title", "text")),
    ("store_eventmention_fts", "store_eventmention", ("sentence",)),
)

POSTGRES_INDEXES = (
    ("store_article_search", "store_article", "english", "coalesce(title, '') || ' ' || coalesce(text, '')"),
    ("store_eventmention_search", "store_eventmention", "english", "coalesce(sentence, '')"),
)


def _sqlite_statements(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id', "
        f"tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for fts, table, columns in SQLITE_TABLES:
            for statement in _sqlite_statements(fts, table, columns):
                schema_editor.execute(statement)
    elif vendor == "postgresql":
        for name, table, config, expression in POSTGRES_INDEXES:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                                  f"USING GIN (to_tsvector('{config}', {expression}))")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for fts, _table, _columns in SQLITE_TABLES:
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")
    elif vendor == "postgresql":
        for name, *_rest in POSTGRES_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("store", "0004_event_timeline_index_modality"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
