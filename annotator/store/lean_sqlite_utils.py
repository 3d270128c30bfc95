"""sqlite-utils without its optional pandas and numpy, loaded only when a
project first needs more than reading.

``sqlite_utils.db`` imports pandas and numpy at import time whenever they are
installed (and pandas brings pyarrow): half a second of every start, for
converting pandas and numpy values that the tool never stores. They are kept
out while sqlite-utils loads; a later ``import pandas`` elsewhere works as
usual.

Plugins of sqlite-utils (entry points scanned over every installed
distribution at the first ``Database``, a third of a second) are not loaded
either: a project's connection is the tool's own, and no plugin should
change it.

sqlite-utils itself (with click, pluggy and dateutil) takes a tenth of a
second to import, more than opening the window needs: :class:`Database`
reads through the connection and loads it at the first write."""

from __future__ import annotations

import sqlite3
import sys
from types import ModuleType

OPTIONAL = ("pandas", "numpy")
READS = ("SELECT", "WITH")


def load() -> ModuleType:
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    # A None entry in sys.modules makes an import raise ImportError, which
    # sqlite-utils takes as "not installed".
    blocked = [name for name in OPTIONAL if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None
    try:
        import sqlite_utils
    finally:
        for name in blocked:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
    import sqlite_utils.plugins

    sqlite_utils.plugins._plugins_loaded = True  # as if loaded: none is wanted
    return sqlite_utils


class Database:
    """A project's connection, as a ``sqlite_utils.Database`` made on first
    need. Reads (a statement that starts with SELECT or WITH) run on the
    connection itself, which is all sqlite-utils does with them: they open no
    transaction to commit. Everything else goes to sqlite-utils."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._full = None

    @property
    def full(self):
        """The ``sqlite_utils.Database`` on this connection."""
        if self._full is None:
            self._full = load().Database(self.conn)
        return self._full

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        if self._full is None and sql.lstrip()[:6].upper().startswith(READS):
            return self.conn.execute(sql, () if parameters is None else parameters)
        return self.full.execute(sql, parameters)

    def atomic(self):
        return self.full.atomic()

    def __getitem__(self, table: str):
        return self.full[table]

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str):
        return getattr(self.full, name)
