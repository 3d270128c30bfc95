"""Opening a big project file of an older version upgrades it, which takes
seconds: a note says so on screen while it runs, and is gone after."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from annotator.store import session
from annotator.store.repository import Project
from annotator.store.schema import SCHEMA_VERSION
from tests.helpers.gui import open_window
from tests.helpers.old_schema import ONE_DOCUMENT, PERSON_LABEL, write_file_at_schema


def notices_on_screen() -> list[str]:
    return [w.labelText() for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


@pytest.fixture
def seen_during_upgrade(monkeypatch):
    """The notes on screen while the file's schema changes."""
    seen: list[list[str]] = []
    migrate = Project._migrate

    def watched(self, version):
        seen.append(notices_on_screen())
        return migrate(self, version)

    monkeypatch.setattr(Project, "_migrate", watched)
    monkeypatch.setattr(session, "UPGRADE_NOTICE_BYTES", 0)  # the test files are small
    return seen


def test_a_note_is_on_screen_while_an_old_file_is_upgraded(qtbot, settings, tmp_path,
                                                          seen_during_upgrade):
    path = tmp_path / "old-project.db"
    write_file_at_schema(path, SCHEMA_VERSION - 1, ONE_DOCUMENT + PERSON_LABEL)
    window = open_window(qtbot, settings, path)
    [notes] = seen_during_upgrade
    assert len(notes) == 1 and "Upgrading old-project.db" in notes[0]
    assert notices_on_screen() == []
    assert window.editor.document.name == "d"
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_no_note_for_a_file_of_this_version(qtbot, settings, tmp_path, seen_during_upgrade):
    path = tmp_path / "new.db"
    Project.open(path).close()
    seen_during_upgrade.clear()  # the file's making
    window = open_window(qtbot, settings, path)
    assert seen_during_upgrade == []
    announced: list = []
    Project.open(path, read_only=True, on_upgrade=announced.append).close()
    assert announced == []  # the store announces no upgrade for a file of this version
    assert window.project is not None
