"""Submit an article (pasted text, a file or a URL): analysed and published at once."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from detente.errors import DetenteError

from ..analysis import analyse_and_store, read_submission
from ..forms import SubmitForm
from ..ratelimits import limit_posts
from ..timeline import bump_version


def may_submit(user) -> bool:
    """DETENTE_SUBMIT_POLICY: 'users' lets any logged-in user submit, 'staff' only staff."""
    if settings.DETENTE_SUBMIT_POLICY == "staff":
        return user.is_staff
    return user.is_authenticated


@login_required
@limit_posts("DETENTE_RATE_SUBMIT", key="user")
def submit(request):
    if not may_submit(request.user):
        raise PermissionDenied("Only staff may submit articles on this site.")
    form = SubmitForm(request.POST, request.FILES) if request.method == "POST" else SubmitForm()
    if request.method == "POST" and form.is_valid():
        try:
            result = analyse_and_store(read_submission(form.cleaned_data), request.user)
        except DetenteError as err:
            form.add_error(None, err.message)
        else:
            bump_version()
            if not result.created:
                messages.info(request, "This article was already published.")
            return redirect("article", pk=result.article.pk)
    return render(request, "detente/submit.html", {"form": form})
