"""Work that waits for a window's first paint: what the annotator does not
see (the check of the whole file, the backup, loading the lemmatizer, writing
the settings file) must not hold back the first sight of the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QWidget

# A window that does not paint (started minimized) gets the work after this.
LATEST_MS = 3000


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, work: Callable[[], None], latest_ms: int):
        super().__init__(window)
        self.window, self.work = window, work
        window.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint is on the screen
        return False

    def _run(self) -> None:
        if self.work is None:
            return
        work, self.work = self.work, None
        self.window.removeEventFilter(self)
        self.deleteLater()
        work()


def after_first_paint(window: QWidget, work: Callable[[], None],
                      latest_ms: int = LATEST_MS) -> None:
    """Call ``work`` once, from the event loop, when ``window`` has painted
    (or ``latest_ms`` after this call, if it has not)."""
    _FirstPaint(window, work, latest_ms)


class _HeldWrites(QObject):
    def eventFilter(self, watched, event) -> bool:
        # QSettings writes its file (and waits for the disk) on this event.
        return event.type() == QEvent.Type.UpdateRequest


def write_settings_after_first_paint(settings: QSettings, window: QWidget) -> None:
    """Keep ``settings`` from writing its file until ``window`` has painted.
    Values set meanwhile read back at once; the file gets them right after
    the paint (or when ``settings`` goes away, as Qt writes then too)."""
    held = _HeldWrites(settings)
    settings.installEventFilter(held)

    def release() -> None:
        settings.removeEventFilter(held)
        held.deleteLater()
        settings.sync()

    after_first_paint(window, release)
