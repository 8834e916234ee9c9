"""The streaming loop shared by `detente analyze` and `detente actors` (imported when they run).

Read the source, report bad records on stderr, load the pipeline once, print
one article at a time as a table, one JSON document or JSON lines.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rich.table import Table

from detente import pipeline
from detente.analysis import Analysis, analyse_articles
from detente.cli import exit_code_for
from detente.errors import EmptyTextError, OptionError
from detente.ingest import Failure, iter_articles
from detente.ingest.dates import parse_date_option
from detente.model import Article

from .output import record_date_label, table_console

log = logging.getLogger(__name__)

# Libraries that log their own view of a bad page; Detente reports it once, as an error.
CHATTY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "charset_normalizer")
EXCERPT_CHARS = 90


@dataclass(frozen=True)
class View:
    """What a command prints for each analysed article."""

    key: str                                  # "events" or "actors"
    rows: Callable[[Analysis], list[dict]]    # the records of one analysed article
    columns: tuple[str, ...]                  # table headings
    cells: Callable[[dict, Article], tuple]   # one table row from one record


class Tally:
    """Counts articles and failures; reports each failure on stderr as it streams past."""

    def __init__(self):
        self.total = 0
        self.failed = 0

    def articles(self, items: Iterable[Article | Failure]) -> Iterator[Article]:
        for item in items:
            self.total += 1
            if isinstance(item, Failure):
                self.failed += 1
                print(f"detente: error: {item.error}", file=sys.stderr, flush=True)
            else:
                yield item

    def stage_failed(self, outcome: Analysis) -> None:
        """A stage failed on this article: report it, count it, go on."""
        self.failed += 1
        print(f"detente: error: article {outcome.article.id or '?'}: the {outcome.stage} stage failed "
              f"({outcome.reason}); this is a bug, please report it with the article", file=sys.stderr, flush=True)

    def exit_code(self) -> int:
        return exit_code_for(self.total, self.failed)


def quiet_libraries(verbosity: int) -> None:
    """Without -v, only Detente's own one-line errors reach stderr."""
    if verbosity == 0:
        for name in CHATTY_LIBRARIES:
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _options_for(args, options):
    if args.timeout is None:
        return options
    if args.timeout <= 0:
        raise OptionError(f"--timeout {args.timeout:g} must be a positive number of seconds, e.g. --timeout 20")
    return dataclasses.replace(options, fetch_timeout=args.timeout)


def stream_command(args, options, view: View) -> int:
    """Read SOURCE, analyse each article once, print it in ``args.format``; the exit code."""
    options = _options_for(args, options)
    quiet_libraries(args.verbose)
    tally = Tally()
    items = iter_articles(args.source, options, date=parse_date_option(args.date), title=args.title)
    articles = tally.articles(items)
    first = next(articles, None)  # unreadable input fails before the model loads
    if first is None:
        return _nothing_read(args.source, tally)
    nlp = pipeline.load_pipeline(options)
    printer = PRINTERS[args.format](view)
    for outcome in analyse_articles(itertools.chain([first], articles), nlp, options.batch_size):
        if outcome.failed:  # the article is skipped whole, never printed half-annotated
            tally.stage_failed(outcome)
            continue
        printer(outcome)
        sys.stdout.flush()
    return tally.exit_code()


def _nothing_read(source: str, tally: Tally) -> int:
    if tally.total == 0:
        raise EmptyTextError(f"{source}: holds no articles; give a source with some text")
    return tally.exit_code()


def _jsonl_printer(view: View) -> Callable[[Analysis], None]:
    def emit(outcome: Analysis) -> None:
        for row in view.rows(outcome):
            print(json.dumps(row, ensure_ascii=False))
    return emit


def _json_printer(view: View) -> Callable[[Analysis], None]:
    def emit(outcome: Analysis) -> None:
        print(json.dumps({"article": outcome.article.header(), view.key: view.rows(outcome)}, ensure_ascii=False))
    return emit


def _table_printer(view: View) -> Callable[[Analysis], None]:
    console = table_console()

    def emit(outcome: Analysis) -> None:
        console.print(article_table(outcome, view))
    return emit


def article_table(outcome: Analysis, view: View) -> Table:
    """A rich table of one article's records, titled with the article."""
    article = outcome.article
    rows = view.rows(outcome)
    heading = " · ".join(part for part in (article.title or article.id, _date(article), article.source) if part)
    table = Table(*view.columns, title=heading, caption=_count(len(rows), view.key), title_justify="left")
    for row in rows:
        table.add_row(*(str(cell) if cell is not None else "" for cell in view.cells(row, article)))
    return table


def _count(number: int, plural: str) -> str:
    return f"{number} {plural[:-1] if number == 1 else plural}"


PRINTERS = {"table": _table_printer, "json": _json_printer, "jsonl": _jsonl_printer}


def _date(article: Article) -> str:
    return article.date.isoformat() if article.date else ""


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _actor_label(actor: dict | None) -> str:
    """``Erdogan (TURGOV)``, with the coded name when the text differs: ``He → Recep Tayyip Erdogan (TURGOV)``."""
    if not actor:
        return ""
    name = actor.get("name") or ""
    if name and name.casefold() != actor["text"].casefold():
        return f"{actor['text']} → {name} ({actor['code']})"
    return f"{actor['text']} ({actor['code']})"


def _event_cells(record: dict, article: Article) -> tuple:
    date = record_date_label(record.get("date"), article.date)
    return (date, _actor_label(record["source"]), f"{record['cameo_name']} ({record['cameo']})",
            _actor_label(record["target"]), record["modality"], excerpt(record["sentence"]))


EVENTS = View(key="events", rows=lambda outcome: outcome.events,
              columns=("date", "source", "event", "target", "modality", "evidence"), cells=_event_cells)


def _actor_cells(record: dict, article: Article) -> tuple:
    return (record["text"], f"{record['start']}-{record['end']}", record["code"], record["country"],
            record["name"], record["kind"], record.get("basis", ""))


ACTORS = View(key="actors", rows=lambda outcome: outcome.actors,
              columns=("mention", "chars", "code", "country", "name", "kind", "basis"), cells=_actor_cells)
