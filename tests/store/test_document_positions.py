"""The document list's positions and pages agree with reading every row in
order, filtered or not, with or without holes in the ids."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.model import DocumentRecord, Status
from annotator.store import Project

STATUSES = [None, Status.TODO, Status.IN_PROGRESS, Status.DONE]


def every_row(project: Project, status: Status | None) -> list[int]:
    return [r.id for r in project.document_rows("alice", 0, 10_000, status)]


def check(project: Project) -> None:
    for status in STATUSES:
        expected = every_row(project, status)
        positions = project.document_positions("alice", status)
        assert [positions.id_at(i) for i in range(len(positions))] == expected, status
        if expected:
            page = project.document_rows_between("alice", expected[0], expected[-1], status)
            assert [r.id for r in page] == expected


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.db") as opened:
        opened.import_records(DocumentRecord(f"doc-{i}", f"text {i}") for i in range(30))
        ids = opened.document_ids()
        for n in (3, 4, 17):
            opened.set_status(ids[n], "alice", Status.DONE)
        opened.set_status(ids[8], "alice", Status.IN_PROGRESS)
        opened.set_status(ids[9], "alice", Status.TODO)  # a stored 'todo' is still to do
        opened.set_status(ids[10], "bob", Status.DONE)  # someone else's
        yield opened


def test_positions_match_the_rows_in_order(project):
    check(project)
    assert len(project.document_positions("alice", Status.DONE)) == 3
    assert len(project.document_positions("alice", Status.TODO)) == 26


def test_positions_hold_with_holes_in_the_ids(project, tmp_path):
    ids = project.document_ids()
    with sqlite3.connect(tmp_path / "p.db") as raw:  # another program removed two
        raw.execute("PRAGMA foreign_keys = ON")
        raw.executemany("DELETE FROM documents WHERE id = ?", [(ids[5],), (ids[17],)])
    check(project)
    assert project.document_positions("alice").position_of(ids[5]) == -1


def test_an_annotator_not_in_the_file_sees_every_document_to_do(project):
    assert len(project.document_positions("nobody", Status.TODO)) == 30
    assert len(project.document_positions("nobody", Status.DONE)) == 0
