"""Drop cached timelines and pages when events or comments change."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from detente.store.models import Article, Correction, Event

from .caching import COMMENTS
from .comments.models import DetenteComment
from .timeline import bump_version


@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
@receiver(post_save, sender=Correction)
@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def forget_timelines(sender, **kwargs) -> None:
    bump_version()


@receiver(post_save, sender=DetenteComment)
@receiver(post_delete, sender=DetenteComment)
def forget_comment_pages(sender, **kwargs) -> None:
    COMMENTS.bump()
