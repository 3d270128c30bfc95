"""Whole words or exact letters: the selection mode, its menu entry, its
place in the status bar and its remembered setting."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

SETTING = "selection/exact"
WORDS_TEXT = "Selection: whole words (hold Alt for exact letters)"
EXACT_TEXT = "Selection: exact letters"


class SelectionMode(QObject):
    def __init__(self, view, settings: QSettings, parent=None):
        super().__init__(parent)
        self._view, self._settings = view, settings
        self.action = QAction("E&xact Selection (letter by letter)", parent)
        self.action.setCheckable(True)
        self.action.setToolTip("Select exact letters instead of whole words; "
                               "Alt while dragging does it for one selection")
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
        self.label.setText(EXACT_TEXT if exact else WORDS_TEXT)
