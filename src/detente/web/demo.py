"""The demo data: the sample articles shipped with the repository, stored once."""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import detente
from detente.errors import InputError
from detente.ingest import iter_articles
from detente.pipeline import load_pipeline

log = logging.getLogger(__name__)


@dataclass
class DemoSource:
    """One source for ``intake.ingest_sources`` with the date its articles were published."""

    path: str
    date: str | None = None
    title: str = ""
    source: str = ""


@dataclass
class DemoReport:
    added: int = 0
    skipped: int = 0
    events: int = 0
    failures: list = field(default_factory=list)


def samples_dir() -> Path:
    """``samples/`` of the repository holding this (editable) install."""

    candidates = [Path(detente.__file__).resolve().parents[2] / "samples", Path.cwd() / "samples"]
    for candidate in candidates:
        if (candidate / "articles").is_dir():
            return candidate
    raise InputError("the sample articles were not found (looked in "
                     + ", ".join(str(c) for c in candidates)
                     + "): run `detente demo` from a clone of the repository installed with `pip install -e .`")


def _index(articles: Path) -> dict[str, dict]:
    """index.jsonl lines by file name: {"file": "01_x.txt", "date": "2020-10-20", ...}."""
    path = articles / "index.jsonl"
    if not path.exists():
        return {}
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            name = entry.get("file") or entry.get("path") or entry.get("name") or ""
            entries[Path(name).name] = entry
    return entries


def _article_source(path: Path, entry: dict) -> DemoSource:
    return DemoSource(str(path), entry.get("date"), entry.get("title") or "", entry.get("source") or "")


def label_article(options, source: DemoSource) -> None:
    """Give a stored sample text the title and source its index names (text files carry neither)."""
    # waits for Django: `detente demo` imports this module before it sets Django up
    from detente.store.models import Article

    if not (source.title or source.source):
        return
    for article in iter_articles(source.path, options, date=source.date):
        stored = Article.objects.filter(content_hash=getattr(article, "content_hash", None))
        stored.filter(title="").update(title=source.title)
        if source.source:
            stored.update(source=source.source)


def demo_sources(root: Path) -> list[DemoSource]:
    """The articles (with their index dates), the JSONL corpus and the HTML pages under ``root``."""
    articles = root / "articles"
    index = _index(articles)
    sources = [_article_source(p, index.get(p.name, {})) for p in sorted(articles.glob("*.txt"))]
    if (root / "corpus.jsonl").exists():
        sources.append(DemoSource(str(root / "corpus.jsonl")))
    sources.extend(DemoSource(str(p)) for p in sorted((root / "pages").glob("*.html")))
    return sources


def load_demo(options, nlp=None, progress=None) -> DemoReport:
    """Analyse and store every sample not stored yet (known texts are skipped before analysis).

    ``progress(done)`` is called with the number of articles done so far (stored, skipped or failed).
    """
    # waits for Django: `detente demo` imports this module before it sets Django up
    from detente.intake import ingest_sources

    from .timeline import bump_version

    nlp = nlp if nlp is not None else load_pipeline(options)
    report = DemoReport()
    done = 0
    for source in demo_sources(samples_dir()):
        tick = None if progress is None else \
            (lambda r, before=done: progress(before + r.added + r.skipped + r.failed))
        result = ingest_sources([source.path], options, date=source.date, nlp=nlp, progress=tick)
        done += result.added + result.skipped + result.failed
        report.added += result.added
        report.skipped += result.skipped
        report.events += result.events_added
        report.failures.extend(result.failures)
        label_article(options, source)
    bump_version()
    return report


STAFF_GROUP = "Analysts"
# What the docs promise staff in the admin: the comment moderation queue (flagged comments:
# hide, show, remove), events with their corrections, the articles. Nothing about accounts.
STAFF_PERMISSIONS = {
    "detente_comments": {"detentecomment": ("view", "change"), "detentecommentflag": ("view", "delete")},
    "store": {"event": ("view", "change"), "correction": ("view",), "article": ("view",)},
}


def staff_group():
    """The Analysts group with exactly STAFF_PERMISSIONS (created or brought up to date)."""
    # waits for Django: `detente demo` imports this module before it sets Django up
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    wanted = [Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
              for app, models in STAFF_PERMISSIONS.items() for model, actions in models.items()
              for action in actions]
    group.permissions.set(wanted)
    return group


def create_staff_user(username: str = "analyst") -> tuple[str, str]:
    """A staff account in the Analysts group, with a fresh random password (reset if the user exists)."""
    # waits for Django: `detente demo` imports this module before it sets Django up
    from django.contrib.auth.models import User

    password = secrets.token_urlsafe(12)
    user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@localhost"})
    user.is_staff = True
    user.set_password(password)
    user.save()
    user.groups.add(staff_group())
    return username, password
