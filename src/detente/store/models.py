"""Articles, actor mentions, events and analysts' corrections.

An ``Event`` is a real-world act; each article sentence that reports it is an
``EventMention``. The coded fields on ``Event`` are the *effective* values:
when an analyst corrects an event, the change is written to the event and
recorded in ``Correction`` (who, when, old and new value), so every query,
timeline and export uses the corrected data without re-deriving it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Article(models.Model):
    content_hash = models.CharField(max_length=64, unique=True)
    external_id = models.CharField(max_length=512, blank=True, db_index=True)
    title = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    source = models.TextField(blank=True)
    url = models.URLField(max_length=2000, blank=True)
    text = models.TextField()
    analyzed_at = models.DateTimeField(auto_now_add=True)
    model_name = models.CharField(max_length=200, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="submitted_articles")

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title or self.external_id or self.content_hash[:12]


class ActorMention(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="actor_mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    code = models.CharField(max_length=32, db_index=True)
    country = models.CharField(max_length=8, db_index=True)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16)
    via = models.CharField(max_length=16, blank=True)
    basis = models.CharField(max_length=16, blank=True, help_text="how the country was found: named, place, story")

    class Meta:
        ordering = ["article_id", "start"]


class Event(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active"
        REJECTED = "rejected"

    # Merge candidate key: directed country pair + quad class; see detente.store.merge.
    fingerprint = models.CharField(max_length=128)
    dyad = models.CharField(max_length=24, help_text="sorted 'AAA-BBB' country pair")

    source_code = models.CharField(max_length=32, db_index=True)
    source_country = models.CharField(max_length=8)
    source_name = models.CharField(max_length=300)
    source_kind = models.CharField(max_length=16)
    source_basis = models.CharField(max_length=16, blank=True, help_text="how the country was found: named, place, story")
    target_code = models.CharField(max_length=32, blank=True, db_index=True)
    target_country = models.CharField(max_length=8, blank=True)
    target_name = models.CharField(max_length=300, blank=True)
    target_kind = models.CharField(max_length=16, blank=True)
    target_basis = models.CharField(max_length=16, blank=True)

    cameo = models.CharField(max_length=4, db_index=True)
    cameo_root = models.CharField(max_length=2)
    quad_class = models.PositiveSmallIntegerField()
    goldstein = models.FloatField()
    plover = models.CharField(max_length=32, blank=True)
    modality = models.CharField(max_length=16, default="asserted")

    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_granularity = models.CharField(max_length=16, default="unknown")
    date_basis = models.CharField(max_length=16, default="article")
    date_text = models.CharField(max_length=200, blank=True)

    location_name = models.CharField(max_length=200, blank=True)
    location_country = models.CharField(max_length=8, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    theatre = models.CharField(max_length=100, blank=True, db_index=True)

    confidence = models.FloatField(default=0.5)
    mention_count = models.PositiveIntegerField(default=0, help_text="sentences reporting this event")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date_start", "id"]
        indexes = [
            # Timelines: the dyad's active events in a date range, with every
            # column the aggregation and the top-events ranking read, so
            # PostgreSQL answers both from the index alone (index-only scans).
            models.Index(fields=["dyad", "status", "date_start", "quad_class", "goldstein", "theatre",
                                 "mention_count", "id", "modality"], name="event_dyad_timeline"),
            models.Index(fields=["fingerprint", "status", "date_start"], name="event_merge_key"),
            models.Index(fields=["source_country", "date_start"], name="event_src_date"),
            models.Index(fields=["target_country", "date_start"], name="event_tgt_date"),
            models.Index(fields=["date_start"], name="event_date"),
            # Timelines between people or groups ("Putin", "Erdogan") filter on names.
            models.Index(fields=["source_name", "date_start"], name="event_src_name_date"),
            models.Index(fields=["target_name", "date_start"], name="event_tgt_name_date"),
            # The site's lists of what is stored: the theatres with events (a DISTINCT the index
            # answers alone) and every actor with its event count (GROUP BYs read in index order).
            # Status comes last, so no query filtering on status alone is drawn to these indexes.
            models.Index(fields=["theatre", "status"], name="event_theatre_status"),
            models.Index(fields=["source_code", "source_name", "source_country", "status"], name="event_src_actor"),
            models.Index(fields=["target_code", "target_name", "target_country", "status"], name="event_tgt_actor"),
            # The explorer's sorts (the other sort columns have indexes above), and search by place name.
            models.Index(fields=["goldstein", "id"], name="event_goldstein"),
            models.Index(fields=["mention_count", "id"], name="event_mentions"),
            models.Index(fields=["quad_class", "id"], name="event_quad"),
            models.Index(fields=["location_name"], name="event_place"),
        ]

    def __str__(self) -> str:
        return f"{self.source_code} {self.cameo} {self.target_code or '-'} {self.date_start or ''}"


class EventMention(models.Model):
    """One article sentence that reports an event: its evidence."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_mentions")
    sentence = models.TextField()
    sentence_index = models.PositiveIntegerField()
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    source_text = models.CharField(max_length=300)
    target_text = models.CharField(max_length=300, blank=True)
    cameo = models.CharField(max_length=4, help_text="code as extracted from this sentence")
    modality = models.CharField(max_length=16, default="asserted")
    date_text = models.CharField(max_length=200, blank=True)
    date_basis = models.CharField(max_length=16, blank=True)
    confidence = models.FloatField(default=0.5)
    record = models.JSONField(help_text="the event record as the pipeline produced it")

    class Meta:
        ordering = ["article_id", "span_start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "span_start", "span_end", "cameo", "source_text", "target_text"],
                                    name="mention_unique_in_article"),
        ]


class Correction(models.Model):
    """An analyst's change to an event: which field, from what, to what, by whom, when."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="corrections")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    author = models.CharField(max_length=150, blank=True, help_text="who made it (kept if the user is deleted)")
    created_at = models.DateTimeField(auto_now_add=True)
    field = models.CharField(max_length=32, help_text="field name, or 'status' for reject/restore")
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Tally(models.Model):
    """How many active events each relationship, theatre, actor and place has, and how many there are in all.

    Kept by the database itself: triggers (migration 0008, see ``detente.store.tallies``) add
    and take away as events are inserted, corrected, rejected, restored or deleted, by any
    writer (ingest, the bulk loader, corrections). The site's lists of what is stored read
    these few hundred rows instead of counting 100,000 events.
    """

    kind = models.CharField(max_length=16, help_text="dyad, theatre, actor, place or all")
    key = models.CharField(max_length=700, help_text="the dyad, the theatre, 'code<TAB>name<TAB>country', the place, or ''")
    events = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="tally_kind_key")]


class PeriodTally(models.Model):
    """What a relationship's timeline counts, per week or month and theatre: events and summed
    Goldstein score per quad class. Kept by triggers (migration 0009, see
    ``detente.store.period_tallies``) like ``Tally``; a timeline reads these rows, not the events."""

    dyad = models.CharField(max_length=24)
    unit = models.CharField(max_length=8, help_text="week or month")
    period = models.DateField(help_text="the first day of the week (Monday) or month")
    theatre = models.CharField(max_length=100, blank=True)
    n1 = models.IntegerField(default=0)
    n2 = models.IntegerField(default=0)
    n3 = models.IntegerField(default=0)
    n4 = models.IntegerField(default=0)
    g1 = models.FloatField(default=0.0)
    g2 = models.FloatField(default=0.0)
    g3 = models.FloatField(default=0.0)
    g4 = models.FloatField(default=0.0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dyad", "unit", "period", "theatre"], name="period_tally_key")]


class PeriodTop(models.Model):
    """The most reported events of each relationship's week or month, in all theatres (``scope`` '')
    and in each theatre (``scope`` the theatre): at most three per group, ranked as timelines rank
    them (mentions, then |Goldstein|, then id). Kept by the triggers of migration 0009."""

    dyad = models.CharField(max_length=24)
    unit = models.CharField(max_length=8, help_text="week or month")
    period = models.DateField()
    scope = models.CharField(max_length=100, blank=True, help_text="'' for all theatres, else the theatre")
    event_id = models.BigIntegerField()
    mention_count = models.IntegerField()
    weight = models.FloatField(help_text="|Goldstein|")

    class Meta:
        indexes = [models.Index(fields=["dyad", "unit", "scope", "period"], name="period_top_group")]


class MapTally(models.Model):
    """The located active events per map cell (3 degrees), place and quad class, in all (``country``
    '') and per country on either side of them: how many, and their summed coordinates (for the
    cluster's mean position). Kept by the triggers of migration 0009; the map reads these rows."""

    country = models.CharField(max_length=8, blank=True, help_text="'' for every event, else a side's country")
    quad_class = models.PositiveSmallIntegerField()
    cy = models.IntegerField(help_text="floor((lat + 90) / 3)")
    cx = models.IntegerField(help_text="floor((lon + 180) / 3)")
    place = models.CharField(max_length=200, blank=True)
    events = models.IntegerField(default=0)
    lat_sum = models.FloatField(default=0.0)
    lon_sum = models.FloatField(default=0.0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["country", "quad_class", "cy", "cx", "place"],
                                               name="map_tally_key")]
