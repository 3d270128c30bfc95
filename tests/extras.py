"""Optional extras (spaCy, seqeval, datasets) in tests: skipped on a machine
without them, but a failure in CI (``CI`` set, as CI services do), so a
missing extra there is never a silent skip."""

from __future__ import annotations

import os
from types import ModuleType

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(module: str) -> ModuleType:
    """The module, imported; else skip the test, or fail it in CI."""
    if in_ci():
        try:
            return __import__(module, fromlist=["_"])
        except ImportError as error:
            pytest.fail(f"{module} is needed in CI (install the extras): {error}")
    return pytest.importorskip(module)
