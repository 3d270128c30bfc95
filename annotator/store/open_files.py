"""The project files this process has open, and a read of a file's first
bytes that cannot break SQLite's locks on it.

POSIX gives a process one set of locks per file, and closing any descriptor
of the file drops them all. SQLite keeps its own descriptors open for that
reason, but a plain ``open()`` and close of a project file that a connection
of this process holds would silently drop that connection's shared lock.
Another program closing the file (``annotator stats`` in a terminal, the
sqlite3 shell) then takes itself for the file's last user and deletes the
write-ahead log this process still writes to: later edits go to a deleted
file, unseen by every other reader and lost at a crash.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from threading import Lock

_open: Counter[tuple[int, int]] = Counter()  # (device, inode) -> connections open here
_lock = Lock()


def _key(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_dev, status.st_ino


def opened(path: Path) -> tuple[int, int]:
    """Note a connection to ``path`` opened in this process; the key to
    give :func:`closed`."""
    key = _key(path)
    with _lock:
        _open[key] += 1
    return key


def closed(key: tuple[int, int]) -> None:
    with _lock:
        _open[key] -= 1
        if _open[key] <= 0:
            del _open[key]


def first_bytes(path: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of ``path``, or ``None`` when a connection
    of this process has it open: it was read when that one opened it, and
    reading it now would drop that connection's locks. A connection noted
    meanwhile (:func:`opened`, before its first query takes a lock) waits
    for this read to be closed."""
    key = _key(path)
    with _lock:
        if key in _open:
            return None
        with open(path, "rb") as handle:
            return handle.read(size)
