"""Write a file so that readers see either the old file or the complete new one.

The one atomic-write helper of Detente (exports, charts, batch output): the
file is written under a temporary name in its final directory, flushed to
disk (fsync), renamed over the final name, and the directory is synced so the
rename survives a crash too. A failed write leaves no temporary file behind.
The finished file gets the permissions any new file of the user gets (0666
less the umask), not the 0600 of a temporary file. ``output_path`` also
writes to standard output when the target is ``-`` (or not given).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

STDOUT = "-"


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


TEMP_SUFFIX = ".tmp"   # temporary files are ".NAME.RANDOM.tmp" (see ``remove_stale_temps``)


def _fsync(path: Path, flags: int = os.O_RDONLY) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; fsync and rename it over ``target`` only on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, 0o666 & ~current_umask())
        _fsync(temp)
        os.replace(temp, target)
        _fsync(target.parent)
    finally:
        temp.unlink(missing_ok=True)


def remove_stale_temps(directory: Path) -> None:
    """Drop temporary files left behind by a killed writer."""
    for temp in Path(directory).glob(f"**/.*{TEMP_SUFFIX}"):
        temp.unlink(missing_ok=True)


def is_stdout(target) -> bool:
    return target is None or str(target) == STDOUT


@contextlib.contextmanager
def output_path(target: str | os.PathLike | None) -> Iterator[Path]:
    """A path to write to: ``target`` (atomically), or a temporary file copied to stdout after."""
    if not is_stdout(target):
        with atomic_path(target) as temp:
            yield temp
        return
    with tempfile.TemporaryDirectory(prefix="detente-export-") as folder:
        temp = Path(folder) / "out"
        yield temp
        sys.stdout.flush()
        with temp.open("rb") as source:
            shutil.copyfileobj(source, sys.stdout.buffer)
        sys.stdout.buffer.flush()
