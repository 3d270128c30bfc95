"""Work that waits for a window's first paint: what the annotator does not
see (the check of the whole file, the backup, loading the lemmatizer) must
not hold back the first sight of the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, work: Callable[[], None]):
        super().__init__(window)
        self.window, self.work = window, work
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # once this paint is on the screen
        return False

    def _run(self) -> None:
        self.deleteLater()
        self.work()


def after_first_paint(window: QWidget, work: Callable[[], None]) -> None:
    """Call ``work`` from the event loop once ``window`` has painted."""
    _FirstPaint(window, work)
