"""A window's first size: what it would like, but never larger than the
screen it opens on (a 1366 x 768 laptop cuts off a 1200 x 800 window)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# The frame (title bar, borders) is not known before the window shows: leave room for it.
FRAME_WIDTH, FRAME_HEIGHT = 16, 48


def fit_to_available_screen(window: QWidget, preferred: tuple[int, int], parent=None) -> None:
    """Resize ``window`` to ``preferred`` or the available screen, whichever is
    smaller, and centre it there."""
    screen = (parent.screen() if parent is not None else None) or window.screen()
    area = screen.availableGeometry()
    width = min(preferred[0], area.width() - FRAME_WIDTH)
    height = min(preferred[1], area.height() - FRAME_HEIGHT)
    window.resize(width, height)
    window.move(area.left() + (area.width() - width) // 2, area.top() + (area.height() - height) // 2)
