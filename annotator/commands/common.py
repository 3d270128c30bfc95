"""What every subcommand shares: exit statuses and error lines."""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def fail(*lines: object) -> int:
    """Print one line per problem to stderr; the status for bad input."""
    for line in lines:
        print(str(line), file=sys.stderr)
    return EXIT_BAD_INPUT


# What the system or SQLite said, and what the user can do about it.
_CAUSES = (
    (("database or disk is full", "no space left", "disk quota"),
     "the disk is full; free some space and run it again"),
    (("readonly database", "read-only file system", "permission denied"),
     "the project file or its folder cannot be written here (permissions, or a read-only "
     "disk)"),
    (("database is locked",),
     "another program is writing the project (the window, another command); run it again "
     "once it is done"),
    (("disk i/o error", "file too large"),
     "the system refused to write (a file size limit, or a failing disk)"),
)


def system_failure(where: object, error: BaseException) -> int:
    """One line for a write the system or SQLite refused (a full disk, a
    read-only file, a lock): the command's own transaction is undone."""
    said = str(getattr(error, "strerror", None) or error)
    lowered = said.lower()
    cause = next((hint for keys, hint in _CAUSES if any(k in lowered for k in keys)), None)
    return fail(f"{where}: {said}" + (f": {cause}" if cause else ""))


class TerminalProgress:
    """``what: 1,234 of 20,000 documents`` on one line of a terminal, kept up
    to date at most twice a second, and nothing when stderr is not one (a
    pipe, a log): long work shows it is moving."""

    def __init__(self, what: str, stream=None):
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.shown = self.stream.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if not self.shown or (now - self.last < 0.5 and done < total):
            return
        self.last = now
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{self.what}: {done:,} of {total:,} documents{end}")
        self.stream.flush()
