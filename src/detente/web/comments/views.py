"""Posting (logged-in users only), editing, deleting and moderating comments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_comments.views.comments import post_comment

from ..ratelimits import limit_posts
from .forms import CommentEditForm
from .models import DetenteComment, DetenteCommentFlag

COMMENT_TARGETS = ("store.article", "store.event")  # what comments may be attached to


@require_POST
@limit_posts("DETENTE_RATE_COMMENT", key="user_or_ip")
def post(request):
    """django_comments' post view, behind a login check: anonymous posts get 403."""
    if not request.user.is_authenticated:
        raise PermissionDenied("Log in to comment.")
    if request.POST.get("content_type") not in COMMENT_TARGETS:
        return HttpResponseBadRequest("Comments go on an article or an event.")
    return post_comment(request)


def _back_to(comment) -> str:
    return comment.get_absolute_url()


def posted(request):
    """Where django_comments sends the reader when the form had no 'next'."""
    comment = DetenteComment.objects.filter(pk=request.GET.get("c") or 0).first() \
        if (request.GET.get("c") or "").isdigit() else None
    return redirect(_back_to(comment) if comment else "home")


def _own_comment(request, pk: int) -> DetenteComment:
    comment = get_object_or_404(DetenteComment, pk=pk, is_removed=False)
    if not comment.is_author(request.user):
        raise PermissionDenied("Only the author can change this comment.")
    return comment


@login_required
def edit(request, pk: int):
    comment = _own_comment(request, pk)
    if not comment.can_edit(request.user):
        raise PermissionDenied("The edit window for this comment has closed.")
    form = CommentEditForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        comment = form.save(commit=False)
        comment.edited_at = timezone.now()
        comment.save(update_fields=["comment", "edited_at"])
        return redirect(_back_to(comment))
    return render(request, "comments/edit.html", {"form": form, "comment": comment})


@require_POST
@login_required
def delete(request, pk: int):
    """The author removes their comment (kept in the database, hidden from the page)."""
    comment = _own_comment(request, pk)
    comment.is_removed = True
    comment.save(update_fields=["is_removed"])
    return redirect(comment.get_absolute_url("#comments"))


@require_POST
@login_required
def flag(request, pk: int):
    """A reader asks moderators to look at a comment (once per reader)."""
    comment = get_object_or_404(DetenteComment, pk=pk, is_removed=False)
    DetenteCommentFlag.objects.get_or_create(comment=comment, user=request.user,
                                             flag=DetenteCommentFlag.SUGGEST_REMOVAL)
    messages.info(request, "Thank you: a moderator will look at this comment.")
    return redirect(_back_to(comment))


MODERATION_ACTIONS = {"hide": ("is_public", False), "show": ("is_public", True), "remove": ("is_removed", True)}


@require_POST
@staff_member_required
def moderate(request, pk: int):
    """Staff hide, show again or remove a comment."""
    comment = get_object_or_404(DetenteComment, pk=pk)
    action = MODERATION_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        raise PermissionDenied("Unknown moderation action.")
    setattr(comment, action[0], action[1])
    comment.save(update_fields=[action[0]])
    return redirect(comment.get_absolute_url("#comments"))
