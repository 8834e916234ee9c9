"""Registration, a rate-limited login and password reset; the rest is django.contrib.auth's views."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import login
from django.contrib.auth.views import LoginView, PasswordResetView
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator

from ..forms import RegisterForm
from ..ratelimits import LOGIN_GROUP, limit_posts, posted_email


@method_decorator(limit_posts("DETENTE_RATE_LOGIN", group=LOGIN_GROUP), name="post")
class RateLimitedLoginView(LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


admin_login = limit_posts("DETENTE_RATE_LOGIN", group=LOGIN_GROUP)(admin.site.login)

LOCKOUT_USERNAME_CHARS = 150  # the longest username Django accepts; axes keeps 255 at most


def lockout_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: the username a failed log-in is recorded under, cut to a length
    a username can have (a 5,000-character one would not fit the lockout table: 500 on PostgreSQL)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials if credentials else getattr(request, "data", request.POST)
    value = source.get(field)
    return None if value is None else str(value)[:LOCKOUT_USERNAME_CHARS]


def absolute_link_context(request) -> dict:
    """``protocol`` and ``domain`` for absolute links: DETENTE_SITE_URL, else the request's own
    (its Host header already checked against ALLOWED_HOSTS), never the Sites framework's default."""
    if settings.DETENTE_SITE_URL:
        parts = urlsplit(settings.DETENTE_SITE_URL)
        return {"protocol": parts.scheme, "domain": parts.netloc, "site_name": parts.hostname}
    return {"protocol": request.scheme, "domain": request.get_host(), "site_name": request.get_host()}


@method_decorator(limit_posts("DETENTE_RATE_RESET_CLIENT", group="detente.reset-client"), name="post")
@method_decorator(limit_posts("DETENTE_RATE_RESET_ADDRESS", key=posted_email, group="detente.reset-address"),
                  name="post")
class SitePasswordResetView(PasswordResetView):
    """Password reset: links built from the site's address; limited per e-mail address and per client."""

    def form_valid(self, form):
        self.extra_email_context = absolute_link_context(self.request)
        return super().form_valid(form)


@limit_posts("DETENTE_RATE_REGISTER")
def register(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("home")
    return render(request, "registration/register.html", {"form": form})
