"""An import stopped politely part way (Ctrl+C, SIGTERM, a closed terminal's
SIGHUP) rolls back, says so in one line, and leaves no project file it
created; an existing project stays as it was."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]


def write_corpus(path: Path, documents: int = 40_000) -> None:
    words = "Xi Jinping met Tokayev in Astana to talk about the Belt and Road. " * 12
    with path.open("w", encoding="utf-8") as out:
        for i in range(documents):
            out.write(json.dumps({"id": f"d{i}", "text": f"Report {i}: {words}",
                                  "spans": [{"start": 0, "end": 6, "label": "X"}]}) + "\n")


def stopped_import(project: Path, corpus: Path, signum: int) -> subprocess.CompletedProcess:
    """The import, stopped by ``signum`` once its transaction has written."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(project),
                                str(corpus)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    wal = Path(f"{project}-wal")
    deadline = time.monotonic() + 60
    while not (wal.exists() and wal.stat().st_size > 1_000_000):
        assert process.poll() is None, "the import ended before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_import_of_a_new_project_leaves_no_file(tmp_path, signum):
    corpus = tmp_path / "big.jsonl"
    write_corpus(corpus)
    project = tmp_path / "new.db"
    done = stopped_import(project, corpus, signum)
    assert done.returncode == 128 + signum
    assert done.stderr == f"{project}: import stopped; nothing was stored\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]


@pytest.mark.slow
def test_a_stopped_import_into_a_project_leaves_it_as_it_was(tmp_path):
    corpus = tmp_path / "big.jsonl"
    write_corpus(corpus)
    project = tmp_path / "p.db"
    with Project.open(project) as made:
        made.import_records([DocumentRecord("kept", "Xi Jinping spoke.")])
    before = hashlib.sha256(project.read_bytes()).hexdigest()
    done = stopped_import(project, corpus, signal.SIGTERM)
    assert done.returncode == 128 + signal.SIGTERM
    with Project.open(project, create=False) as opened:
        assert opened.document_count() == 1
    assert hashlib.sha256(project.read_bytes()).hexdigest() == before
