"""Schema versions. Migrations only go forward; ``PRAGMA user_version`` holds
the version a file is at."""

from __future__ import annotations

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
]

SCHEMA_VERSION = len(MIGRATIONS)
