"""Keyboard help as a table: keys on the left, what they do on the right.

The main window's rows come from its real actions (their shortcuts and menu
texts), so the help cannot drift from the keys; keys that are not actions
(label keys, Tab in the text) are listed beside them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

# Keys handled by the text view itself, not by menu actions.
TEXT_KEYS = [
    ("1 … 9", "Label the selection with that label, or relabel the selected span"),
    ("Alt+1 … 9", "Relabel every mention of the selected span's entity"),
    ("Drag, double-click, Shift+arrows", "Select text; a selection snaps to whole words"),
    ("Alt + drag", "Select exact letters for one selection"),
    ("Click a span", "Select it"),
    ("Tab / Shift+Tab", "Next / previous span"),
    ("Delete or Backspace", "Remove the selected span"),
    ("Escape", "Clear the selection"),
    ("Return / Shift+Return (in Find)", "Next / previous match; Escape goes back to the text"),
]


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action that has a shortcut, from its real
    shortcuts and menu text (without the & of its mnemonic)."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((" or ".join(keys), what.rstrip("…").rstrip(".")))
    return rows


def key_table(rows: list[tuple[str, str]]) -> QTableWidget:
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(["Keys", "Does"])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(True)
    for row, (keys, what) in enumerate(rows):
        # QTableWidgetItem text is always plain: a label named <b> stays as typed.
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(what))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
    return table


class KeyboardHelpDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent=None, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Keyboard")
        layout = QVBoxLayout(self)
        self.table = key_table(rows)
        layout.addWidget(self.table)
        if note:
            label = QLabel(note)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, min(720, 80 + 28 * (len(rows) + 2)))


def menu_actions(menu_bar) -> list[QAction]:
    """Every action of a menu bar, in menu order, submenus included."""
    found: list[QAction] = []

    def walk(actions):
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator():
                found.append(action)

    walk(menu_bar.actions())
    return found


def main_window_rows(menu_bar) -> list[tuple[str, str]]:
    return TEXT_KEYS + action_rows(menu_actions(menu_bar))

