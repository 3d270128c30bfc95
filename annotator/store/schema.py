"""Schema versions. Migrations only go forward; ``PRAGMA user_version`` holds
the version a file is at."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from annotator.store.timestamps import NOW_MS, ms_from_iso

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('rtl', 'ltr')),
        direction_override TEXT CHECK (direction_override IN ('rtl', 'ltr')),
        sha256 TEXT NOT NULL UNIQUE,
        meta TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE INDEX documents_name ON documents(name);
    CREATE TABLE annotators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE labels (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        shortcut TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE spans (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE,
        origin TEXT NOT NULL DEFAULT 'manual'
            CHECK (origin IN ('manual', 'suggested', 'imported', 'adjudicated')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (start >= 0 AND start < "end"),
        UNIQUE (document_id, annotator_id, start, "end", label)
    );
    CREATE INDEX spans_document ON spans(document_id, annotator_id);
    CREATE TABLE document_status (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators(id),
        status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (document_id, annotator_id)
    );
    """,
    # 2: a random id that stays with the file (copies and renames included), so
    # merging the same file twice is recognised; and where merged layers came from.
    """
    CREATE TABLE project_info (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO project_info (key, value) VALUES ('project_id', lower(hex(randomblob(16))));
    CREATE TABLE merge_sources (
        annotator TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        source_annotator TEXT NOT NULL,
        source_path TEXT NOT NULL,
        merged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    """,
    # 3: places of a document the reviewer has decided, so a rejection (no gold
    # span at all) still counts as settled.
    """
    CREATE TABLE adjudicated_places (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (document_id, start, "end")
    );
    """,
    # 4: each annotator of a file gets a random uid when first added; copies of
    # the file keep it. Merge knows a layer by this uid, not by the file's id,
    # so two copies of one file annotated by different people stay apart.
    # Annotators from before are given the uid their old identity (the file's
    # id and the name) stands for, so review files merged before still
    # recognise their sources.
    """
    ALTER TABLE annotators ADD COLUMN uid TEXT;
    UPDATE annotators SET uid = legacy_annotator_uid(
        (SELECT value FROM project_info WHERE key = 'project_id'), name);
    UPDATE annotators SET uid = (
        SELECT legacy_annotator_uid(m.source_id, m.source_annotator)
        FROM merge_sources m WHERE m.annotator = annotators.name)
    WHERE name IN (SELECT annotator FROM merge_sources);
    UPDATE annotators SET uid = lower(hex(randomblob(16)))
    WHERE id NOT IN (SELECT min(id) FROM annotators GROUP BY uid);
    CREATE UNIQUE INDEX annotators_uid ON annotators(uid);
    CREATE TRIGGER annotators_new_uid AFTER INSERT ON annotators WHEN NEW.uid IS NULL
    BEGIN
        UPDATE annotators SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
    END;
    """,
    # 5: team projects. Who was handed which document, in which round and file
    # (a master file's record), and each time an annotator's file was collected.
    """
    CREATE TABLE IF NOT EXISTS assignments (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator TEXT NOT NULL,
        round INTEGER NOT NULL,
        file TEXT NOT NULL,
        assigned_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (document_id, annotator)
    );
    CREATE INDEX IF NOT EXISTS assignments_annotator ON assignments(annotator);
    CREATE TABLE IF NOT EXISTS collections (
        id INTEGER PRIMARY KEY,
        annotator TEXT NOT NULL,
        source_path TEXT NOT NULL,
        collected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    """,
    # 6: suggestions say why they were proposed and how sure the tool is, and a
    # suggestion the annotator rejected is remembered, so proposing again does
    # not bring it back to that place.
    """
    ALTER TABLE spans ADD COLUMN reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE spans ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
    CREATE TABLE rejected_suggestions (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (document_id, annotator_id, start, "end", label)
    );
    """,
    # 7: annotation guidelines, one per label: a definition, examples and
    # counter-examples (one per line), so the file carries what its labels mean.
    # The default labels get theirs from the defaults after this step.
    """
    CREATE TABLE label_guidelines (
        label TEXT PRIMARY KEY REFERENCES labels(key) ON UPDATE CASCADE ON DELETE CASCADE,
        definition TEXT NOT NULL DEFAULT '',
        examples TEXT NOT NULL DEFAULT '',
        counter_examples TEXT NOT NULL DEFAULT ''
    );
    """,
    # 8: a span's id is never given again once its span is deleted
    # (AUTOINCREMENT), so undoing an old delete can always put the same row
    # back, whatever was inserted since (bulk proposals included). SQLite cannot
    # add AUTOINCREMENT in place: the table is rebuilt with the same columns,
    # constraints, index and rows (ids kept). No table or trigger refers to it.
    """
    CREATE TABLE spans_rebuilt (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE,
        origin TEXT NOT NULL DEFAULT 'manual'
            CHECK (origin IN ('manual', 'suggested', 'imported', 'adjudicated')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        reason TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL DEFAULT 1.0,
        CHECK (start >= 0 AND start < "end"),
        UNIQUE (document_id, annotator_id, start, "end", label)
    );
    INSERT INTO spans_rebuilt (id, document_id, annotator_id, start, "end", label, origin,
                               created_at, updated_at, reason, confidence)
        SELECT id, document_id, annotator_id, start, "end", label, origin,
               created_at, updated_at, reason, confidence FROM spans ORDER BY id;
    DROP TABLE spans;
    ALTER TABLE spans_rebuilt RENAME TO spans;
    CREATE INDEX spans_document ON spans(document_id, annotator_id);
    """,
    # 9: one entity, many mentions. Spans of one layer that name the same
    # entity (a label and the mentions proposed from it) share a group id,
    # unique in the document and layer (the id of a span of the group when
    # it was made); NULL: in no group.
    """
    ALTER TABLE spans ADD COLUMN entity INTEGER;
    CREATE INDEX spans_entity ON spans(document_id, annotator_id, entity) WHERE entity IS NOT NULL;
    """,
    # 10: the unique index on (document_id, annotator_id, start, "end", label)
    # starts with the same columns and serves the same queries: this one was
    # a second copy of every span's keys, kept up on every insert.
    """
    DROP INDEX IF EXISTS spans_document;
    """,
    # 11: a span's created_at and updated_at as integer milliseconds since the
    # epoch (timestamps.py): 12 bytes a row instead of 48, half of an imported
    # span's row. Rebuilt as in 8 (same ids, constraints and entity index);
    # the AUTOINCREMENT counter is carried over, so an id deleted before the
    # upgrade is still never given again. A time that cannot be read takes
    # the other one, or the upgrade's.
    f"""
    CREATE TABLE spans_rebuilt (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator_id INTEGER NOT NULL REFERENCES annotators(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE,
        origin TEXT NOT NULL DEFAULT 'manual'
            CHECK (origin IN ('manual', 'suggested', 'imported', 'adjudicated')),
        created_at INTEGER NOT NULL DEFAULT ({NOW_MS}),
        updated_at INTEGER NOT NULL DEFAULT ({NOW_MS}),
        reason TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL DEFAULT 1.0,
        entity INTEGER,
        CHECK (start >= 0 AND start < "end"),
        UNIQUE (document_id, annotator_id, start, "end", label)
    );
    INSERT INTO spans_rebuilt (id, document_id, annotator_id, start, "end", label, origin,
                               created_at, updated_at, reason, confidence, entity)
        SELECT id, document_id, annotator_id, start, "end", label, origin,
               coalesce({ms_from_iso("created_at")}, {ms_from_iso("updated_at")}, {NOW_MS}),
               coalesce({ms_from_iso("updated_at")}, {ms_from_iso("created_at")}, {NOW_MS}),
               reason, confidence, entity FROM spans ORDER BY id;
    DELETE FROM sqlite_sequence WHERE name = 'spans_rebuilt';
    INSERT INTO sqlite_sequence (name, seq)
        SELECT 'spans_rebuilt', max(coalesce((SELECT max(id) FROM spans), 0),
                                    coalesce((SELECT max(seq) FROM sqlite_sequence
                                              WHERE name = 'spans'), 0));
    DROP TABLE spans;
    ALTER TABLE spans_rebuilt RENAME TO spans;
    CREATE INDEX spans_entity ON spans(document_id, annotator_id, entity) WHERE entity IS NOT NULL;
    """,
]

# The migration after which the default labels' guidelines are seeded.
GUIDELINES_VERSION = 7
# The first schema whose spans carry an entity.
ENTITIES_VERSION = 9
# The first schema that stores span timestamps as milliseconds.
SPAN_MS_VERSION = 11

SCHEMA_VERSION = len(MIGRATIONS)


def legacy_annotator_uid(project_id: str, name: str) -> str:
    """The uid of an annotator added before uids existed: derived from what
    identified its layer then, the file's id and the annotator's name."""
    import hashlib  # an upgrade needs it, an opening does not

    return hashlib.sha256(f"{project_id}\0{name}".encode()).hexdigest()[:32]


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the migrations use."""
    conn.create_function("legacy_annotator_uid", 2, legacy_annotator_uid, deterministic=True)


def statements(script: str) -> Iterator[str]:
    """The statements of a migration, one at a time (a trigger body keeps its
    own semicolons)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""
    if pending.strip(" \n;"):
        yield pending
