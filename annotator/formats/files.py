"""Output files that appear whole or not at all, and the error of an export
that cannot be made. Nothing here knows a format or the report, so both the
writers and the report build on it."""

from __future__ import annotations

import glob
import os
import shutil
import stat
import time
from pathlib import Path


class ExportError(Exception):
    """An export that cannot be made, with one line for the user."""


def sidecar(out: Path, suffix: str) -> Path:
    """A file next to the output: ``train.conll`` -> ``train.conll.report.json``."""
    return out.with_name(f"{out.name}.{suffix}")


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"), (stat.S_ISREG, "a file"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "of an unknown kind")


def output_target(path: Path, folder: bool = False) -> Path:
    """Where writing ``path`` lands: ``path`` itself when it is missing or a
    regular file (a folder, with ``folder``), the target of a link to one.
    Anything else (a FIFO, a device, a socket, a dangling link) is never
    replaced: :class:`ExportError`."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except OSError:
            raise ExportError(f"{path}: is a link to nothing that exists; not replaced") from None
        path = Path(os.path.realpath(path))
    wanted, kind = (stat.S_ISDIR, "a folder") if folder else (stat.S_ISREG, "a regular file")
    if not wanted(info.st_mode):
        raise ExportError(f"{path}: is {_kind(info.st_mode)}, not {kind}; not replaced")
    return path


# A temporary file of an export is written to at least this often: one left
# older by a process that is gone was left by a killed export.
_STALE_SECONDS = 120


def temporary_name(path: Path) -> Path:
    """Where an output is written before it takes its name: ``.NAME.PID.tmp``.
    What an export killed earlier left there (and would keep the disk
    full) goes first."""
    _remove_stale_temporaries(path)
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _remove_stale_temporaries(path: Path) -> None:
    if os.name != "posix":
        return  # no harmless way to ask whether a process lives (os.kill ends it on Windows)
    now = time.time()
    for found in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = found.name[len(path.name) + 2:-len(".tmp")]
        if not pid.isdigit() or int(pid) == os.getpid() or process_alive(int(pid)):
            continue
        try:
            if now - found.stat().st_mtime < _STALE_SECONDS:
                continue  # written to just now: another machine's export, on a share
            if found.is_dir():
                shutil.rmtree(found, ignore_errors=True)
            else:
                found.unlink(missing_ok=True)
        except OSError:
            pass


def process_alive(pid: int) -> bool:
    """A process of this id runs here (POSIX only: on Windows os.kill ends it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's
    return True


class AtomicFile:
    """A text file written under a temporary name and renamed when complete,
    so a failed export never leaves half a file where the old one was. A
    link to a file is written through; what is not a regular file is refused
    (see :func:`output_target`)."""

    def __init__(self, path: Path, binary: bool = False):
        path = output_target(path)
        self.path = path
        self.tmp = temporary_name(path)
        if binary:
            self.handle = open(self.tmp, "wb")
        else:
            self.handle = open(self.tmp, "w", encoding="utf-8", newline="\n")

    def write(self, data) -> None:
        self.handle.write(data)

    def flush(self) -> None:
        """Hand what is written to the file system now: a full disk fails
        here, before anything is renamed."""
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def commit(self) -> Path:
        self.handle.close()
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass  # a full disk fails the close's flush too: the file goes all the same
        self.tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: str | bytes) -> Path:
    target = AtomicFile(path, binary=isinstance(data, bytes))
    try:
        target.write(data)
    except BaseException:
        target.abort()
        raise
    return target.commit()
