"""Reading a project file as it is on disk, through a connection of its own
(no Qt, no store code): what tests compare before and after an edit."""

from __future__ import annotations

import sqlite3
from contextlib import closing


def span_table(project):
    """Every column of every span, timestamps included."""
    return _read(project, "SELECT * FROM spans ORDER BY id")


def status_table(project):
    return _read(project, "SELECT * FROM document_status ORDER BY document_id, annotator_id")


def annotator_names(project):
    return [r[0] for r in _read(project, "SELECT name FROM annotators ORDER BY name")]


def rejection_table(project):
    return _read(project, "SELECT * FROM rejected_suggestions "
                          'ORDER BY document_id, annotator_id, start, "end", label')


def file_state(project):
    return (span_table(project), status_table(project), annotator_names(project),
            rejection_table(project))


def _read(project, sql):
    with closing(sqlite3.connect(project.path)) as conn:
        return conn.execute(sql).fetchall()
