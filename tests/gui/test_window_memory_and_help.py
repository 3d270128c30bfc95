"""The window reopens on the last document of each project; F1 shows the
keys as a table made from the real actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from annotator.store import Project
from annotator.ui.keyboard_help import KeyboardHelpDialog, menu_actions
from annotator.ui.main_window import MainWindow
from tests.helpers.gui import caret_point, drag, open_document

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


def _reopen(qtbot, settings, path):
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert window.open_project(path)
    return window


def test_the_window_reopens_on_the_document_last_worked_on_per_project(
        qtbot, window, settings, sample_db, tmp_path):
    open_document(window, POLISH)
    window.close()
    again = _reopen(qtbot, settings, sample_db)
    assert again.editor.document.name == POLISH
    assert again.documents.table.currentIndex().row() == again.doc_model.row_of(again.editor.document.id)
    # Another project remembers its own (here: none yet, so its first document).
    other = tmp_path / "other.db"
    sample_db_bytes = sample_db.read_bytes()
    other.write_bytes(sample_db_bytes)
    again.close()
    third = _reopen(qtbot, settings, other)
    first = Project.open(other, create=False)
    assert third.editor.document.id == first.document_ids()[0]
    first.close()


def test_f1_lists_every_shortcut_of_the_menus_in_a_table(qtbot, window):
    from annotator.ui.layout_keys import own_shortcuts

    seen = {}

    def read_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, KeyboardHelpDialog):
            QTimer.singleShot(20, read_dialog)
            return
        table = dialog.table
        seen["rows"] = [(table.item(r, 0).text(), table.item(r, 1).text())
                        for r in range(table.rowCount())]
        dialog.reject()

    # After a label the Undo entry names its step; the help still says what the key does.
    doc = open_document(window, POLISH)
    start = doc.text.index("Tokajew")
    drag(window.view, caret_point(window.view, start, nudge=+2),
         caret_point(window.view, start + len("Tokajew"), nudge=-1))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.undo_action.text() == "&Undo Add PERSON"
    QTimer.singleShot(0, read_dialog)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    rows = dict(seen["rows"])
    # Every action with a shortcut is there, with its real keys.
    for action in menu_actions(window.menuBar()):
        keys = " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                           for k in own_shortcuts(action))  # not the Arabic layout's too
        if keys:
            assert keys in rows, action.text()
    assert rows["Ctrl+Z"] == "Undo the last step"
    assert rows["Ctrl+Return"] == "Mark Done / Not Done"
    assert "1 … 9" in rows and "Alt + drag" in rows
