"""Keyboard help as a table: keys on the left, what they do on the right.

The main window's rows come from its real actions (their shortcuts and menu
texts), so the help cannot drift from the keys; keys that are not actions
(label keys, Tab in the text) are listed beside them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
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

from annotator.ui.layout_keys import own_shortcuts

# Keys handled by the text view itself, not by menu actions.
TEXT_KEYS = [
    (QT_TRANSLATE_NOOP("KeyboardHelp", "1 … 9"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Label the selection with that label, or relabel the selected span")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Alt+1 … 9"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Relabel every mention of the selected span's entity")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Drag, double-click, Shift+arrows"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Select text; a selection snaps to whole words")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Alt + drag"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Select exact letters for one selection")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Click a span"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Select it")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Tab / Shift+Tab"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Next / previous span")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Delete or Backspace"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Remove the selected span")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Escape"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Clear the selection")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Return / Shift+Return (in Find)"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "Next / previous match; Escape goes back to the text")),
]


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action that has a shortcut, from its real
    shortcuts and menu text (without the & of its mnemonic)."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in own_shortcuts(action)]
        keys = [k for k in keys if k]
        if keys:
            # An action whose text follows the state (Undo names its step) says what it does in help_text.
            what = action.property("help_text") or action.text()
            what = what.replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((QCoreApplication.translate("KeyboardHelp", " or ").join(keys),
                         what.rstrip("…").rstrip(".")))
    return rows


def key_table(rows: list[tuple[str, str]]) -> QTableWidget:
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels([QCoreApplication.translate("KeyboardHelp", "Keys"),
                                     QCoreApplication.translate("KeyboardHelp", "Does")])
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
        self.setWindowTitle(self.tr("Keyboard"))
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
    translate = QCoreApplication.translate
    text_keys = [(translate("KeyboardHelp", keys), translate("KeyboardHelp", what))
                 for keys, what in TEXT_KEYS]
    return text_keys + action_rows(menu_actions(menu_bar))

