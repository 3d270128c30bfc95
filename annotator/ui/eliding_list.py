"""A list whose long lines are shortened in the middle to the list's width,
the full text kept as the tooltip, instead of scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

FULL_TEXT = Qt.ItemDataRole.UserRole + 1
MARGIN = 12  # item padding and frame


class ElidingList(QListWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def add_line(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem()
        self.addItem(item)
        self.set_line(item, text)
        return item

    def set_line(self, item: QListWidgetItem, text: str) -> None:
        item.setData(FULL_TEXT, text)
        item.setToolTip(text)
        item.setText(self._elided(text))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for row in range(self.count()):
            item = self.item(row)
            full = item.data(FULL_TEXT)
            if full is not None:
                item.setText(self._elided(full))

    def _elided(self, text: str) -> str:
        width = max(20, self.viewport().width() - MARGIN)
        metrics = self.fontMetrics()
        return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width)
                         for line in text.split("\n"))
