"""Run a child process, kill it with SIGKILL at a random moment, and return
what it printed: shared by the kill tests."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_SCRATCH = tempfile.mkdtemp(prefix="annotator-kill-tests-")


def child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Backups made when the window opens go to a scratch folder, not the user's.
    env["XDG_DATA_HOME"] = _SCRATCH
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_and_kill(args: list[str], delay: float, start_word: str = "ready",
                 start_timeout: float = 60, timing: dict | None = None) -> list[str]:
    """Start ``python args...``; ``delay`` seconds after it prints a line
    beginning with ``start_word``, SIGKILL it (unless it has ended by then).
    Returns its output lines (the lines read before the kill). Fails when the
    child never gets to start. ``timing`` gets "after_start": the seconds
    from that line to the child's end or its kill."""
    process = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=child_env(), cwd=ROOT)
    lines: list[str] = []
    started = threading.Event()

    def read() -> None:
        for line in process.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill
            lines.append(line.rstrip("\n"))
            if line.startswith(start_word):
                started.set()
        started.set()  # the child ended by itself

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert started.wait(start_timeout), "the child never got ready"
        began = time.monotonic()
        assert process.poll() is None, f"the child ended by itself: {lines[-3:]}"
        try:
            process.wait(timeout=delay)  # a child that ends sooner is not waited for longer
        except subprocess.TimeoutExpired:
            pass
        if timing is not None:
            timing["after_start"] = time.monotonic() - began
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        reader.join(10)
    return lines


def integrity(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]


def spans_of(path: Path, annotator: str = "alice") -> list[list]:
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute('SELECT s.start, s."end", s.label FROM spans s JOIN annotators a '
                            "ON a.id = s.annotator_id WHERE a.name = ?", (annotator,))
        return sorted([list(row) for row in rows])
