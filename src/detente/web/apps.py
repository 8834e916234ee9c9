from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "detente.web"
    label = "web"
    verbose_name = "Detente web site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (cache invalidation on new events/corrections)
