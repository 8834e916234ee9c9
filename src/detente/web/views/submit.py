"""Submit an article (pasted text, a file or a URL): queued for analysis, followed on its own page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from ..forms import SubmitForm
from ..jobs import enqueue, pending
from ..models import SubmissionJob
from ..ratelimits import limit_posts


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
        quota = settings.DETENTE_OPTIONS.submit_quota
        if pending(request.user) >= quota:
            form.add_error(None, f"You have {quota} submissions waiting to be analysed; "
                                 f"submit more when they are done.")
        else:
            return redirect("submission", pk=enqueue(request.user, form.cleaned_data).pk)
    return render(request, "detente/submit.html", {"form": form})


@login_required
def submission(request, pk: int):
    """A submission's status: queued, analysing, done (with its article) or failed (with the reason)."""
    job = get_object_or_404(SubmissionJob.objects.defer("text", "file_data"), pk=pk)
    if job.user_id != request.user.pk and not request.user.is_staff:
        raise Http404("No such submission.")
    ahead = (SubmissionJob.objects.filter(state=SubmissionJob.State.QUEUED, created_at__lt=job.created_at).count()
             if job.state == SubmissionJob.State.QUEUED else 0)
    return render(request, "detente/submission.html", {"job": job, "ahead": ahead})
