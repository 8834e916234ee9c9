"""Reading commands never create an empty store: they name the missing one and how to make it."""

import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")


def detente(tmp_path, *argv):
    env = {"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    return subprocess.run([sys.executable, "-m", "detente", *argv], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["events"], ["export", "--format", "csv"], ["timeline", "RUS", "TUR"],
                                  ["correct", "1", "--reject"]])
def test_reading_command_refuses_a_missing_store(tmp_path, argv):
    data = tmp_path / "elsewhere"
    result = detente(tmp_path, *argv, "--data-dir", str(data))
    assert result.returncode == 2
    assert result.stderr.startswith(f"detente: error: [E500] no store at {data.resolve() / 'detente.sqlite3'}")
    assert "detente ingest" in result.stderr and "Traceback" not in result.stderr
    assert not (data / "detente.sqlite3").exists()


def test_default_store_is_the_per_user_data_directory(tmp_path):
    result = detente(tmp_path, "info", "--format", "json")
    assert f'"store": "SQLite file {tmp_path / "xdg" / "detente" / "detente.sqlite3"}"' in result.stdout
