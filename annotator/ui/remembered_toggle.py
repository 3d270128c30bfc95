"""A checkable menu entry whose state is kept in the settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction


def remembered_toggle(parent, text: str, settings: QSettings, key: str, default: bool,
                      apply: Callable[[bool], None]) -> QAction:
    """An action checked as ``key`` says (``default`` the first time) that
    calls ``apply`` now and on every change, and remembers the change."""
    action = QAction(text, parent)
    action.setCheckable(True)
    value = settings.value(key, default)
    checked = value in (True, "true") if not isinstance(value, bool) else value
    action.setChecked(checked)
    apply(checked)

    def changed(on: bool) -> None:
        settings.setValue(key, on)
        apply(on)

    action.toggled.connect(changed)
    return action
