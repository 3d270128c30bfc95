"""One window writes a project file at a time.

The window holding a project keeps an operating-system lock on a file next
to it (``PROJECT.db.lock``); a second window finds it taken and opens the
project read-only, saying who holds it. The system lets go of the lock when
the holder ends, however it ends, so a crash leaves no stale lock: the text
in the lock file only says who held it last."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False


def lock_path(project: Path) -> Path:
    """The lock beside the project's real file: a window opened through a
    link and one opened on the file itself take the same lock."""
    real = Path(project).resolve()
    return real.with_name(real.name + ".lock")


class InUseError(Exception):
    """The project is open for writing elsewhere; ``holder`` says where."""

    def __init__(self, holder: str):
        super().__init__(holder)
        self.holder = holder


class ProjectLock:
    """Held while a window has the project open for writing."""

    def __init__(self, fd: int, path: Path):
        self._fd, self.path = fd, path

    @classmethod
    def take(cls, project: Path) -> ProjectLock:
        """Take the lock, or raise :class:`InUseError` (``OSError`` when no lock
        file can be made there: a read-only folder)."""
        path = lock_path(project)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = os.read(fd, 500).decode("utf-8", "replace").strip() or "another program"
            os.close(fd)
            raise InUseError(holder)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{_user()} on {_host()}, process {os.getpid()}\n".encode())
        return cls(fd, path)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing lets go of the lock
            self._fd = None


def _host() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename  # socket's host name, without loading socket at start
    import socket

    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "someone"
