"""Helpers for window tests: open a document, send real mouse and key events,
read back what the project file holds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.helpers.files import annotator_names, span_table, status_table  # noqa: F401


def open_window(qtbot, settings, path, annotator: str = "alice", active: bool = True):
    """The main window on ``path``, shown at 1000 x 700; ``active``: waits
    until it has the focus, so that its shortcuts work."""
    from annotator.ui.main_window import MainWindow

    window = MainWindow(settings, annotator)
    qtbot.addWidget(window)
    assert window.open_project(path)
    window.resize(1000, 700)
    window.show()
    if active:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    else:
        qtbot.waitExposed(window)
    return window


def open_document(window, name: str):
    doc = window.project.document_by_name(name)
    window.documents.select_document(doc.id)
    assert window.editor.document.id == doc.id
    window.view.setFocus()
    return doc


def caret_point(view, index: int, nudge: int = 0) -> QPoint:
    """The middle of the caret at a code-point index, in viewport coordinates,
    moved ``nudge`` pixels sideways."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._map.to_utf16(index))
    rect = view.cursorRect(cursor)
    return QPoint(rect.center().x() + nudge, rect.center().y())


def _mouse(widget, kind, point: QPoint, button, buttons,
           modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QMouseEvent(kind, QPointF(point), QPointF(widget.mapToGlobal(point)), button, buttons,
                        modifiers)
    QApplication.sendEvent(widget, event)


def drag(view, start: QPoint, end: QPoint, steps: int = 8,
         modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real press, moves with the button held, and release on the viewport
    (``modifiers``, such as Alt, held throughout)."""
    target = view.viewport()
    left = Qt.MouseButton.LeftButton
    _mouse(target, QEvent.Type.MouseButtonPress, start, left, left, modifiers)
    for step in range(1, steps + 1):
        point = start + (end - start) * step / steps
        _mouse(target, QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, left, modifiers)
    _mouse(target, QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton, modifiers)


def glyph_box(view, start: int, end: int):
    """The viewport rectangle of the characters ``[start, end)`` on the line
    where they begin (a word: its letters, without the gaps around it)."""
    from annotator.core.model import Span

    rects = view.span_rects(Span(start, end, ""))
    return rects[0] if rects else None


def type_text(widget, text: str) -> None:
    """Real key events carrying each character (QTest's key clicks take ASCII only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def stored_spans(project, doc_id, annotator="alice"):
    return [(s.start, s.end, s.label) for s in project.spans(doc_id, annotator)]
