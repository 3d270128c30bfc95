"""A command whose reader goes away (``annotator stats p.db | head -1``)
ends quietly: no traceback, the status a tool stopped by SIGPIPE has."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.cli import EXIT_PIPE_CLOSED
from annotator.core.model import DocumentRecord
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]


def test_a_closed_pipe_ends_a_command_without_a_traceback(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.import_records([DocumentRecord("d", "Xi Jinping spoke.")])
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes a word
    try:
        done = subprocess.run([sys.executable, "-m", "annotator", "stats", str(path)],
                              stdout=write, stderr=subprocess.PIPE, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        os.close(write)
    assert "Traceback" not in done.stderr
    assert done.stderr == ""
    assert done.returncode == EXIT_PIPE_CLOSED
