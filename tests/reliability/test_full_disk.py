"""A full disk during an edit: the window says so, the edit is not shown as
done, nothing saved before is lost, and the window keeps working once there
is room again. The disk is a real, tiny tmpfs."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

from PySide6.QtCore import Qt

from tests.helpers.gui import open_document, stored_spans
from tests.reliability.gui_helpers import label_phrase

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


def fill(folder) -> None:
    """Write until the disk takes no more."""
    with open(folder / "filler", "wb", buffering=0) as out:
        try:
            while True:
                out.write(bytes(512))
        except OSError:
            pass


def test_a_full_disk_during_an_edit_shows_an_error_and_loses_nothing(
        qtbot, settings, sample_db, tmp_path, mount_point, shown):
    from annotator.ui.main_window import MainWindow

    size = sample_db.stat().st_size
    # Room for the first edit: a few pages of the write-ahead log (32 KB each) and its index.
    disk = mount_point(tmp_path / "tiny", "-t", "tmpfs", "-o", f"size={size + 1024 * 1024}", "tmpfs")
    path = disk / "project.db"
    shutil.copy(sample_db, path)
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert window.open_project(path)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    doc = open_document(window, POLISH)
    label_phrase(window, qtbot, "Xi Jinping")
    saved = stored_spans(window.project, doc.id)
    assert len(saved) == 1 and shown == []

    # Each commit is checkpointed into the file, and the log's room is used
    # again: truncated, the log must grow for the next edit, on a full disk.
    with closing(sqlite3.connect(path)) as other:  # a connection of the test's own
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    fill(disk)
    label_phrase(window, qtbot, "Tokajew", Qt.Key.Key_1)
    assert len(shown) == 1 and "full" in shown[0]
    assert "Not saved" in window.statusBar().currentMessage()
    assert [(s.start, s.end, s.label) for s in window.view.spans] == saved
    assert window.span_list.span_model.rowCount() == 1
    assert stored_spans(window.project, doc.id) == saved

    (disk / "filler").unlink()
    label_phrase(window, qtbot, "Tokajew", Qt.Key.Key_1)
    assert len(shown) == 1 and len(stored_spans(window.project, doc.id)) == 2
    window.close()
