"""Analysts' corrections: change an event's code, actors or date, reject or restore it.

The new values are written to the ``Event`` itself (so timelines, listings and
exports use them without knowing about corrections) and every changed field
is logged as a ``Correction`` row with who, when, old and new value. The
site's staff views and ``detente correct`` call these functions.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from detente.errors import NotFoundError, OptionError
from detente.events.cameo import describe
from detente.model import ActorRef

from .actors import resolve_ref
from .locking import lock_for_transaction
from .models import Correction, Event
from .rows import dyad_key, fingerprint

ACTOR_PARTS = ("code", "country", "name", "kind")


def get_event(event_id: int) -> Event:
    try:
        return Event.objects.get(pk=event_id)
    except (Event.DoesNotExist, ValueError, TypeError):
        raise NotFoundError(f"no event with id {event_id!r}: `detente events` lists the stored events") from None


def _author(user) -> tuple[object, str]:
    """(User or None, name) for a User, a user name or nobody."""
    if user is None:
        return None, ""
    if isinstance(user, str):

        return get_user_model().objects.filter(username=user).first(), user
    return user, user.get_username()


def _log(event: Event, user, field: str, old, new, note: str) -> Correction:
    account, name = _author(user)
    return Correction.objects.create(event=event, user=account, author=name, field=field,
                                     old_value="" if old is None else str(old),
                                     new_value="" if new is None else str(new), note=note)


def _set(event: Event, field: str, value, changes: list) -> None:
    old = getattr(event, field)
    if old != value:
        setattr(event, field, value)
        changes.append((field, old, value))


def _apply_code(event: Event, code: str, changes: list) -> None:
    described = describe(code)
    _set(event, "cameo", described.code, changes)
    event.cameo_root, event.quad_class = described.root, described.quad_class
    event.goldstein, event.plover = described.goldstein, described.plover


def _apply_actor(event: Event, side: str, actor: ActorRef | str, changes: list) -> None:
    ref = resolve_ref(actor) if isinstance(actor, str) else actor
    old = getattr(event, f"{side}_code")
    for part in ACTOR_PARTS:
        setattr(event, f"{side}_{part}", getattr(ref, part) or "")
    setattr(event, f"{side}_basis", "corrected")
    changes.append((side, old, f"{ref.code} ({ref.name})"))


def parse_date_range(text: str) -> tuple[dt.date, dt.date]:
    """'2020-02-27' or '2020-02-01..2020-02-29' -> (start, end)."""
    try:
        first, _, last = text.partition("..")
        start = dt.date.fromisoformat(first.strip())
        end = dt.date.fromisoformat(last.strip()) if last else start
    except ValueError:
        raise OptionError(f"bad date {text!r}: use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD") from None
    if end < start:
        raise OptionError(f"date range {text!r} ends before it starts")
    return start, end


def granularity_between(start: dt.date, end: dt.date) -> str:
    if start == end:
        return "day"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    return "year" if start.year == end.year else "multi-year"


def _apply_date(event: Event, date, changes: list) -> None:
    start, end = parse_date_range(date) if isinstance(date, str) else date
    old = f"{event.date_start}..{event.date_end}"
    event.date_start, event.date_end = start, end
    event.date_granularity = granularity_between(start, end)
    event.date_basis, event.date_text = "corrected", f"{start}..{end}"
    changes.append(("date", old, f"{start}..{end}"))


def _rekey(event: Event) -> None:
    event.dyad = dyad_key(event.source_country, event.target_country)
    event.fingerprint = fingerprint(event.source_country, event.target_country, event.quad_class)


def correct_event(event: Event, user, *, code: str | None = None, source: ActorRef | str | None = None,
                  target: ActorRef | str | None = None, date=None, note: str = "") -> list[Correction]:
    """Apply an analyst's changes to ``event`` and log one Correction per changed field."""
    changes: list = []
    if code:
        _apply_code(event, code, changes)
    if source:
        _apply_actor(event, "source", source, changes)
    if target:
        _apply_actor(event, "target", target, changes)
    if date:
        _apply_date(event, date, changes)
    if not changes:
        raise OptionError("nothing to correct: give a new code, source, target or date")
    _rekey(event)
    with transaction.atomic():
        lock_for_transaction()
        event.save()
        return [_log(event, user, field, old, new, note) for field, old, new in changes]


def set_status(event: Event, user, status: str, note: str = "") -> Correction:
    if event.status == status:
        raise OptionError(f"event {event.pk} is already {status}")
    old, event.status = event.status, status
    with transaction.atomic():
        lock_for_transaction()
        event.save(update_fields=["status", "updated_at"])
        return _log(event, user, "status", old, status, note)


def reject_event(event: Event, user, note: str = "") -> Correction:
    """Exclude the event from timelines, listings and exports (kept, and restorable)."""
    return set_status(event, user, Event.Status.REJECTED, note)


def restore_event(event: Event, user, note: str = "") -> Correction:
    return set_status(event, user, Event.Status.ACTIVE, note)
