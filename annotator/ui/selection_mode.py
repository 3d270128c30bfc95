"""Whole words or exact letters: the selection mode, its menu entry, its
place in the status bar and its remembered setting."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

SETTING = "selection/exact"
WORDS_TEXT = QT_TRANSLATE_NOOP("SelectionMode", "Selection: whole words (hold Alt for exact letters)")
EXACT_TEXT = QT_TRANSLATE_NOOP("SelectionMode", "Selection: exact letters")


class SelectionMode(QObject):
    def __init__(self, view, settings: QSettings, parent=None):
        super().__init__(parent)
        self._view, self._settings = view, settings
        self.action = QAction(self.tr("E&xact Selection (letter by letter)"), parent)
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr("Select exact letters instead of whole words; "
                                       "Alt while dragging does it for one selection"))
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        exact = settings.value(SETTING, False) in (True, "true")
        self.action.setChecked(exact)
        self._apply(exact)
        self.action.toggled.connect(self._on_toggled)

    def _on_toggled(self, exact: bool) -> None:
        self._settings.setValue(SETTING, exact)
        self._apply(exact)

    def _apply(self, exact: bool) -> None:
        self._view.word_snapping = not exact
        self.label.setText(self.tr(EXACT_TEXT if exact else WORDS_TEXT))
