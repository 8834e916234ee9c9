"""Sources to Articles: a file, standard input or a URL, whatever its kind.

``iter_articles`` is the one entry point; each source kind has a small reader
and all of them end in ``SourceContext.article`` (normalise, check, build).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from detente.errors import InputError, TextTooLongError
from detente.model import Article
from detente.settings import Options

from .base import Failure, SourceContext
from .dates import parse_date_option
from .decode import decode_bytes, meta_charset
from .feeds import iter_feed
from .fetch import check_scheme, fetch, is_url, url_scheme
from .html import extract_page
from .index import is_index, iter_index
from .jsonl import iter_jsonl, open_corpus
from .kinds import FEED, HTML, JSONL, kind_for_content_type, kind_for_name, resolve_kind

log = logging.getLogger(__name__)

Item = Article | Failure
STDIN = "-"


def iter_articles(source: str, options: Options, *, date: str | dt.date | None = None,
                  title: str | None = None, public_only: bool = False) -> Iterator[Item]:
    """Articles (or Failures for single bad records) from a path, ``-`` or an http(s) URL
    (any other URL scheme is refused with a FetchError).

    ``date`` (YYYY-MM-DD) and ``title`` override what the source says. A source that
    cannot be read at all raises an InputError subclass. ``public_only`` refuses URLs
    (and redirects) that reach the machine's own network (see ``fetch``).
    """
    overrides = {"date": parse_date_option(date), "title": title}
    if source == STDIN:
        yield from _read_stdin(SourceContext(options, "standard input", "stdin", **overrides))
    elif is_url(source):
        yield from _read_url(source, options, overrides, public_only)
    elif url_scheme(source) is not None:
        check_scheme(source)  # ftp://, file:, data:... are refused, never read as a local path
    else:
        path = Path(source)
        yield from _read_file(path, SourceContext(options, str(path), path.name, **overrides))


def articles_from_bytes(data: bytes, kind: str | None, ctx: SourceContext, charset: str | None = None) -> Iterator[Item]:
    """The articles held in ``data`` of a known kind (or sniffed when ``kind`` is None)."""
    if kind == JSONL:
        yield from iter_jsonl(io.BytesIO(data), ctx)
        return
    kind = resolve_kind(kind, data, ctx.where)
    log.info("reading %s as %s", ctx.where, kind)
    if kind == HTML and charset is None:
        charset = meta_charset(data)
    text = decode_bytes(data, ctx.where, charset)
    if kind == FEED:
        yield from iter_feed(data, ctx)
    elif kind == HTML:
        page = extract_page(text, ctx.where, ctx.url)
        yield ctx.article(page.text, title=page.title, date=page.date, url=ctx.url or page.url)
    else:
        yield ctx.article(text)


def read_bounded(stream: BinaryIO, ctx: SourceContext) -> bytes:
    """All of ``stream``, refusing inputs larger than the raw size limit."""
    data = stream.read(ctx.raw_limit + 1)
    if len(data) > ctx.raw_limit:
        raise TextTooLongError(
            f"{ctx.where}: larger than {ctx.raw_limit:,} bytes; split it or raise DETENTE_MAX_TEXT_CHARS")
    return data


def check_file(path: Path) -> None:
    """InputError unless ``path`` is an existing, readable file."""
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give one file, URL or -, "
                         f"or run `detente ingest {path}` to analyse and store a whole folder")
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path (or give an http(s) URL or - for stdin)")


def _open(path: Path) -> BinaryIO:
    try:
        return open_corpus(path) if kind_for_name(path.name) == JSONL else open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None


def _read_file(path: Path, ctx: SourceContext) -> Iterator[Item]:
    check_file(path)
    if is_index(path):
        yield from iter_index(path, ctx, _read_file)
        return
    kind = kind_for_name(path.name)
    with _open(path) as stream:
        if kind == JSONL:
            yield from iter_jsonl(stream, ctx)
        else:
            yield from articles_from_bytes(read_bounded(stream, ctx), kind, ctx)


def _stdin_is_jsonl(stream) -> bool:
    """JSONL on stdin is streamed: it is recognised by its first character, ``{``."""
    head = stream.peek(4096) if hasattr(stream, "peek") else b""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _read_stdin(ctx: SourceContext) -> Iterator[Item]:
    stream = sys.stdin.buffer
    if _stdin_is_jsonl(stream):
        yield from iter_jsonl(stream, ctx)
    else:
        yield from articles_from_bytes(read_bounded(stream, ctx), None, ctx)


def _read_url(url: str, options: Options, overrides: dict, public_only: bool) -> Iterator[Item]:
    probe = SourceContext(options, url, urlsplit(url).hostname or url, **overrides)
    fetched = fetch(url, options.fetch_timeout, probe.raw_limit, public_only=public_only)
    ctx = SourceContext(options, url, probe.source, url=fetched.url, **overrides)
    kind = kind_for_content_type(fetched.content_type) or kind_for_name(urlsplit(fetched.url).path)
    yield from articles_from_bytes(fetched.body, kind, ctx, fetched.charset)
