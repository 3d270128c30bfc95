"""A table view whose selectRow works in a right-to-left window."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


class RowTable(QTableView):
    def selectRow(self, row: int) -> None:
        # QTableView.selectRow takes its column at the viewport's far edge when
        # the layout is right to left; before the table is laid out no column
        # is there, and nothing is selected. The current index selects the row
        # (rows are what this table selects).
        if self.model() is not None and 0 <= row < self.model().rowCount():
            self.setCurrentIndex(self.model().index(row, 0))
