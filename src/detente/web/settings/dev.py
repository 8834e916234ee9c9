"""Local use (the default): debug off by default too, a generated secret kept in the data dir."""

from .common import *  # noqa: F401,F403
from .common import DATA_DIR, OPTIONS


def _local_secret() -> str:
    if OPTIONS.secret_key:
        return OPTIONS.secret_key
    import secrets

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _local_secret()
DEBUG = False
