"""Opening a project for the window: with write access when this window may
write (the file and its folder are writable and no other window has it),
read-only otherwise, with the reason to show; and on the way in, SQLite's
check of the whole file and a backup (a window that starts has them done
after its first paint: both read the whole file; a small file is checked
before all the same)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.store.locking import InUseError, ProjectLock
from annotator.store.repository import Project, ProjectError

# From this size on, upgrading a file of an older schema takes a second or
# more (it rebuilds the spans table: about 3 s for a million spans), so the
# window says what it is doing first.
UPGRADE_NOTICE_BYTES = 32 * 2**20


@dataclass
class OpenedProject:
    project: Project
    read_only_reason: str | None = None  # why this window cannot change the file
    backup_problem: str | None = None  # the backup could not be made
    backup_root: Path | None = None
    finished: bool = False  # checked and backed up
    back_up: bool = True  # False: just restored from a backup, which holds it already

    def finish(self) -> None:
        """Check the whole file, then back it up (with write access). A
        damaged file is closed and refused with DamagedProjectError, and
        is not backed up: its backups stay the sound copies they are."""
        if self.finished:
            return
        self.finished = True
        try:
            if not self.project.checked:
                self.project.check()
        except ProjectError:
            self.project.close()
            raise
        if self.read_only_reason is not None or not self.back_up:
            return
        try:
            from annotator.store import backups  # after the window's first paint

            backups.make_backup(self.project, self.backup_root)
        except (OSError, sqlite3.Error) as error:
            self.backup_problem = f"no backup was made when opening ({error})"


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


def open_to_read(path: str | Path) -> Project:
    """An existing project, for a command that only reads it (stats, export,
    check, progress, agreement): read-only where the file or its folder
    cannot be written (a read-only disk or share, no permission), as the
    window opens it there; else as every command opens a project."""
    path = Path(path)
    if path.exists() and not_writable_reason(path) is not None:
        return Project.open(path, create=False, read_only=True)
    return Project.open(path, create=False)


def lengthy_upgrade(path: Path) -> bool:
    """An upgrade of ``path`` (when it is of an older schema) takes a while."""
    try:
        return path.stat().st_size >= UPGRADE_NOTICE_BYTES
    except OSError:
        return False  # opening it says what is wrong


def open_for_window(path: Path, create: bool = False, backup_root: Path | None = None,
                    finish_later: bool = False,
                    on_upgrade: Callable[[Path], None] | None = None,
                    back_up: bool = True) -> OpenedProject:
    """Open ``path`` for a window; raises ProjectError as Project.open does.
    ``finish_later``: the check and the backup wait for ``opened.finish()``
    (a small file is checked at once all the same: it takes milliseconds).
    ``on_upgrade``: told before a file of an older schema is upgraded.
    ``back_up``: False just after a restore (the backup restored is the copy)."""
    check = "small" if finish_later else "later"  # else finish() checks it now
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
        opened = OpenedProject(Project.open(path, create=False, read_only=True, check=check),
                               reason)
    else:
        try:
            project = Project.open(path, create=create, check=check, on_upgrade=on_upgrade)
        except BaseException:
            lock.release()
            raise
        project.close_with(lock.release)
        project.keep_file_whole()  # the annotator may copy the file while the window is open
        opened = OpenedProject(project)
    opened.backup_root, opened.back_up = backup_root, back_up
    if not finish_later:
        opened.finish()
    return opened
