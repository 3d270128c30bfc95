"""A list whose long lines are shortened in the middle to the list's width,
the full text kept as the tooltip, instead of scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate

MARGIN = 12  # item padding and frame
_LINE = "\u2028"


class _ElidingDelegate(QStyledItemDelegate):
    """Each line of an item shortened in its middle as it is painted (Qt
    elides one-line text only): only the rows in sight are measured, where
    shortening every item at each resize took seconds in a review of
    thousands of documents."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        width = max(20, option.rect.width() - MARGIN)
        metrics = option.fontMetrics
        # Qt's display text has its line breaks as U+2028, LINE SEPARATOR.
        lines = option.text.replace("\n", _LINE).split(_LINE)
        option.text = _LINE.join(metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width)
                                 for line in lines)


class ElidingList(QListWidget):
    def __init__(self, parent=None, uniform: bool = False):
        """``uniform``: every item has as many lines (a long list is laid
        out without measuring each row)."""
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUniformItemSizes(uniform)
        self.setItemDelegate(_ElidingDelegate(self))

    def add_line(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem()
        self.set_line(item, text)
        self.addItem(item)
        return item

    def set_line(self, item: QListWidgetItem, text: str) -> None:
        item.setToolTip(text)
        item.setText(text)
