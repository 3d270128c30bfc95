"""Is a project file sound before anything writes to it? A damaged file (cut
short, a page overwritten) is refused with one message and left exactly as
it is: SQLite's own ``quick_check`` finds it, and nothing "repairs" it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_message(path: Path, problem: str) -> str:
    problem = " ".join(problem.replace("*** in database main ***", "").split())  # one line
    return (f"{path}: the project file is damaged ({problem}); it was left as it is. "
            f"Restore a backup with 'annotator backups {path} --restore 1', "
            "or open a copy made before")


def first_problem(conn: sqlite3.Connection) -> str | None:
    """What SQLite's quick check finds first (it reads every page but skips
    the costly index comparisons of integrity_check), or None."""
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if found == ["ok"] else found[0]
