"""Is a project file sound? A damaged file (cut short, a page overwritten) is
refused with one message and left exactly as it is; nothing "repairs" it.

Three checks, from cheap to thorough: the header (every open: an SQLite file,
as long as its header says), SQLite's ``quick_check`` (it reads every page:
run on each opening of a small file, on each opening in the window, after
its first paint when the window starts on a large one, and before a
migration writes), and any read that meets a damaged page (a command on a
large file)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

HEADER_SIZE = 100
SMALL_FILE = 4 * 2**20  # quick-checked at every open: some milliseconds a megabyte
DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
DAMAGE_WORDS = ("malformed", "not a database")  # for Python 3.10, whose errors have no names


def damage_message(path: Path, problem: str) -> str:
    from annotator.store.backups import backup_count  # which imports the store: here, at need

    problem = " ".join(problem.replace("*** in database main ***", "").split())  # one line
    if backup_count(path):
        advice = (f"Restore a backup with 'annotator backups {path} --restore 1', "
                  "or open a copy made before")
    else:
        advice = ("It has no backup yet (the window makes one each time it opens a file): "
                  "open a copy made before")
    return f"{path}: the project file is damaged ({problem}); it was left as it is. {advice}"


def first_problem(conn: sqlite3.Connection) -> str | None:
    """What SQLite's quick check finds first (it reads every page but skips
    the costly index comparisons of integrity_check), or None."""
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if found == ["ok"] else found[0]


def small(path: Path) -> bool:
    return path.stat().st_size <= SMALL_FILE


def cut_short(path: Path, header: bytes) -> str | None:
    """The file ends before its last page, as its header counts them (the
    page count there is trusted only while a write-ahead log or journal
    holds no pages: a checkpoint cut short by a crash is finished from it)."""
    if not header:
        return None  # an empty file: a new project
    if len(header) < HEADER_SIZE:
        return f"{len(header)} bytes, shorter than an SQLite header"
    for suffix in ("-wal", "-journal"):
        log = Path(f"{path}{suffix}")
        if log.exists() and log.stat().st_size:
            return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # else the count is stale (an old writer)
    size = path.stat().st_size
    if counted and pages * page_size > size:
        return f"cut short: {size:,} of its {pages * page_size:,} bytes"
    return None


def is_damage(error: sqlite3.Error) -> bool:
    """``error`` is SQLite finding the file damaged (not a locked file, a
    full disk or a broken rule)."""
    name = getattr(error, "sqlite_errorname", None)
    if name is not None:
        return name.startswith(DAMAGE_CODES)
    return any(word in str(error) for word in DAMAGE_WORDS)
