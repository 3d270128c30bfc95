"""The document list: a table model that fetches rows a page at a time, so a
project of 100,000 documents scrolls without loading them all."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from annotator.core.model import Status
from annotator.store import Project
from annotator.store.repository import DocumentRow
from annotator.ui.plain_text import escaped_rich_text

PAGE_SIZE = 200
STATUS_TEXT = {Status.TODO: "to do", Status.IN_PROGRESS: "in progress", Status.DONE: "done"}


class DocumentListModel(QAbstractTableModel):
    COLUMNS = ("Name", "Lang", "Status", "Spans")

    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self._project, self._annotator = project, annotator
        self._status: Status | None = None
        self._rows: list[DocumentRow] = []
        self._total = 0
        self.reload()

    def set_status_filter(self, status: Status | None) -> None:
        self._status = status
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._project.document_count(self._annotator, self._status)
        self._rows = self._project.document_rows(self._annotator, 0, PAGE_SIZE, self._status)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        page = self._project.document_rows(self._annotator, len(self._rows), PAGE_SIZE, self._status)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.lang, STATUS_TEXT[row.status], row.span_count)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_rich_text(f"{row.name} ({row.direction.value})")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def row_of(self, document_id: int) -> int:
        """The row of a document, fetching pages until it is found; -1 if filtered out."""
        while True:
            for i, row in enumerate(self._rows):
                if row.id == document_id:
                    return i
            if not self.canFetchMore():
                return -1
            self.fetchMore()

    def document_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def update_document(self, document_id: int, status: Status, span_count: int) -> None:
        for i, row in enumerate(self._rows):
            if row.id == document_id:
                self._rows[i] = replace(row, status=status, span_count=span_count)
                self.dataChanged.emit(self.index(i, 2), self.index(i, 3))
                return


class DocumentListWidget(QWidget):
    documentActivated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter = QComboBox()
        self.filter.addItem("All documents", None)
        for status, text in STATUS_TEXT.items():
            self.filter.addItem(text.capitalize(), status.value)
        self.table = QTableView()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.model: DocumentListModel | None = None
        self.filter.currentIndexChanged.connect(self._on_filter_changed)

    def set_model(self, model: DocumentListModel) -> None:
        self.model = model
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def select_document(self, document_id: int) -> None:
        if self.model is None:
            return
        row = self.model.row_of(document_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document_id = self.model.document_id(current.row()) if self.model else None
        if document_id is not None:
            self.documentActivated.emit(document_id)

    def _on_filter_changed(self) -> None:
        if self.model is not None:
            value = self.filter.currentData()
            self.model.set_status_filter(Status(value) if value else None)
