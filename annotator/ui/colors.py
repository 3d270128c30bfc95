"""Label colours as Qt colours."""

from __future__ import annotations

from PySide6.QtGui import QColor


def label_color(hex_color: str, alpha: int = 255) -> QColor:
    color = QColor(hex_color)
    if not color.isValid():
        color = QColor("#cccccc")
    color.setAlpha(alpha)
    return color


def selected_color(hex_color: str) -> QColor:
    return label_color(hex_color).darker(135)
