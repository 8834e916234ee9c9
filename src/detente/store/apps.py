from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate

TALLY_TABLES = ("store_tally", "store_periodtally", "store_periodtop", "store_maptally")


def empty_tallies_without_events(using: str = "default", **kwargs) -> None:
    """No events, no tallies. Django's flush (``flush``, and between transactional tests) empties the tables
    in no fixed order on SQLite: when the tallies go before the events, the events' delete triggers leave
    tally rows counting below zero behind. Flush ends with post_migrate, so they are cleared here."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    if "store_event" not in existing:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM store_event LIMIT 1")
        if cursor.fetchone():
            return
        for table in TALLY_TABLES:
            if table in existing:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - our table names


class StoreConfig(AppConfig):
    name = "detente.store"
    label = "store"
    verbose_name = "Detente event store"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(empty_tallies_without_events, sender=self,
                             dispatch_uid="detente.store.empty_tallies_without_events")
