"""Key presses the reliability window tests share."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt

from tests.helpers.gui import caret_point, drag


def label_phrase(window, qtbot, phrase: str, key=Qt.Key.Key_1) -> None:
    """Drag across ``phrase`` in the open document and press a label key."""
    view, text = window.view, window.editor.document.text
    start = text.index(phrase)
    drag(view, caret_point(view, start, -1), caret_point(view, start + len(phrase), 1))
    qtbot.keyClick(view, key)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
