"""Analysts (staff) correct an event's code, actors or date, or reject it; the store records who and when."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from detente.errors import DetenteError
from detente.store.corrections import correct_event, reject_event, restore_event
from detente.store.models import Event

from ..forms import CorrectionForm, RejectForm
from ..timeline import bump_version


def _back(request, event: Event):
    """Back to the page the form was on (this site only), else the event's page."""
    back = request.POST.get("back", "")
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return redirect(back if back and safe else f"/events/{event.pk}/")


@require_POST
@staff_member_required
def correct(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(e for errs in form.errors.values() for e in errs))
        return _back(request, event)
    try:
        correct_event(event, request.user, **form.changes())
    except DetenteError as err:
        messages.error(request, err.message)
        return _back(request, event)
    bump_version()
    messages.success(request, f"Event {event.pk} corrected.")
    return _back(request, event)


def _set_status(request, pk: int, change, done: str):
    event = get_object_or_404(Event, pk=pk)
    form = RejectForm(request.POST)
    try:
        change(event, request.user, note=form.cleaned_data["note"] if form.is_valid() else "")
    except DetenteError as err:
        messages.error(request, err.message)
        return _back(request, event)
    bump_version()
    messages.success(request, f"Event {event.pk} {done}.")
    return _back(request, event)


@require_POST
@staff_member_required
def reject(request, pk: int):
    return _set_status(request, pk, reject_event, "rejected")


@require_POST
@staff_member_required
def restore(request, pk: int):
    return _set_status(request, pk, restore_event, "restored")
