"""Admin: articles, events with their corrections, submission jobs, and the comment moderation queue."""

from django.contrib import admin
from django.db.models import Count
from django_comments.admin import CommentsAdmin

from detente.store.models import Article, Correction, Event

from .comments.models import DetenteComment, DetenteCommentFlag
from .models import SubmissionJob


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "date", "source", "analyzed_at")
    search_fields = ("title", "source", "url")
    date_hierarchy = "date"
    exclude = ("text",)


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    readonly_fields = ("user", "author", "created_at", "field", "old_value", "new_value", "note")
    can_delete = False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("id", "dyad", "source_code", "cameo", "target_code", "quad_class", "date_start", "status")
    list_filter = ("status", "quad_class", "theatre")
    search_fields = ("dyad", "source_code", "target_code", "cameo")
    inlines = [CorrectionInline]
    readonly_fields = ("fingerprint", "created_at", "updated_at")


@admin.register(SubmissionJob)
class SubmissionJobAdmin(admin.ModelAdmin):
    """Background analysis jobs of site submissions: who, state, why one failed (read-only)."""

    list_display = ("id", "user", "state", "title", "attempts", "created_at", "finished_at")
    list_filter = ("state",)
    search_fields = ("title", "url", "error", "user__username")
    exclude = ("text", "file_data")
    readonly_fields = [f.name for f in SubmissionJob._meta.fields if f.name not in ("text", "file_data")]

    def has_add_permission(self, request):
        return False


class FlaggedFilter(admin.SimpleListFilter):
    """The moderation queue: comments users have flagged."""

    title = "flagged"
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return (("yes", "flagged by users"),)

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.annotate(flag_count=Count("flags")).filter(flag_count__gt=0)
        return queryset


@admin.register(DetenteComment)
class DetenteCommentAdmin(CommentsAdmin):
    """The moderation queue. django_comments' own bulk actions write its flag model, which
    only fits its own Comment, so this admin has its own actions."""

    list_display = ("user", "content_type", "object_pk", "submit_date", "is_public", "is_removed", "edited_at")
    list_filter = (FlaggedFilter, "submit_date", "is_public", "is_removed")
    actions = ["hide_comments", "show_comments", "remove_comments"]

    def get_actions(self, request):
        return admin.ModelAdmin.get_actions(self, request)

    @admin.action(description="Hide the selected comments from readers")
    def hide_comments(self, request, queryset):
        self._update(request, queryset, is_public=False)

    @admin.action(description="Show the selected comments again")
    def show_comments(self, request, queryset):
        self._update(request, queryset, is_public=True)

    @admin.action(description="Remove the selected comments")
    def remove_comments(self, request, queryset):
        self._update(request, queryset, is_removed=True)

    def _update(self, request, queryset, **changes) -> None:
        for comment in queryset:  # one save per comment, so the comment signals fire
            for name, value in changes.items():
                setattr(comment, name, value)
            comment.save(update_fields=list(changes))
        self.message_user(request, f"{queryset.count()} comments updated.")


@admin.register(DetenteCommentFlag)
class DetenteCommentFlagAdmin(admin.ModelAdmin):
    list_display = ("comment", "user", "flag", "flag_date")
    list_select_related = ("comment", "user")
