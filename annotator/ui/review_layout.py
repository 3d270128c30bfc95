"""The review window's size on the screen, and the question before settling
a document that still has open disagreements."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from annotator.ui.screen_fit import fit_to_available_screen

# Most of the width goes to the text; the side panels get these shares.
DOCUMENTS_SHARE = 0.18
DECIDE_SHARE = 0.24
PREFERRED = (1400, 900)
MIN_PANEL_WIDTH = 120


def fit_to_screen(window: QMainWindow, parent=None) -> None:
    """Size the window to the available screen, centre it there, and give
    the text most of the width."""
    fit_to_available_screen(window, PREFERRED, parent)
    share_width(window)


def share_width(window: QMainWindow) -> None:
    """Narrow side panels, the rest to the text (again once shown: docks
    take their sizes only then)."""
    width = window.width()
    docks = {dock.objectName(): dock for dock in window.findChildren(QDockWidget)}
    left, right = docks.get("Documents"), docks.get("Decide")
    if left is not None and right is not None:
        for dock in docks.values():
            # The charts would otherwise hold the right column at 300 pixels.
            dock.widget().setMinimumWidth(MIN_PANEL_WIDTH)
        window.resizeDocks([left, right], [int(width * DOCUMENTS_SHARE), int(width * DECIDE_SHARE)],
                           Qt.Orientation.Horizontal)


def confirm_settle(parent, name: str, waiting: int) -> bool:
    """Ask before marking a document settled while disagreements are open."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("ReviewWindow", text)

    question = (tr(QT_TRANSLATE_NOOP("ReviewWindow", "1 disagreement in {1} is still open.")) if waiting == 1
                else tr(QT_TRANSLATE_NOOP("ReviewWindow", "{0} disagreements in {1} are still open.")))
    box = QMessageBox(QMessageBox.Icon.Question, tr(QT_TRANSLATE_NOOP("ReviewWindow", "Settle with open disagreements?")),
                      question.format(waiting, name) + " " + tr(QT_TRANSLATE_NOOP(
                          "ReviewWindow", "The gold layer will lack whatever was not decided there."
                          "\n\nMark the document settled anyway?")),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_agreed(parent, name: str, missing: int) -> bool | None:
    """Ask, before settling, whether the spans every annotator agreed on and
    that gold lacks go in first: True (put them in), False (settle without
    them), None (not settled)."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("ReviewWindow", text)

    question = (tr(QT_TRANSLATE_NOOP("ReviewWindow", "1 span every annotator agreed on in {1} is not in gold."))
                if missing == 1 else
                tr(QT_TRANSLATE_NOOP("ReviewWindow", "{0} spans every annotator agreed on in {1} are not in gold.")))
    box = QMessageBox(QMessageBox.Icon.Question, tr(QT_TRANSLATE_NOOP("ReviewWindow", "Agreed spans not in gold")),
                      question.format(missing, name) + " " + tr(QT_TRANSLATE_NOOP(
                          "ReviewWindow", "Put them in gold before settling (as A does)?")),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Cancel:
        return None
    return answer == QMessageBox.StandardButton.Yes
