"""Nothing committed is lost when the process is killed mid-session."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from annotator.store import Project

WRITER = textwrap.dedent("""
    import sys
    from annotator.store import Project
    project = Project.open(sys.argv[1])
    doc = project.document_ids()[0]
    text = project.document(doc).text
    for i in range(len(text) - 1):
        project.add_span(doc, "alice", i, i + 1, "PERSON")
        print(i, flush=True)  # printed only after the commit returned
""")


def test_edits_survive_kill_minus_nine(tmp_path):
    from annotator.core.model import DocumentRecord

    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.import_records([DocumentRecord("d", "x" * 5000)])
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                               text=True)
    confirmed = -1
    for line in process.stdout:
        confirmed = int(line)
        if confirmed >= 40:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    # A writer that never wrote would make the check below empty.
    assert confirmed >= 40, f"the writer confirmed only {confirmed + 1} edits before the kill"
    with Project.open(path) as project:
        assert project.integrity_problems() == []
        stored = project.stats()["spans"]
    assert stored >= confirmed + 1
