"""A span's timestamps are stored as integer milliseconds (schema 11) and read
and written as ISO text: files of older schemas migrate with every span and
its times, undo and merge bring the same times back, and every way of writing
a span stores the compact form."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.store import Project
from annotator.store.editing import Labelling
from annotator.store.merge import merge_projects
from annotator.store.repository import SpanRecord
from annotator.store.schema import SCHEMA_VERSION, SPAN_MS_VERSION
from annotator.store.timestamps import iso_from_ms, ms_from_iso
from tests.helpers.old_schema import ONE_DOCUMENT, PERSON_LABEL, file_at_schema, instant_ms

# id, start, end, created, updated: odd milliseconds at both ends of a second.
OLD_SPANS = [
    (3, 0, 2, "2025-01-01T00:00:00.000Z", "2025-01-02T00:00:00.001Z"),
    (5, 7, 9, "2026-06-30T23:59:59.999Z", "2026-12-02T01:42:13.955Z"),
    (6, 3, 6, "2024-02-29T12:34:56.789Z", "2024-02-29T12:34:56.789Z"),
]


def file_before_compact_times(path, spans=OLD_SPANS, sequence: int | None = None) -> None:
    """A project file at the last schema with ISO text times, holding ``spans``
    of alice; ``sequence``: the highest span id it ever gave."""
    with closing(file_at_schema(path, SPAN_MS_VERSION - 1, PERSON_LABEL + ONE_DOCUMENT)) as conn:
        conn.executemany(
            'INSERT INTO spans (id, document_id, annotator_id, start, "end", label, origin, '
            "created_at, updated_at) VALUES (?, 1, 1, ?, ?, 'PERSON', 'manual', ?, ?)", spans)
        if sequence is not None:
            conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'spans'", [sequence])
        conn.commit()


def raw_spans(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT * FROM spans ORDER BY id").fetchall()


def test_iso_text_and_milliseconds_convert_both_ways_without_loss():
    with closing(sqlite3.connect(":memory:")) as conn:
        for day in ("1999-12-31", "2024-02-29", "2026-12-02", "2099-07-15"):
            texts = [f"{day}T{hour:02d}:59:59.{ms:03d}Z" for hour in (0, 13, 23)
                     for ms in range(1000)]
            for text in texts:
                ms = conn.execute(f"SELECT {ms_from_iso('?')}", [text]).fetchone()[0]
                assert ms == instant_ms(text)
                assert conn.execute(f"SELECT {iso_from_ms('?')}", [ms]).fetchone()[0] == text


def test_an_old_file_migrates_with_every_span_and_its_times(tmp_path):
    path = tmp_path / "old.db"
    file_before_compact_times(path)
    before = raw_spans(path)
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        assert project.integrity_problems() == []
        assert project.foreign_keys_enforced  # off only while the schema changed
        records = project.find_span_records([3, 5, 6])
        assert {i: (r.span.start, r.span.end, r.created_at, r.updated_at)
                for i, r in records.items()} == {i: (s, e, c, u) for i, s, e, c, u in OLD_SPANS}
    after = raw_spans(path)
    # Every other column as it was; the times as the same instants.
    assert [row[:7] + row[9:] for row in after] == [row[:7] + row[9:] for row in before]
    assert [row[7:9] for row in after] == [(instant_ms(c), instant_ms(u))
                                           for *_, c, u in OLD_SPANS]
    assert {type(value) for row in after for value in row[7:9]} == {int}


def test_a_time_that_cannot_be_read_takes_the_other_one(tmp_path):
    path = tmp_path / "odd.db"
    file_before_compact_times(path, [(1, 0, 2, "yesterday", "2025-01-02T00:00:00.000Z"),
                                     (2, 3, 6, "2025-01-03T00:00:00.000Z", "")])
    with Project.open(path) as project:
        records = project.find_span_records([1, 2])
    assert (records[1].created_at, records[1].updated_at) == ("2025-01-02T00:00:00.000Z",) * 2
    assert (records[2].created_at, records[2].updated_at) == ("2025-01-03T00:00:00.000Z",) * 2


def test_the_migration_keeps_ids_of_deleted_spans_from_being_given_again(tmp_path):
    path = tmp_path / "old.db"
    file_before_compact_times(path, sequence=12)  # spans 7 to 12 were deleted
    with Project.open(path) as project:
        assert project.add_span(1, "alice", 3, 5, "PERSON").id == 13


def test_undo_and_redo_bring_back_each_row_exactly(project):
    project.import_records([DocumentRecord("d", "Xi met Xi in Astana", lang="en")])
    doc_id = project.document_ids()[0]
    labelling = Labelling(project, "alice")
    labelling.open(doc_id)
    span_id = labelling.add(0, 2, "PERSON").spans[0].span_id
    # Times far from now, so that the move's stamp cannot equal them.
    project.restore_span(SpanRecord(project.span_record(span_id).span, doc_id,
                                    "2020-01-01T10:00:00.123Z", "2020-02-01T10:00:00.456Z"))
    before = raw_spans(project.path)
    moved = labelling.move(span_id, 7, 9)
    after = raw_spans(project.path)
    assert after[0][8] > before[0][8] and after[0][7] == before[0][7]
    labelling.undo(moved)
    assert raw_spans(project.path) == before
    assert project.span_record(span_id).updated_at == "2020-02-01T10:00:00.456Z"
    labelling.redo(moved)
    assert raw_spans(project.path) == after
    deleted = labelling.delete(span_id)
    labelling.undo(deleted)
    assert raw_spans(project.path) == after


def test_merge_reads_old_and_new_copies_of_a_layer_as_the_same_with_its_times(tmp_path):
    old = tmp_path / "old.db"
    file_before_compact_times(old)
    migrated = tmp_path / "migrated.db"
    shutil.copy(old, migrated)
    Project.open(migrated).close()
    review = tmp_path / "review.db"
    with Project.open(review) as project:
        # A copy that differed in a single time would be refused as another version.
        merge_projects(project, [old, migrated])
        doc_id = project.document_ids()[0]
        merged = sorted(project.span_records(doc_id, "alice"), key=lambda r: r.span.start)
    assert [(r.span.start, r.created_at, r.updated_at) for r in merged] == sorted(
        (s, c, u) for _, s, _, c, u in OLD_SPANS)


def test_every_way_of_writing_a_span_stores_its_times_as_milliseconds(tmp_path, project):
    """Text in one of them would double the file's spans again."""
    project.import_records([DocumentRecord("d", "Xi met Xi in Astana", [Span(0, 2, "PERSON")],
                                           lang="en", annotator="bob")])
    doc_id = project.document_ids()[0]
    added = project.add_span(doc_id, "alice", 7, 9, "PERSON")
    project.update_span(added.id, label="ORG")
    restored = project.span_record(added.id)
    project.delete_span(added.id)
    project.restore_span(restored)
    source = tmp_path / "source.db"
    file_before_compact_times(source)
    merge_projects(project, [source], {"alice": "carol"})
    with closing(sqlite3.connect(project.path)) as conn:
        kinds = conn.execute("SELECT DISTINCT typeof(created_at), typeof(updated_at) "
                             "FROM spans").fetchall()
        count = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    assert count == 2 + len(OLD_SPANS) and kinds == [("integer", "integer")]


@pytest.mark.parametrize("column", ["created_at", "updated_at"])
def test_a_new_span_is_stamped_with_the_time_it_is_written(project, column):
    project.import_records([DocumentRecord("d", "Xi met Xi", lang="en")])
    doc_id = project.document_ids()[0]
    with closing(sqlite3.connect(":memory:")) as clock:
        earliest = clock.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]
        span = project.add_span(doc_id, "alice", 0, 2, "PERSON")
        latest = clock.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]
    assert earliest <= getattr(project.span_record(span.id), column) <= latest
