"""Registration and a rate-limited login; the rest is django.contrib.auth's views."""

from __future__ import annotations

from django.contrib.auth import login
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator

from ..forms import RegisterForm
from ..ratelimits import limit_posts


@method_decorator(limit_posts("DETENTE_RATE_LOGIN"), name="post")
class RateLimitedLoginView(LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


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
