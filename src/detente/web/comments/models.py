"""A comment with one level of replies and an "edited" mark."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_comments.abstracts import CommentAbstractModel


class DetenteComment(CommentAbstractModel):
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="replies")
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta(CommentAbstractModel.Meta):
        verbose_name = "comment"
        verbose_name_plural = "comments"
        ordering = ["submit_date", "id"]

    def get_absolute_url(self, anchor_pattern: str = "#c%(id)s") -> str:
        """The page of what the comment is on: an article, or an event (a coding dispute)."""
        kind = "events" if self.content_type.model == "event" else "articles"
        return f"/{kind}/{self.object_pk}/" + anchor_pattern % {"id": self.pk}

    def editable_until(self) -> dt.datetime:
        return self.submit_date + dt.timedelta(minutes=settings.DETENTE_COMMENT_EDIT_MINUTES)

    def can_edit(self, user) -> bool:
        """The author may edit while the edit window is open."""
        return self.is_author(user) and timezone.now() <= self.editable_until()

    def is_author(self, user) -> bool:
        return user.is_authenticated and self.user_id == user.pk


class DetenteCommentFlag(models.Model):
    """A reader's flag on a comment (django_comments' own flag model only fits its own Comment)."""

    SUGGEST_REMOVAL = "removal suggestion"

    comment = models.ForeignKey(DetenteComment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="detente_comment_flags")
    flag = models.CharField(max_length=30, default=SUGGEST_REMOVAL)
    flag_date = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "comment", "flag"], name="one_flag_per_user")]
