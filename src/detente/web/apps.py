from urllib.parse import urlsplit

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


def sync_site_domain(sender, using="default", **kwargs) -> None:
    """After migrating, the Sites framework's domain is DETENTE_SITE_URL's (not example.com)."""
    if sender.name != "django.contrib.sites":
        return

    # waits for Django: the sites framework's model, once the apps are ready
    from django.contrib.sites.models import Site

    if settings.DETENTE_SITE_URL:
        parts = urlsplit(settings.DETENTE_SITE_URL)
        Site.objects.using(using).update_or_create(pk=settings.SITE_ID,
                                                   defaults={"domain": parts.netloc, "name": parts.hostname})


class WebConfig(AppConfig):
    name = "detente.web"
    label = "web"
    verbose_name = "Detente web site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # waits for Django: the signal handlers use the models, loaded once the apps are ready
        from . import signals  # noqa: F401  (cache invalidation on new events/corrections)

        post_migrate.connect(sync_site_domain, dispatch_uid="detente.sync_site_domain")
