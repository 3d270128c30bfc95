"""Where bundled files and the user's data live."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "annotator"


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``seeds/``: the unpacked desktop
    bundle, the installed package (pip puts them inside it), or the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    if (package / "resources").is_dir():
        return package
    return package.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def seeds_dir() -> Path:
    return bundle_root() / "seeds"


def data_dir() -> Path:
    from platformdirs import user_data_dir  # not needed to start the window on a project

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    return data_dir() / "sample-project.db"
