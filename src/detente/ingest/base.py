"""What every reader shares: the Failure record and the context that builds Articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from detente.errors import DetenteError
from detente.model import Article
from detente.settings import Options

from .normalize import check_text, normalize_text

RAW_BYTES_PER_CHAR = 16  # raw input (HTML, feeds) may be this many bytes per allowed text character


@dataclass(frozen=True)
class Failure:
    """One record of a multi-record source (a JSONL line, a feed entry) that could not be used."""

    where: str
    error: DetenteError

    def __str__(self) -> str:
        return str(self.error)


@dataclass(frozen=True)
class SourceContext:
    """How to name a source in errors, and what the user said about its articles."""

    options: Options
    where: str                      # names the source in error messages
    source: str                     # the Article.source given to its articles by default
    date: dt.date | None = None     # --date: overrides every article's date
    title: str | None = None        # --title: overrides every article's title
    url: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def raw_limit(self) -> int:
        return RAW_BYTES_PER_CHAR * self.options.max_text_chars

    def article(self, text: str, *, where: str | None = None, title: str = "",
                date: dt.date | None = None, **fields) -> Article:
        """A checked Article from raw text; the user's --date/--title win over the source's."""
        text = check_text(normalize_text(text), where or self.where, self.options.max_text_chars)
        fields.setdefault("source", self.source)
        fields.setdefault("url", self.url)
        return Article(text=text, title=self.title if self.title is not None else title.strip(),
                       date=self.date or date, **fields)
