from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "detente.store"
    label = "store"
    verbose_name = "Detente event store"
    default_auto_field = "django.db.models.BigAutoField"
