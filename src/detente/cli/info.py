"""`detente info`: the version, the store, the model and every setting in force, with where it came from."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

from detente import __version__
from detente.settings import SETTINGS

from .store import describe_store, hide_password, store_exists

SECRET_SETTINGS = {"secret_key"}


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "info", help="show the store, the model and the settings in force (and where each came from)",
        description="Print the Detente and Python versions, the store a command would use, whether the "
                    "spaCy model is installed, and each setting with its source: flag, environment or default.")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    return parser


def model_status(name: str) -> str:
    """``installed 3.8.0`` or ``not installed``, read from package metadata (spaCy is not loaded)."""
    # imported when the command runs, to keep `detente --help` fast
    from importlib import metadata

    if Path(name).exists():
        return "a local path"
    for candidate in (name, name.replace("_", "-")):
        try:
            return f"installed {metadata.version(candidate)}"
        except metadata.PackageNotFoundError:
            continue
    return f"not installed: pip install {name.replace('_', '-')}"


def setting_rows(args, options, environ) -> list[dict]:
    rows = []
    for setting in SETTINGS:
        value = getattr(options, setting.name)
        given = getattr(args, setting.name, None)
        source = "flag" if given is not None else "environment" if environ.get(setting.env) else "default"
        shown = str(value)
        if setting.name in SECRET_SETTINGS and value:
            shown = "(set)"
        elif setting.name == "database_url" and value:
            shown = hide_password(value)
        rows.append({"name": setting.env, "value": shown, "source": source})
    return rows


def gather(args, options, environ) -> dict:
    exists = store_exists(options)
    return {
        "detente": __version__,
        "python": f"{platform.python_version()} ({sys.executable})",
        "store": describe_store(options),
        "store_exists": exists,
        "model": options.spacy_model,
        "model_status": model_status(options.spacy_model),
        "settings": setting_rows(args, options, environ),
    }


def print_table(info: dict) -> None:
    # imported when the command runs, to keep `detente --help` fast
    from rich.table import Table

    from .output import table_console

    exists = {True: "exists", False: "not created yet", None: "server"}[info["store_exists"]]
    console = table_console()
    console.print(f"detente {info['detente']} · Python {info['python']}", markup=False, highlight=False)
    console.print(f"store: {info['store']} ({exists})", markup=False, highlight=False)
    console.print(f"model: {info['model']} ({info['model_status']})", markup=False, highlight=False)
    table = Table("setting", "value", "from", title="settings in force", title_justify="left")
    for row in info["settings"]:
        table.add_row(row["name"], row["value"], row["source"])
    console.print(table)


def run(args, options) -> int:
    info = gather(args, options, os.environ)
    if args.format == "json":
        print(json.dumps(info, ensure_ascii=False))
    else:
        print_table(info)
    return 0
