"""Every command of the README's usage block runs as written (with the test's own data directory)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .command_runs import run_server

ROOT = Path(__file__).resolve().parent.parent
SERVERS = ("detente serve", "detente demo")


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = readme[readme.index("## Usage"):]
    block = re.search(r"```sh\n(.*?)```", usage, re.S).group(1)
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines()]
    return [line for line in lines if line]


def as_test_command(line: str) -> str:
    return line.replace(".venv/bin/detente", f"{shlex.quote(sys.executable)} -m detente")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder where the README's relative paths exist, with its own data directory."""
    folder = tmp_path_factory.mktemp("readme")
    for name in ("samples", "tests"):
        (folder / name).symlink_to(ROOT / name)
    env = {**os.environ, "DETENTE_DATA_DIR": str(folder / "data"), "PYTHONPATH": str(ROOT / "src"),
           "COLUMNS": "160"}
    env.pop("DATABASE_URL", None)
    return folder, env


def test_readme_has_the_commands_it_promises():
    commands = readme_commands()
    assert len(commands) >= 15 and all("detente" in line for line in commands)


@pytest.mark.slow
def test_every_readme_command_runs_as_written(workdir):
    folder, env = workdir
    failures = []
    for line in readme_commands():
        command = as_test_command(line)
        if any(server in line for server in SERVERS):
            ok, output = run_server(command, folder, env, wait=240)
        else:
            result = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True,
                                    timeout=900)
            ok, output = result.returncode == 0, result.stderr[-2000:]
        if not ok:
            failures.append(f"{line}\n{output}")
    assert failures == []
    assert (folder / "rus-tur.png").is_file() and (folder / "events.mentions.tsv").is_file()


def test_readme_python_snippet_runs_and_dates_its_events():
    """The README's spaCy snippet, as written: Detente's components in the user's own pipeline."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"```python\n(.*?)```", readme[readme.index("## Using the components"):], re.S).group(1)
    scope: dict = {}
    exec(compile(snippet, "README.md", "exec"), scope)
    doc = scope["doc"]
    assert doc._.events and all(e.date is not None and e.date.start is not None for e in doc._.events)
    assert {"TURGOV", "RUSGOV"} <= {span.kb_id_ for span in doc.spans["detente_actors"]}
