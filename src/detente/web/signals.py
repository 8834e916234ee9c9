"""Drop cached timelines when events are stored, changed or corrected."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from detente.store.models import Correction, Event

from .timeline import bump_version


@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
@receiver(post_save, sender=Correction)
def forget_timelines(sender, **kwargs) -> None:
    bump_version()
