"""`detente info` and `-v`: which store, model and settings a command uses."""

import json
import subprocess
import sys
from pathlib import Path

from detente.cli import main

SRC = str(Path(__file__).resolve().parents[2] / "src")
HEAVY = ("spacy", "django", "pyarrow", "pandas", "numpy", "dask", "duckdb", "matplotlib", "thinc", "rich")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_info_json_names_the_store_model_and_where_each_setting_came_from(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DETENTE_BATCH_SIZE", "7")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    code, out, _ = run(capsys, "info", "--format", "json", "--data-dir", str(tmp_path))
    info = json.loads(out)
    sources = {row["name"]: (row["value"], row["source"]) for row in info["settings"]}
    assert code == 0
    assert info["store"] == f"SQLite file {tmp_path.resolve() / 'detente.sqlite3'}"
    assert info["store_exists"] is False
    assert sources["DETENTE_DATA_DIR"] == (str(tmp_path), "flag")
    assert sources["DETENTE_BATCH_SIZE"] == ("7", "environment")
    assert sources["DETENTE_FETCH_TIMEOUT"][1] == "default"
    assert info["model_status"].startswith("installed")


def test_info_hides_the_database_password_and_the_secret_key(capsys, monkeypatch):
    monkeypatch.setenv("DETENTE_SECRET_KEY", "s3cret-value")
    code, out, _ = run(capsys, "info", "--format", "json", "--database-url", "postgres://u:pw123@db:5432/x")
    assert code == 0 and "pw123" not in out and "s3cret-value" not in out
    assert json.loads(out)["store"] == "database postgres://u:***@db:5432/x"


def test_info_table_says_the_store_is_not_created_yet(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(capsys, "info", "--data-dir", str(tmp_path))
    assert f"store: SQLite file {tmp_path.resolve()}" in out and "(not created yet)" in out


def test_verbose_logs_which_store_is_used(capsys, caplog, tmp_path):
    code, _, _ = run(capsys, "info", "-v", "--data-dir", str(tmp_path))
    assert code == 0 and f"store: SQLite file {tmp_path.resolve()}" in caplog.text


def test_without_verbose_the_store_is_not_logged(capsys, caplog, tmp_path):
    run(capsys, "info", "--data-dir", str(tmp_path))
    assert "store:" not in caplog.text


def test_help_and_version_import_no_heavy_library():
    script = ("import sys\nfrom detente.cli import main\n"
              "for argv in (['--help'], ['--version'], ['analyze', '--help'], ['export', '--help']):\n"
              "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
              f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip().splitlines()[-1] == "[]"
