"""The ids of the document list for a :class:`DocumentQuery` that is not
the import order: one query, sorted by SQLite, ids only (100,000 of them
are a few hundred kilobytes). Span counts come from one pass over the
spans' unique index, grouped by document."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.document_query import DocumentQuery
from annotator.core.row_positions import RowPositions

_STATUS = "coalesce(s.status, 'todo')"
_KEYS = {
    "name": "d.name",
    "lang": "d.lang",
    # The order the statuses are worked through, not their names' order.
    "status": f"CASE {_STATUS} WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END",
    "spans": "coalesce(c.n, 0)",
}


def ordered_ids(db: sqlite3.Connection, annotator_id: int, query: DocumentQuery) -> list[int]:
    """The ids of the documents ``query`` keeps, in its order; ties in
    import order (reversed with the rest when descending)."""
    sql = ["SELECT d.id FROM documents d"]
    params: list = []
    if query.status is not None or query.sort == "status":
        sql.append("LEFT JOIN document_status s ON s.document_id = d.id AND s.annotator_id = ?")
        params.append(annotator_id)
    if query.labelled is not None or query.sort == "spans":
        sql.append("LEFT JOIN (SELECT document_id, count(*) AS n FROM spans "
                   "WHERE annotator_id = ? AND origin != 'suggested' GROUP BY document_id) c "
                   "ON c.document_id = d.id")
        params.append(annotator_id)
    where = []
    if query.status is not None:
        where.append(f"{_STATUS} = ?")
        params.append(query.status.value)
    if query.lang is not None:
        where.append("d.lang = ?")
        params.append(query.lang)
    if query.labelled is not None:
        where.append("c.n IS NOT NULL" if query.labelled else "c.n IS NULL")
    if where:
        sql.append("WHERE " + " AND ".join(where))
    direction = " DESC" if query.descending else ""
    keys = ([_KEYS[query.sort] + direction] if query.sort else []) + ["d.id" + direction]
    sql.append("ORDER BY " + ", ".join(keys))
    return [row[0] for row in db.execute(" ".join(sql), params)]


def languages(db: sqlite3.Connection) -> list[str]:
    """The languages of the project's documents, in alphabetical order."""
    return [row[0] for row in db.execute("SELECT DISTINCT lang FROM documents ORDER BY lang")]


def positions_in_file(path: Path, annotator: str, query: DocumentQuery) -> RowPositions:
    """The rows of the document list for ``query``, read on a read-only
    connection of their own (for a worker thread: a connection belongs to
    the thread that made it), each id's row already found."""
    from annotator.store.repository import Project  # the module imports this one

    with Project.open(path, create=False, read_only=True, check="later") as project:
        positions = project.document_list_positions(annotator, query)
    positions.position_of(-1)  # makes the id -> row table here, not in the window
    return positions


def languages_in_file(path: Path) -> list[str]:
    """:func:`languages` on a read-only connection of its own (a worker's)."""
    from annotator.store.repository import Project  # the module imports this one

    with Project.open(path, create=False, read_only=True, check="later") as project:
        return project.document_languages()
