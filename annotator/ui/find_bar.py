"""Ctrl+F: find in the document, ignoring harakat, tatweel and hamza forms."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.search import find_all


class FindBar(QWidget):
    matchChosen = Signal(int, int)  # start, end in code points
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find (ignores harakat, tatweel and hamza forms)"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setText("▲")
        following.setText("▼")
        close.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, previous, following, self.count, close):
            layout.addWidget(widget)
        self._text = ""
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.returnPressed.connect(self._on_return_pressed)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)

    def set_text(self, text: str) -> None:
        self._text = text
        self._on_edit_text_changed(self.edit.text())

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _on_return_pressed(self) -> None:
        # Return steps forward, Shift+Return back (the line edit reports both).
        shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.step(-1 if shift else 1)

    def _on_edit_text_changed(self, query: str) -> None:
        self._matches = find_all(self._text, query) if query else []
        self._current = -1
        self.count.setText(self.tr("{0} found").format(len(self._matches)) if query else "")
        if self._matches:
            self.step(1)

    def step(self, direction: int) -> None:
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        self.count.setText(self.tr("{0} of {1}").format(self._current + 1, len(self._matches)))
        self.matchChosen.emit(*self._matches[self._current])
