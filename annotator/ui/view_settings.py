"""The text view's remembered settings (Edit ▸ Settings changes them), put on
a new window's view without loading the Settings dialog."""

from __future__ import annotations

from PySide6.QtCore import QSettings

FONT_FAMILY = "view/font_family"
LINE_SPACING = "view/line_spacing"
POINT_SIZE = "view/point_size"


def apply_view_settings(view, settings: QSettings) -> None:
    """The remembered font family and line spacing, on a new window's view."""
    family = settings.value(FONT_FAMILY)
    if family:
        view.set_font_family(str(family))
    spacing = settings.value(LINE_SPACING)
    if spacing is not None:
        view.set_line_spacing(int(spacing))
