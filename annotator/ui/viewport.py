"""A scroll area's viewport, wrapped without a search of every widget type."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

VIEWPORT_NAME = "qt_scrollarea_viewport"  # Qt's own name for it


def wrap_viewport(area: QAbstractScrollArea) -> QWidget:
    """``area``'s viewport, for the caller to keep. PySide wraps what
    ``viewport()`` returns by testing every QWidget subclass it knows, and
    so creates each one's type with its enums the first time (some forty
    classes at a start); ``findChild`` wraps it by its class name. While
    the wrapper lives, ``viewport()`` hands back the same one."""
    return area.findChild(QWidget, VIEWPORT_NAME) or area.viewport()
