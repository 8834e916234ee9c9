"""Settings for the test suite: fast hashing, in-memory mail."""

from .common import *  # noqa: F401,F403

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789abcdef"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Static files straight from the app folders (no collectstatic in tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Generous limits so the browser tests never hit them; rate-limit tests lower them.
DETENTE_RATE_LOGIN = DETENTE_RATE_REGISTER = DETENTE_RATE_COMMENT = DETENTE_RATE_SUBMIT = "1000/m"
DETENTE_RATE_RESET_ADDRESS = DETENTE_RATE_RESET_CLIENT = "1000/m"
AXES_ENABLED = True
