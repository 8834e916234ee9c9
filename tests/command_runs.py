"""Running documented commands in tests: free ports, servers started until they answer, process groups stopped.

Shared by tests/test_readme_commands.py and tests/test_docs_commands.py."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def start(command: str, cwd: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen(command, shell=True, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def run_server(command: str, cwd: Path, env: dict, wait: float = 600) -> tuple[bool, str]:
    """Start a serve/demo command on a free port; True once it answers HTTP 200 (within ``wait``
    seconds), then stop it."""
    port = free_port()
    command = re.sub(r"--port \d+", f"--port {port}", command) if "--port" in command else f"{command} --port {port}"
    process = start(command, cwd, env)
    try:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and process.poll() is None:
            if answers(port):
                return True, ""
            time.sleep(1)
        return False, process.stdout.read() if process.poll() is not None else "no answer in time"
    finally:
        stop(process)
