"""Settings shared by every environment; values come from ``detente.settings.Options``.

Nothing here reads a secret from the source: secrets come from the environment.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from detente.errors import OptionError
from detente.settings import Options, parse_trusted_proxies

OPTIONS = Options.from_env()
BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(OPTIONS.data_dir).resolve()


def database_from_url(url: str, sqlite_path: Path) -> dict:
    """Django DATABASES['default'] from DATABASE_URL, or the embedded SQLite file."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_path),
                "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE",
                            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}}
    parts = urlparse(url)
    if parts.scheme in ("postgres", "postgresql", "pgsql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")) or "postgres",
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
        }
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parts.path) or str(sqlite_path),
                "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE"}}
    raise OptionError(f"DATABASE_URL scheme {parts.scheme!r} is not supported: use postgres:// or sqlite:///PATH")


DATABASES = {"default": database_from_url(OPTIONS.database_url, Path(OPTIONS.sqlite_path).resolve())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    # Detente's apps first, so their templates (registration/, comments/) override the defaults.
    "detente.web",
    "detente.web.comments",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django_comments",
    "axes",
    "detente.store",
]
SITE_ID = 1

MIDDLEWARE = [
    "detente.web.clientip.ClientAddressMiddleware",  # first: everything after sees the real client
    "django.middleware.security.SecurityMiddleware",
    "detente.web.problems.RejectNulMiddleware",  # before anything reads a parameter or the session
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "detente.web.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

ROOT_URLCONF = "detente.web.urls"
WSGI_APPLICATION = "detente.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

ALLOWED_HOSTS = [h.strip() for h in OPTIONS.allowed_hosts.split(",") if h.strip()]

# Brute-force lockout (django-axes): 5 failures lock the user+IP pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "detente.web.clientip.client_ip"
AXES_USERNAME_CALLABLE = "detente.web.views.accounts.lockout_username"

# The client address behind reverse proxies (detente.web.clientip): a count or the proxies' networks.
DETENTE_TRUSTED_PROXIES = parse_trusted_proxies(OPTIONS.trusted_proxies)
RATELIMIT_IP_META_KEY = "detente.web.clientip.client_ip"

# The site's public address, used for every absolute link (password-reset mail, the Sites domain).
DETENTE_SITE_URL = OPTIONS.site_url
CSRF_TRUSTED_ORIGINS = [DETENTE_SITE_URL] if DETENTE_SITE_URL else []

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "detente_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Per-process copies of rendered article bodies and timelines (keys carry the data version).
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "detente-local",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

COMMENTS_APP = "detente.web.comments"
COMMENTS_HIDE_REMOVED = True

# Content-Security-Policy sent on every response (detente.web.csp): no inline
# scripts, everything from the site itself (the machines have no CDN).
DETENTE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Rate limits (django-ratelimit, counted in the database cache table). The
# database cache's increment is not atomic: under a burst a limit may let a
# request or two more through, which is acceptable for these limits.
RATELIMIT_USE_CACHE = "default"
DETENTE_RATE_LOGIN = "10/m"
DETENTE_RATE_REGISTER = "5/h"
DETENTE_RATE_COMMENT = "10/m"
DETENTE_RATE_SUBMIT = "10/h"
DETENTE_RATE_RESET_ADDRESS = "3/h"   # password-reset mails per e-mail address
DETENTE_RATE_RESET_CLIENT = "10/h"   # password-reset requests per client address
DETENTE_API_PAGE_SIZE = 50
DETENTE_TIMELINE_CACHE_SECONDS = 600
DETENTE_COMMENT_EDIT_MINUTES = OPTIONS.comment_edit_minutes
DETENTE_SUBMIT_POLICY = OPTIONS.submit_policy
DETENTE_OPTIONS = OPTIONS


def email_settings(url: str) -> dict:
    if url in ("", "console:", "console"):
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlparse(url)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or 25,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
    }


globals().update(email_settings(OPTIONS.email_url))
DEFAULT_FROM_EMAIL = "detente@localhost"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
