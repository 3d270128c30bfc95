"""Opening a project for the window: with write access when this window may
write (the file and its folder are writable and no other window has it),
read-only otherwise, with the reason to show; and a backup on the way in."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from annotator.store import backups
from annotator.store.locking import InUseError, ProjectLock
from annotator.store.repository import Project


@dataclass
class OpenedProject:
    project: Project
    read_only_reason: str | None = None  # why this window cannot change the file
    backup_problem: str | None = None  # the backup could not be made


def not_writable_reason(path: Path) -> str | None:
    """Why the file (or its folder, where SQLite keeps its journal) cannot be
    written, or None."""
    folder = path.resolve().parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only disk or share"
    except (AttributeError, OSError):  # no statvfs (Windows)
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return "you have no permission to change the file"
    if not os.access(folder, os.W_OK):
        return f"you have no permission to write in its folder {folder}"
    return None


def open_for_window(path: Path, create: bool = False,
                    backup_root: Path | None = None) -> OpenedProject:
    """Open ``path`` for a window; raises ProjectError as Project.open does."""
    reason = not_writable_reason(path) if path.exists() else None
    lock = None
    if reason is None:
        try:
            lock = ProjectLock.take(path)
        except InUseError as error:
            reason = f"it is open in another window ({error.holder})"
        except OSError as error:
            reason = f"no lock file can be made next to it ({error.strerror})"
    if reason is not None:
        return OpenedProject(Project.open(path, create=False, read_only=True), reason)
    try:
        project = Project.open(path, create=create)
    except BaseException:
        lock.release()
        raise
    project.close_with(lock.release)
    opened = OpenedProject(project)
    try:
        backups.make_backup(project, backup_root)
    except (OSError, sqlite3.Error) as error:
        opened.backup_problem = f"no backup was made when opening ({error})"
    return opened
