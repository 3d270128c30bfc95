"""Guidelines in the window: F2 shows every label's, Project ▸ Labels edits
one, and the palette's tooltip shows it next to the label."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from annotator.core.model import Guideline
from annotator.store import Project
from annotator.ui.guideline_editor import GuidelineEditor
from annotator.ui.guidelines_view import GuidelinesDialog
from annotator.ui.labels_dialog import LabelsDialog
from tests.helpers.gui import type_text


def test_f2_while_annotating_shows_every_labels_guideline_as_plain_text(qtbot, window):
    window.project.set_guideline(Guideline("ORG", "Not <b>bold</b> & kept", ("شينخوا",)))
    window.refresh_labels()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    dialog = window.guidelines_dialog
    assert isinstance(dialog, GuidelinesDialog) and dialog.isVisible()
    shown = dialog.browser.toPlainText()
    for name in ("Person (PERSON)", "Organization (ORG)", "Date (DATE)", "Initiative (INITIATIVE)"):
        assert name in shown
    assert "اليوم (الأربعاء)" in shown and "30 عاما" in shown
    assert "Not <b>bold</b> & kept" in shown  # the user's text, not markup
    # Not modal: the text keeps taking keys while it is open.
    assert QApplication.activeModalWidget() is None


def _when_modal(kind, then):
    """Run ``then(dialog)`` once a modal dialog of this kind is up."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, poll)
            return
        then(dialog)
    QTimer.singleShot(0, poll)


def test_a_guideline_edited_in_the_labels_dialog_is_saved_and_shown_in_the_palette(
        qtbot, window, sample_db):
    def edit_guideline(editor: GuidelineEditor):
        editor.definition.setFocus()
        qtbot.keyClick(editor.definition, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(editor.definition, "Dates only <i>as written</i>")
        editor.examples.setFocus()
        qtbot.keyClick(editor.examples, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(editor.examples, Qt.Key.Key_Return)
        type_text(editor.examples, "صباح اليوم")
        ok = editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    def in_labels(dialog: LabelsDialog):
        date_row = next(i for i in range(dialog.list.count())
                        if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == "DATE")
        dialog.list.setCurrentRow(date_row)
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Guideline…")
        _when_modal(GuidelineEditor, edit_guideline)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        # back in the Labels dialog once the editor closed
        assert dialog.list.currentItem().toolTip().endswith("Dates only &lt;i&gt;as written&lt;/i&gt;</qt>")
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)

    _when_modal(LabelsDialog, in_labels)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    with Project.open(sample_db, create=False, read_only=True) as saved:
        date = saved.guideline("DATE")
    assert date.definition == "Dates only <i>as written</i>"
    assert date.examples[-1] == "صباح اليوم" and "اليوم (الأربعاء)" in date.examples
    # The palette's button for DATE carries it in its tooltip, escaped.
    button = next(b for b in window.palette.buttons if "Date" in b.text())
    tip = button.toolTip()
    assert "DATE: press 3" in tip and ">✓ أمس الثلاثاء</p>" in tip
    assert "Dates only &lt;i&gt;as written&lt;/i&gt;" in tip and "صباح اليوم" in tip
    # And the F2 window shows the new text.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert "Dates only <i>as written</i>" in window.guidelines_dialog.browser.toPlainText()
