"""A project the user may not write (a read-only share, a file of someone
else's, a folder without write permission) is read by the commands that
only read: stats, export, check, progress, agreement, and a merge's
sources. They opened it to write and failed ("unable to open database file",
"attempt to write a readonly database")."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.store import Project
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def without_root_powers() -> list[str]:
    """A prefix that makes permissions bind even for root (as for any user)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions would not bind")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def annotator(*args):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*without_root_powers(), sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def locked_project(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "p.db"
    with Project.open(path) as project:
        for name, end in (("alice", 10), ("bob", 2)):
            project.import_records([DocumentRecord("d", "Xi Jinping spoke.",
                                                   [Span(0, end, "PERSON")])], annotator=name)
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    yield path, before
    folder.chmod(stat.S_IRWXU)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_the_commands_that_read_read_a_project_they_may_not_write(locked_project, tmp_path):
    path, before = locked_project
    stats = annotator("stats", path)
    assert stats.returncode == 0, stats.stderr
    assert "documents" in stats.stdout
    out = tmp_path / "train.jsonl"
    export = annotator("export", path, "--format", "jsonl", "--out", out, "--annotator", "alice")
    assert export.returncode == 0, export.stderr
    assert '"label": "PERSON"' in out.read_text(encoding="utf-8")
    for command in ("check", "progress", "agreement"):
        result = annotator(command, path)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    merged = annotator("merge", tmp_path / "review.db", path)
    assert merged.returncode == 0, merged.stderr
    assert path.read_bytes() == before
    # Writing is refused in one line.
    records = tmp_path / "a.jsonl"
    records.write_text('{"text": "Ala ma kota"}\n', encoding="utf-8")
    refused = annotator("import", path, records)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
