"""The document list: a table model that knows every row's document by its
position (no id list held) and fetches the page a row is on when the view
first shows it, so a project of 100,000 documents scrolls, and jumps to its
last document, as fast as to its first."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSize, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from annotator.core.model import Status
from annotator.core.row_positions import RowPositions
from annotator.store import Project
from annotator.store.repository import DocumentRow
from annotator.ui.plain_text import escaped_rich_text
from annotator.ui.row_table import RowTable

PAGE_SIZE = 200
PAGES_KEPT = 64  # pages held at once; the rest are read again when shown
PREFERRED_WIDTH = 340  # pixels, before the user moves the panel
STATUS_TEXT = {Status.TODO: QT_TRANSLATE_NOOP("DocumentList", "to do"),
               Status.IN_PROGRESS: QT_TRANSLATE_NOOP("DocumentList", "in progress"),
               Status.DONE: QT_TRANSLATE_NOOP("DocumentList", "done")}


_DISPLAY, _TOOLTIP, _USER = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _USER})


class DocumentListModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("DocumentList", "Name"), QT_TRANSLATE_NOOP("DocumentList", "Lang"),
               QT_TRANSLATE_NOOP("DocumentList", "Status"), QT_TRANSLATE_NOOP("DocumentList", "Spans"))

    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self._project, self._annotator = project, annotator
        self._status: Status | None = None
        self._positions = RowPositions.of([])
        self._pages: OrderedDict[int, list[DocumentRow]] = OrderedDict()
        self.reload()

    def set_status_filter(self, status: Status | None) -> None:
        self._status = status
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._positions = self._project.document_positions(self._annotator, self._status)
        self._pages.clear()
        self.endResetModel()

    def recount(self) -> None:
        """Spans were written to many documents at once (bulk proposals): the
        rows are read again when shown, the rows and selection staying."""
        self._pages.clear()
        if len(self._positions):
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._positions) - 1, 3))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._positions)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    # Every row is there from the start; pages are read as rows are shown.
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return False

    def fetchMore(self, parent=QModelIndex()) -> None:
        return None

    def pages_read(self) -> list[int]:
        """The pages held now, oldest first."""
        return list(self._pages)

    def _page(self, number: int) -> list[DocumentRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        first = number * PAGE_SIZE
        last = min(len(self._positions), first + PAGE_SIZE) - 1
        page = self._project.document_rows_between(
            self._annotator, self._positions.id_at(first), self._positions.id_at(last),
            self._status)
        self._pages[number] = page
        if len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)
        return page

    def row(self, row: int) -> DocumentRow | None:
        if not 0 <= row < len(self._positions):
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        # A page shorter than expected: the file changed under the list.
        return page[offset] if offset < len(page) else None

    def data(self, index: QModelIndex, role=_DISPLAY):
        # The view asks each cell for a dozen roles: the others end here, at once.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == _DISPLAY:
            status = QCoreApplication.translate("DocumentList", STATUS_TEXT[row.status])
            return (row.name, row.lang, status, span_count_text(row))[index.column()]
        if role == _TOOLTIP:
            return escaped_rich_text(f"{row.name} ({row.direction.value})")
        return row.id  # UserRole

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("DocumentList", self.COLUMNS[section])
        return None

    def row_of(self, document_id: int) -> int:
        """The row of a document, without reading any page; -1 if filtered out."""
        return self._positions.position_of(document_id)

    def document_id(self, row: int) -> int | None:
        return self._positions.id_at(row) if 0 <= row < len(self._positions) else None

    def update_document(self, document_id: int, status: Status, span_count: int,
                        suggestion_count: int = 0) -> None:
        """A document's status and span count changed: its row shows them
        (a row that moved out of the filter stays until the list reloads)."""
        i = self.row_of(document_id)
        page = self._pages.get(i // PAGE_SIZE) if i >= 0 else None
        if page is None:
            return  # read fresh when shown
        for n, row in enumerate(page):
            if row.id == document_id:
                page[n] = replace(row, status=status, span_count=span_count,
                                  suggestion_count=suggestion_count)
                self.dataChanged.emit(self.index(i, 2), self.index(i, 3))
                return


def span_count_text(row: DocumentRow) -> int | str:
    """The labels of a document, and its open suggestions after them: "3 (+5)"."""
    if row.suggestion_count:
        return f"{row.span_count} (+{row.suggestion_count})"
    return row.span_count


class DocumentListWidget(QWidget):
    documentActivated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter = QComboBox()
        self.filter.addItem(QCoreApplication.translate("DocumentList", "All documents"), None)
        for status, text in STATUS_TEXT.items():
            self.filter.addItem(QCoreApplication.translate("DocumentList", text).capitalize(), status.value)
        self.table = RowTable()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # Rows of one height: the view places 100,000 of them without asking each.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        # Names share their beginnings (ar-2022-...): keep both ends in sight.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.model: DocumentListModel | None = None
        self.filter.currentIndexChanged.connect(self._on_filter_changed)

    def sizeHint(self) -> QSize:
        # Wide enough for a document name beside its language, status and count.
        hint = super().sizeHint()
        return QSize(max(hint.width(), PREFERRED_WIDTH), hint.height())

    def set_model(self, model: DocumentListModel) -> None:
        self.model = model
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Widths from the longest text a column can hold, not from its rows:
        # sizing by contents reads every row while the view has no height yet.
        metrics = self.table.fontMetrics()
        # Texts as shown: translated, and a span count with its open suggestions.
        statuses = [QCoreApplication.translate("DocumentList", t) for t in STATUS_TEXT.values()]
        widest = {1: ["und"], 2: statuses, 3: ["000 (+000)"]}
        for column, texts in widest.items():
            texts.append(model.headerData(column, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + 12)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def select_document(self, document_id: int) -> None:
        if self.model is None:
            return
        row = self.model.row_of(document_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document_id = self.model.document_id(current.row()) if self.model else None
        if document_id is not None:
            self.documentActivated.emit(document_id)

    def _on_filter_changed(self) -> None:
        if self.model is not None:
            value = self.filter.currentData()
            self.model.set_status_filter(Status(value) if value else None)
