"""sqlite-utils without its optional pandas and numpy.

``sqlite_utils.db`` imports pandas and numpy at import time whenever they are
installed (and pandas brings pyarrow): half a second of every start, for
converting pandas and numpy values that the tool never stores. They are kept
out while sqlite-utils loads; a later ``import pandas`` elsewhere works as
usual.

Plugins of sqlite-utils (entry points scanned over every installed
distribution at the first ``Database``, a third of a second) are not loaded
either: a project's connection is the tool's own, and no plugin should
change it."""

from __future__ import annotations

import sys
from types import ModuleType

OPTIONAL = ("pandas", "numpy")


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
