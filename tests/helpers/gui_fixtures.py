"""Fixtures for every test folder: a real main window on a project in a
temporary folder, a merged review project, a toy format in the catalog.
The event helpers live in ``tests.helpers.gui``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from annotator.formats.registry import read_paths
from annotator.store import Project
from tests.fixtures.toy_format import toy_format  # noqa: F401 (fixtures for every test)
from tests.helpers.review import review_project  # noqa: F401


@pytest.fixture
def settings(tmp_path):
    found = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    # Tests of labelling see only what they label; tests of suggestions
    # (tests/gui/test_suggestions.py) turn the other mentions on.
    found.setValue("suggestions/mentions", "off")
    # The welcome strip on first start is tested on its own (tests/gui/test_first_hour.py).
    found.setValue("welcome/dismissed", True)
    return found


@pytest.fixture
def sample_db(tmp_path, seeds_dir):
    path = tmp_path / "sample.db"
    with Project.open(path) as project:
        project.import_records(read_paths([seeds_dir]))
    return path


@pytest.fixture
def window(qtbot, settings, sample_db):
    from tests.helpers.gui import open_window

    return open_window(qtbot, settings, sample_db)
