"""Project ▸ Labels: add, rename, recolour and reorder the project's labels,
and edit each one's guideline. Each change is saved at once."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from annotator.store import Project, ProjectError
from annotator.ui.colors import label_color
from annotator.ui.label_colors import LabelColors
from annotator.ui.plain_text import escaped_rich_text, show_message

LABEL_KEY = re.compile(r"^[A-Za-z0-9_\-\u0600-\u06FF]+$")


class LabelsDialog(QDialog):
    def __init__(self, project: Project, parent=None, colors: LabelColors | None = None):
        """``colors``: the window's label colours, so that each label shows as
        the text shows it and a colour picked is seen there at once."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Labels"))
        self.project = project
        self.colors = colors
        self.list = QListWidget()
        buttons = QVBoxLayout()
        for text, slot in ((self.tr("&Add…"), self._on_add), (self.tr("&Rename…"), self._on_rename),
                           (self.tr("&Colour…"), self._on_colour), (self.tr("&Guideline…"), self._on_guideline),
                           (self.tr("Move &Up"), lambda: self._on_move(-1)),
                           (self.tr("Move &Down"), lambda: self._on_move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self._fill()

    def _fill(self, select: str | None = None) -> None:
        self.list.clear()
        guidelines = self.project.guidelines()
        labels = self.project.labels()
        for index, label in enumerate(self.colors.recolor(labels) if self.colors else labels):
            key = f"{index + 1}  " if index < 9 else "   "
            item = QListWidgetItem(f"{key}{label.name}  ({label.key})")
            item.setData(Qt.ItemDataRole.UserRole, label.key)
            item.setBackground(label_color(label.color))
            definition = guidelines[label.key].definition
            if definition:
                item.setToolTip(escaped_rich_text(definition))
            self.list.addItem(item)
            if label.key == select:
                self.list.setCurrentItem(item)

    def _current_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_add(self) -> None:
        key, ok = QInputDialog.getText(self, self.tr("New label"), self.tr("Key (as exported, e.g. LOC):"))
        key = key.strip().upper()
        if not ok or not key:
            return
        if not LABEL_KEY.match(key):
            QMessageBox.warning(self, self.tr("New label"), self.tr("A key holds letters, digits, - and _ only."))
            return
        try:
            self.project.add_label(key)
        except ProjectError as error:
            show_message(self, QMessageBox.Icon.Warning, self.tr("New label"), str(error))
            return
        self._fill(select=key)

    def _on_rename(self) -> None:
        key = self._current_key()
        if key is None:
            return
        current = next(l.name for l in self.project.labels() if l.key == key)
        name, ok = QInputDialog.getText(self, self.tr("Rename label"), escaped_rich_text(self.tr("Name shown for {0}:").format(key)), text=current)
        if ok and name.strip():
            self.project.update_label(key, name=name.strip())
            self._fill(select=key)

    def _on_colour(self) -> None:
        key = self._current_key()
        if key is None:
            return
        labels = self.project.labels()
        shown = self.colors.recolor(labels) if self.colors else labels
        current = next(l.color for l in shown if l.key == key)
        colour = QColorDialog.getColor(QColor(current), self, self.tr("Colour of {0}").format(key))
        if colour.isValid():
            self.project.update_label(key, color=colour.name())  # for everyone's project colours
            if self.colors is not None:
                self.colors.choose(key, colour.name())  # and shown so here, whatever the palette
            self._fill(select=key)

    def _on_guideline(self) -> None:
        key = self._current_key()
        if key is not None:
            from annotator.ui.guideline_editor import GuidelineEditor

            GuidelineEditor(self.project, key, self).exec()
            self._fill(select=key)

    def _on_move(self, step: int) -> None:
        key = self._current_key()
        keys = [l.key for l in self.project.labels()]
        if key is None:
            return
        i = keys.index(key)
        j = i + step
        if 0 <= j < len(keys):
            keys[i], keys[j] = keys[j], keys[i]
            self.project.reorder_labels(keys)
            self._fill(select=key)
