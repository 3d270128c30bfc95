"""A project file stays safe while another program reads it: a second
opening of the file in this process (the document list's worker threads,
a merge) must not drop the locks of the first connection, or the other
program, closing, deletes the write-ahead log this process still writes to."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.store import Project, open_files
from annotator.store.merge import MergeError, merge_projects

OTHER_PROGRAM = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("select count(*) from spans").fetchone()[0])
conn.close()
"""


def other_program_count(path: Path) -> int:
    """What another process reads of the spans, after which it closes the
    file (as ``annotator stats`` or the sqlite3 shell would)."""
    done = subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(path)],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.db"
    with Project.open(path) as made:
        made.import_records([DocumentRecord("a", "Xi met Tokayev in Astana.")])
    opened = Project.open(path, create=False)
    yield opened
    opened.close()


def add_span(project: Project, start: int, end: int) -> None:
    project.add_span(project.document_ids()[0], "alice", start, end, "PERSON")


def test_another_program_sees_every_edit_after_this_process_reopened_the_file(project):
    add_span(project, 0, 2)
    # What the window's worker threads do while its own connection stays open.
    with Project.open(project.path, create=False, read_only=True, check="later") as reader:
        assert reader.document_ids()
    assert other_program_count(project.path) == 1
    wal = Path(f"{project.path}-wal")
    assert wal.exists()  # the other program did not take itself for the last user
    add_span(project, 7, 14)
    assert other_program_count(project.path) == 2  # not written to a deleted log


def test_the_first_bytes_are_not_read_while_the_file_is_open_here(project, tmp_path):
    assert open_files.first_bytes(project.path, 16) is None
    other = tmp_path / "other.bin"
    other.write_bytes(b"SQLite format 3\x00 and more")
    assert open_files.first_bytes(other, 16) == b"SQLite format 3\x00"
    project.close()
    assert open_files.first_bytes(project.path, 16) == b"SQLite format 3\x00"


def test_a_failed_open_does_not_leave_the_file_noted(tmp_path):
    path = tmp_path / "not.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # a header, then nothing usable
    with pytest.raises(Exception):
        Project.open(path, create=False)
    assert open_files.first_bytes(path, 16) == b"SQLite format 3\x00"


def test_merging_a_file_open_here_keeps_its_locks(project, tmp_path):
    add_span(project, 0, 2)
    review = tmp_path / "review.db"
    with Project.open(review) as target:
        try:
            merge_projects(target, [project.path])
        except MergeError:
            pass  # whatever the merge thinks of it, the source's locks must hold
    assert other_program_count(project.path) == 1
    add_span(project, 7, 14)
    assert other_program_count(project.path) == 2
