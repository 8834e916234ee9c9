"""Every URL of the site."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from .comments import views as comment_views
from .views import accounts, analyst, api, pages, submit

handler400 = "detente.web.problems.bad_request"
handler403 = "detente.web.problems.permission_denied"
handler404 = "detente.web.problems.page_not_found"
handler500 = "detente.web.problems.server_error"

api_patterns = [
    path("articles", api.articles, name="api-articles"),
    path("articles/<int:pk>", api.article, name="api-article"),
    path("events", api.events, name="api-events"),
    path("events/<int:pk>", api.event, name="api-event"),
    path("timeline", api.timeline, name="api-timeline"),
    path("openapi.json", api.openapi, name="api-openapi"),
]

account_patterns = [
    path("login/", accounts.RateLimitedLoginView.as_view(), name="login"),
    path("register/", accounts.register, name="register"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_reset/", accounts.SitePasswordResetView.as_view(), name="password_reset"),
    path("", include("django.contrib.auth.urls")),
]

comment_patterns = [
    path("post/", comment_views.post, name="comments-post-comment"),
    path("<int:pk>/edit/", comment_views.edit, name="comment-edit"),
    path("<int:pk>/delete/", comment_views.delete, name="comment-delete"),
    path("posted/", comment_views.posted, name="comments-comment-done"),
    path("<int:pk>/flag/", comment_views.flag, name="comment-flag"),
    path("<int:pk>/moderate/", comment_views.moderate, name="comment-moderate"),
]

urlpatterns = [
    path("", pages.home, name="home"),
    path("articles/<int:pk>/", pages.article_detail, name="article"),
    path("events/", pages.explorer, name="explorer"),
    path("map/", pages.event_map, name="map"),
    path("events/download.<str:fmt>", pages.explorer_download_view, name="explorer-download"),
    path("events/<int:pk>/", pages.event_detail, name="event"),
    path("events/<int:pk>/correct/", analyst.correct, name="event-correct"),
    path("events/<int:pk>/reject/", analyst.reject, name="event-reject"),
    path("events/<int:pk>/restore/", analyst.restore, name="event-restore"),
    path("relations/<str:dyad>/", pages.relation, name="relation"),
    path("relations/<str:dyad>/chart.png", pages.relation_png, name="relation-png"),
    path("submit/", submit.submit, name="submit"),
    path("submit/<int:pk>/", submit.submission, name="submission"),
    path("accounts/", include(account_patterns)),
    path("comments/", include(comment_patterns)),
    path("api/", include(api_patterns)),
    path("admin/login/", accounts.admin_login),  # rate-limited like the site's login
    path("admin/", admin.site.urls),
]
