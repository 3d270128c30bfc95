"""A project's own files: the SQLite file, its write-ahead log, its shared
memory and its lock. An output written over one of them (``export --out
p.db``, a link to it) would destroy the project it was made from."""

from __future__ import annotations

import os
from pathlib import Path

SUFFIXES = ("", "-wal", "-shm", ".lock")
NAMES = {"": "the project file", "-wal": "the project's write-ahead log",
         "-shm": "the project's shared memory file", ".lock": "the project's lock file"}


def project_file_at(target: Path, project: Path) -> str | None:
    """What ``target`` is of ``project``'s own files ("the project file"...),
    or ``None`` when it is none of them (or does not exist yet)."""
    for suffix in SUFFIXES:
        try:
            if os.path.samefile(target, f"{project}{suffix}"):
                return NAMES[suffix]
        except OSError:
            continue
    return None


def overwrite_problem(target: Path, project: Path | None) -> str | None:
    """The one-line reason ``target`` must not be written, or ``None``."""
    if project is None:
        return None
    what = project_file_at(target, project)
    if what is None:
        return None
    return f"{target}: is {what} ({project}); give the output another name"
