"""Production: secrets and hosts from the environment, HTTPS-only cookies, HSTS."""

from detente.errors import OptionError

from .common import *  # noqa: F401,F403
from .common import DATA_DIR, DATABASES, OPTIONS

if not OPTIONS.secret_key or len(OPTIONS.secret_key) < 50:
    raise OptionError("production settings need DETENTE_SECRET_KEY (at least 50 random characters)")
SECRET_KEY = OPTIONS.secret_key
if not OPTIONS.site_url.startswith("https://"):
    raise OptionError("production settings need DETENTE_SITE_URL, the site's public https address "
                      "(e.g. https://events.example.org): password-reset links are built from it")
if any(db["ENGINE"].endswith("sqlite3") for db in DATABASES.values()):
    from detente.store.datadir import prepare_data_dir, secure_databases

    prepare_data_dir(DATA_DIR)
    secure_databases(DATABASES)
DEBUG = False
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
