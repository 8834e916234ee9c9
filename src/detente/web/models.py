"""Submission jobs: an article a user submitted, waiting for (or done with) its analysis.

The row is the queue (``detente.web.jobs``): the payload as submitted, the
state, who is working on it and when it last showed it was alive, and the
outcome (the published article, or why it failed).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SubmissionJob(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "queued"
        ANALYSING = "analysing", "analysing"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submission_jobs")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    title = models.CharField(max_length=300, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True)
    url = models.URLField(max_length=2000, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    file_data = models.BinaryField(null=True, blank=True)
    article = models.ForeignKey("store.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    already_published = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    worker = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "created_at"], name="web_job_state_created"),
                   models.Index(fields=["user", "state"], name="web_job_user_state")]

    def __str__(self) -> str:
        return f"submission {self.pk} ({self.state})"

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def source_label(self) -> str:
        return self.url or self.file_name or "pasted text"
