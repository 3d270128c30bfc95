"""Project files of an older schema, built by replaying the first migrations,
for the tests that check a file migrates forward with its rows."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from annotator.store.schema import MIGRATIONS

# One document and one annotator: what most migration tests put spans on.
ONE_DOCUMENT = (
    "INSERT INTO documents (id, name, text, lang, direction, sha256) "
    "VALUES (1, 'd', 'Xi met Xi', 'en', 'ltr', 'x');"
    "INSERT INTO annotators (name) VALUES ('alice');")
PERSON_LABEL = "INSERT INTO labels VALUES ('PERSON', 'Person', '#ff0000', '1', 0);"


def file_at_schema(path: Path, version: int, rows_sql: str = "") -> sqlite3.Connection:
    """Write ``path`` as this program would have at schema ``version``, with
    the rows of ``rows_sql``, committed; the connection stays open for more."""
    conn = sqlite3.connect(path)
    # The schema-3 migration gives each annotator a uid from this function.
    conn.create_function("legacy_annotator_uid", 2, lambda a, b: f"{a}{b}"[:32])
    for script in MIGRATIONS[:version]:
        conn.executescript(script)
    if rows_sql:
        conn.executescript(rows_sql)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    return conn


def write_file_at_schema(path: Path, version: int, rows_sql: str = "") -> None:
    """:func:`file_at_schema`, closed at once."""
    with closing(file_at_schema(path, version, rows_sql)):
        pass


def instant_ms(iso: str) -> int:
    """An old file's ISO timestamp as the milliseconds a span stores from schema 11."""
    return round(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)
