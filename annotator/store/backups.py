"""Automatic copies of a project file, made with SQLite's backup API each
time the window opens it (a consistent copy even while it is written), kept
in the user's data folder, the last few per project, restorable."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from annotator.store.repository import Project, ProjectError

KEEP = 5


@dataclass(frozen=True)
class Backup:
    number: int  # 1: the newest
    path: Path
    made: datetime
    documents: int | None
    spans: int | None  # labels, as stats and the document list count them
    suggestions: int | None = None  # proposals not yet accepted

    def describe(self) -> str:
        when = self.made.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if self.documents is None:
            counts = "unreadable"
        else:
            counts = f"{self.documents} documents, {self.spans} spans"
            if self.suggestions:
                counts += f", {self.suggestions} suggestions"
        return f"{self.number}. {when}  ({counts})"


def default_folder() -> Path:
    from annotator.paths import data_dir

    return data_dir() / "backups"


def folder_for(project_path: Path, root: Path | None = None) -> Path:
    """One folder per project file, named after it and where it is (two
    ``project.db`` in different folders keep their backups apart)."""
    resolved = Path(project_path).resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:10]
    return (root or default_folder()) / f"{resolved.stem}-{digest}"


def make_backup(project: Project, root: Path | None = None, keep: int = KEEP) -> Path:
    """Copy the open project into its backup folder; drop all but the newest ``keep``."""
    folder = folder_for(project.path, root)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{stamp}.db"
    partial = target.with_suffix(".partial")
    newest = next(iter(_files(folder)), None)
    try:
        project.backup_to(partial)
        if newest is not None and _same_bytes(partial, newest):
            # The file as the newest backup holds it (opened again with no
            # change): a second copy would push an older state out of the
            # few kept.
            return newest
        os.replace(partial, target)  # a backup cut short by a crash is never listed
    finally:
        partial.unlink(missing_ok=True)
    for old in _files(folder)[keep:]:
        old.unlink(missing_ok=True)
    return target


def _same_bytes(a: Path, b: Path) -> bool:
    import filecmp  # read in blocks, stopping at the first that differs

    return a.stat().st_size == b.stat().st_size and filecmp.cmp(a, b, shallow=False)


def list_backups(project_path: Path, root: Path | None = None) -> list[Backup]:
    """The backups of a project file, newest first, numbered from 1."""
    found = []
    for number, path in enumerate(_files(folder_for(project_path, root)), start=1):
        made = datetime.strptime(path.stem, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
        found.append(Backup(number, path, made, *_counts(path)))
    return found


def backup_count(project_path: Path, root: Path | None = None) -> int:
    """How many backups a project file has (none opened to count them)."""
    return len(_files(folder_for(project_path, root)))


def restore_backup(project_path: Path, number: int, root: Path | None = None) -> tuple[Backup, str]:
    """Put backup ``number`` back as the project file; returns it and a line
    saying what became of the file as it was: backed up first when it can be
    opened, else (damaged) moved aside under a new name, never deleted."""
    project_path = Path(project_path)
    backups = list_backups(project_path, root)
    chosen = next((b for b in backups if b.number == number), None)
    if chosen is None:
        raise ProjectError(f"{project_path}: no backup number {number} "
                           f"(there are {len(backups)})")
    if chosen.documents is None:
        raise ProjectError(f"{chosen.path}: the backup cannot be read; not restored")
    try:
        project = Project.open(project_path, create=False, check="always")
    except ProjectError:
        project = None
    if project is not None:
        with project:
            make_backup(project, root, keep=KEEP + 1)
            project.restore_from(chosen.path)
        return chosen, "the file as it was is now backup 1"
    # The real file, not a link to it: the link stays, and the file it names
    # is the one restored.
    target = project_path.resolve()
    partial = target.with_name(f".{target.name}.restoring")
    with closing(sqlite3.connect(f"{chosen.path.resolve().as_uri()}?mode=ro", uri=True)) as src:
        with closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
    # The copy is whole before the damaged file moves: ended at any moment,
    # the process leaves a project file in place (damaged, or restored).
    aside = None
    if target.exists():
        aside = _kept_already(target)  # by a restore that was ended before its end
        if aside is None:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            aside = target.with_name(f"{target.name}.damaged-{stamp}")
            _keep_aside(target, aside)
    os.replace(partial, target)
    return chosen, (f"the file as it was is kept as {aside.name}" if aside
                    else "there was no file before")


def _kept_already(damaged: Path) -> Path | None:
    """The name aside that is the damaged file already, if any."""
    for path in damaged.parent.glob(f"{damaged.name}.damaged-*"):
        if not path.name.endswith(("-wal", "-shm")) and os.path.samefile(path, damaged):
            return path
    return None


def _keep_aside(damaged: Path, aside: Path) -> None:
    """The damaged file under ``aside`` while it stays where it is (a second
    name, or a copy); its log files moved there, so that none is read with
    the file restored in its place."""
    try:
        os.link(damaged, aside)
    except OSError:  # a file system without hard links
        shutil.copy2(damaged, aside)
    for suffix in ("-wal", "-shm"):
        log = Path(f"{damaged}{suffix}")
        if log.exists():
            os.replace(log, f"{aside}{suffix}")


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.db"), reverse=True) if folder.is_dir() else []


def _counts(path: Path) -> tuple[int | None, int | None, int | None]:
    """Documents, labels and open suggestions (a suggestion is no label:
    counted apart, as everywhere else)."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            every, suggestions = conn.execute(
                "SELECT count(*), coalesce(sum(origin = 'suggested'), 0) FROM spans").fetchone()
        return documents, every - suggestions, suggestions
    except sqlite3.Error:
        return None, None, None
