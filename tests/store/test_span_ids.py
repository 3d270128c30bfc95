"""Span ids are never given twice (schema 7), and a schema-6 file migrates to
that with every row, index and constraint of ``spans`` kept (its timestamps
as the same instants in milliseconds from schema 11)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from annotator.store import Project
from annotator.store.editing import Labelling
from annotator.store.schema import SCHEMA_VERSION
from annotator.store.timestamps import NOW_MS
from tests.helpers.old_schema import ONE_DOCUMENT, PERSON_LABEL, file_at_schema, instant_ms

ROWS = [
    # id, document, annotator, start, end, label, origin, created, updated, reason, confidence
    (3, 1, 1, 0, 2, "PERSON", "manual", "2025-01-01T00:00:00.000Z", "2025-01-02T00:00:00.000Z", "", 1.0),
    (7, 1, 1, 7, 9, "PERSON", "suggested", "2025-01-03T00:00:00.000Z", "2025-01-03T00:00:00.000Z",
     "mention of «Xi»", 0.8),
    (9, 1, 2, 3, 6, "PERSON", "imported", "2025-01-04T00:00:00.000Z", "2025-01-05T00:00:00.000Z", "", 1.0),
]


def schema_6_file(path) -> None:
    with closing(file_at_schema(path, 6, PERSON_LABEL + ONE_DOCUMENT
                                + "INSERT INTO annotators (name) VALUES ('bob');")) as conn:
        conn.executemany("INSERT INTO spans VALUES (?,?,?,?,?,?,?,?,?,?,?)", ROWS)
        conn.execute("INSERT INTO rejected_suggestions VALUES (1, 1, 4, 6, 'PERSON')")
        conn.commit()


def spans_shape(conn: sqlite3.Connection) -> dict:
    """Everything about ``spans`` but its CREATE text and AUTOINCREMENT."""
    indexes = sorted(conn.execute("PRAGMA index_list(spans)").fetchall(), key=lambda r: r[1])
    return {
        "columns": conn.execute("PRAGMA table_xinfo(spans)").fetchall(),
        "foreign keys": sorted(conn.execute("PRAGMA foreign_key_list(spans)").fetchall()),
        "indexes": [(unique, origin, partial,
                     conn.execute(f"PRAGMA index_xinfo('{name}')").fetchall())
                    for _, name, unique, origin, partial in indexes],
        "named indexes": sorted(r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'spans' AND type = 'index' AND sql IS NOT NULL")),
        "triggers": sorted(r[0] for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'")),
        "rows": conn.execute("SELECT * FROM spans ORDER BY id").fetchall(),
    }


def test_a_schema_6_file_keeps_every_span_row_index_and_constraint(tmp_path):
    path = tmp_path / "six.db"
    schema_6_file(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        before = spans_shape(conn)
        # Schema 10 drops spans_document: the unique index covers its queries.
        conn.execute("BEGIN")
        conn.execute("DROP INDEX spans_document")
        expected = spans_shape(conn)
        conn.execute("ROLLBACK")
    # Schema 11 stores the timestamps as milliseconds.
    expected["columns"][7:9] = [(cid, name, "INTEGER", 1, NOW_MS, 0, 0)
                                for cid, name, *_ in expected["columns"][7:9]]
    expected["rows"] = [row[:7] + (instant_ms(row[7]), instant_ms(row[8])) + row[9:]
                        for row in expected["rows"]]
    assert len(before["rows"]) == 3 and before["named indexes"] and expected != before

    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        assert project.integrity_problems() == []

    with closing(sqlite3.connect(path)) as conn:
        # Schema 9 adds the entity column and its index; the rest is as expected.
        conn.executescript("DROP INDEX spans_entity; ALTER TABLE spans DROP COLUMN entity;")
        assert spans_shape(conn) == expected
        assert "AUTOINCREMENT" in conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'spans'").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM rejected_suggestions").fetchone()[0] == 1
        assert conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'spans_rebuilt%'").fetchall() == []
        conn.execute("PRAGMA foreign_keys = ON")
        # The constraints still hold: order of ends, origin, uniqueness, labels.
        bad = [(1, 1, 5, 5, "PERSON", "manual"), (1, 1, 0, 2, "PERSON", "guessed"),
               (1, 1, 0, 2, "PERSON", "manual"), (1, 1, 0, 2, "NOPE", "manual")]
        for row in bad:
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute('INSERT INTO spans (document_id, annotator_id, start, "end", label, origin) '
                             "VALUES (?,?,?,?,?,?)", row)
        # A new span takes an id above every id the file has had.
        new = conn.execute('INSERT INTO spans (document_id, annotator_id, start, "end", label) '
                           "VALUES (1, 2, 0, 2, 'PERSON')").lastrowid
        assert new == 10
        # Deleting the document still takes its spans with it.
        conn.execute("DELETE FROM documents WHERE id = 1")
        assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_a_new_file_has_the_same_spans_table_as_a_migrated_one(tmp_path):
    old, new = tmp_path / "six.db", tmp_path / "new.db"
    schema_6_file(old)
    Project.open(old).close()
    Project.open(new).close()
    with closing(sqlite3.connect(old)) as a, closing(sqlite3.connect(new)) as b:
        shape_a, shape_b = spans_shape(a), spans_shape(b)
    del shape_a["rows"], shape_b["rows"]
    assert shape_a == shape_b


def test_the_id_of_a_deleted_span_is_never_given_again(seeded_project):
    service = Labelling(seeded_project, "alice")
    service.open(seeded_project.document_ids()[0])
    first = service.add(0, 2, "PERSON").spans[0].span_id
    service.delete(first)
    second = service.add(0, 2, "PERSON").spans[0].span_id
    assert second > first
