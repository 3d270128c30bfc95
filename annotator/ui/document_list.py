"""The document list: a table model that knows every row's document by its
position (no id list held) and fetches the page a row is on when the view
first shows it, so a project of 100,000 documents scrolls, and jumps to its
last document, as fast as to its first.

Sorted by a column (a click on its header: ascending, descending, then the
import order again) or narrowed to a language or to documents with or
without spans, the list holds the ids in order, read by a worker thread on
a read-only connection of its own: the window keeps working while 100,000
documents are sorted by their span counts, and shows the new order when it
is ready."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QT_TRANSLATE_NOOP,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

from annotator.core.document_query import SORT_KEYS, DocumentQuery
from annotator.core.model import Status
from annotator.core.row_positions import RowPositions
from annotator.store import Project
from annotator.store.document_order import languages_in_file, positions_in_file
from annotator.store.repository import DocumentRow
from annotator.ui.background import answer_in_background, deliver
from annotator.ui.first_paint import after_first_paint
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


class _OrderDelivery(QObject):
    """Carries a worker's result to the window's thread (a queued signal)."""

    ready = Signal(int, object)  # the request's number, its RowPositions or an error text
    languages = Signal(list)


class DocumentListModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("DocumentList", "Name"), QT_TRANSLATE_NOOP("DocumentList", "Lang"),
               QT_TRANSLATE_NOOP("DocumentList", "Status"), QT_TRANSLATE_NOOP("DocumentList", "Spans"))
    listChanged = Signal()  # the rows are those of the current query (after a worker's answer too)
    orderFailed = Signal(str)
    languagesFound = Signal(list)  # the project's languages, read by a worker after the list

    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self._project, self._annotator = project, annotator
        self._query = DocumentQuery()
        self._positions = RowPositions.of([])
        self._pages: OrderedDict[int, list[DocumentRow]] = OrderedDict()
        self._request = 0  # the newest request; a worker's answer to an older one is dropped
        self._delivery = _OrderDelivery(self)
        self._delivery.ready.connect(self._on_order_ready)
        self._delivery.languages.connect(self.languagesFound)
        self.reload()

    def find_languages(self) -> None:
        """The language filter's choices (``languagesFound``): reading every
        document's language of a big project takes a while, so a worker does
        it, once the list has been seen (it would compete with the first paint)."""
        if self._project.path is None:
            self.languagesFound.emit(self._project.document_languages())
            return
        path, delivery = Path(self._project.path), self._delivery

        def work() -> None:
            try:
                found = languages_in_file(path)
            except Exception:  # noqa: BLE001 (the filter keeps "All languages")
                return
            deliver(delivery.languages, found)

        QThreadPool.globalInstance().start(work)

    @property
    def query(self) -> DocumentQuery:
        return self._query

    def set_query(self, query: DocumentQuery) -> None:
        self._query = query
        self.reload()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort: by the column (-1: the import order)."""
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        self.set_query(replace(self._query, sort=key,
                               descending=order == Qt.SortOrder.DescendingOrder))

    def reload(self) -> None:
        self._request += 1
        if self._query.in_import_order or self._project.path is None:
            # Import order: the ids are one run, known in milliseconds.
            self._show(self._project.document_list_positions(self._annotator, self._query))
            return
        path, annotator, query = Path(self._project.path), self._annotator, self._query
        answer_in_background(self._delivery.ready, self._request,
                             lambda: positions_in_file(path, annotator, query))

    def _on_order_ready(self, request: int, positions: object) -> None:
        if request != self._request:
            return  # a newer query was asked for meanwhile
        if isinstance(positions, str):
            self.orderFailed.emit(positions)
            return
        self._show(positions)

    def _show(self, positions: RowPositions) -> None:
        self.beginResetModel()
        self._positions = positions
        self._pages.clear()
        self.endResetModel()
        self.listChanged.emit()

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
        if self._positions.ascending:  # import order: one id range
            page = self._project.document_rows_between(
                self._annotator, self._positions.id_at(first), self._positions.id_at(last),
                self._query.status)
        else:
            page = self._project.document_rows_of(self._annotator,
                                                   self._positions.ids_between(first, last))
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


SPAN_FILTERS = ((None, QT_TRANSLATE_NOOP("DocumentList", "Any spans")),
                (True, QT_TRANSLATE_NOOP("DocumentList", "With spans")),
                (False, QT_TRANSLATE_NOOP("DocumentList", "Without spans")))


class DocumentListWidget(QWidget):
    documentActivated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter = QComboBox()
        self.filter.setToolTip(
            QCoreApplication.translate("DocumentList", "Show the documents of one status"))
        self.filter.addItem(QCoreApplication.translate("DocumentList", "All documents"), None)
        for status, text in STATUS_TEXT.items():
            self.filter.addItem(QCoreApplication.translate("DocumentList", text).capitalize(),
                                status.value)
        self.language_filter = QComboBox()
        self.language_filter.setToolTip(
            QCoreApplication.translate("DocumentList", "Show the documents of one language"))
        self.language_filter.addItem(
            QCoreApplication.translate("DocumentList", "All languages"), None)
        self.span_filter = QComboBox()
        self.span_filter.setToolTip(
            QCoreApplication.translate("DocumentList", "Show the documents with spans, or without"))
        for value, text in SPAN_FILTERS:
            self.span_filter.addItem(QCoreApplication.translate("DocumentList", text), value)
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
        # Tab leaves the list (Shift+Tab reaches the filters): stepping from
        # cell to cell opened a document for each row it crossed.
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order
        header.setToolTip(QCoreApplication.translate(
            "DocumentList", "Click a column to sort by it; click again to reverse, "
                            "a third time for the import order"))
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in (self.filter, self.language_filter, self.span_filter):
            # Narrow when the list is: three filters must not widen the panel
            # at the text's expense (their lists open as wide as they need).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.model: DocumentListModel | None = None
        self._keep_document: int | None = None  # the document to select again after a reorder
        self._sort_actions = None  # View ▸ Sort Documents By, once built
        self._descending = None
        for combo in (self.filter, self.language_filter, self.span_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        header.sectionClicked.connect(self._on_header_clicked)

    def sizeHint(self) -> QSize:
        # Wide enough for a document name beside its language, status and count.
        hint = super().sizeHint()
        return QSize(max(hint.width(), PREFERRED_WIDTH), hint.height())

    def set_model(self, model: DocumentListModel) -> None:
        self.model = model
        # A new project's list starts in import order with every document.
        for combo in (self.filter, self.language_filter, self.span_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.set_languages([])
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._show_order()
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
        model.modelAboutToBeReset.connect(self._remember_current)
        model.listChanged.connect(self._select_remembered)
        model.languagesFound.connect(self.set_languages)
        after_first_paint(self.window(), model.find_languages, latest_ms=1000)

    def set_languages(self, languages: list[str]) -> None:
        """The language filter's choices: every language of the project."""
        chosen = self.language_filter.currentData()
        self.language_filter.blockSignals(True)
        while self.language_filter.count() > 1:
            self.language_filter.removeItem(1)
        for lang in languages:
            self.language_filter.addItem(lang, lang)
        at = self.language_filter.findData(chosen)
        self.language_filter.setCurrentIndex(max(at, 0))
        self.language_filter.blockSignals(False)

    def select_document(self, document_id: int) -> None:
        if self.model is None:
            return
        row = self.model.row_of(document_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document_id = self.model.document_id(current.row()) if self.model else None
        if document_id is not None and document_id != self._keep_document:
            self.documentActivated.emit(document_id)

    def _remember_current(self) -> None:
        """Before the rows change: the open document, to select it again where
        it lands (a reorder is not a choice of another document)."""
        if self.model is not None:
            self._keep_document = self.model.document_id(self.table.currentIndex().row())

    def _select_remembered(self) -> None:
        keep, self._keep_document = self._keep_document, None
        row = self.model.row_of(keep) if keep is not None and self.model is not None else -1
        if row < 0:
            self.table.scrollToTop()  # the open document is filtered out: start at the top
            return
        self._keep_document = keep  # selecting it again opens nothing
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._keep_document = None

    def _on_filter_changed(self) -> None:
        if self.model is not None:
            status = self.filter.currentData()
            self.model.set_query(replace(
                self.model.query, status=Status(status) if status else None,
                lang=self.language_filter.currentData(), labelled=self.span_filter.currentData()))

    def build_sort_menu(self, menu) -> None:
        """The keyboard's way to the header clicks: View ▸ Sort Documents By."""
        from PySide6.QtGui import QAction, QActionGroup

        group = QActionGroup(menu)
        self._sort_actions: dict[str | None, QAction] = {}
        for key, text in ((None, QT_TRANSLATE_NOOP("DocumentList", "&Import Order")),
                          ("name", QT_TRANSLATE_NOOP("DocumentList", "&Name")),
                          ("lang", QT_TRANSLATE_NOOP("DocumentList", "&Language")),
                          ("status", QT_TRANSLATE_NOOP("DocumentList", "&Status")),
                          ("spans", QT_TRANSLATE_NOOP("DocumentList", "Span &Count"))):
            action = menu.addAction(QCoreApplication.translate("DocumentList", text))
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, k=key: self.sort_by(k, self._descending.isChecked()))
            group.addAction(action)
            self._sort_actions[key] = action
        menu.addSeparator()
        self._descending = menu.addAction(QCoreApplication.translate("DocumentList", "&Descending"))
        self._descending.setCheckable(True)
        self._descending.triggered.connect(
            lambda on: self.sort_by(self.model.query.sort if self.model else None, on))
        self._sort_actions[None].setChecked(True)

    def sort_by(self, key: str | None, descending: bool = False) -> None:
        """Sort the list by ``key`` (one of SORT_KEYS; None: the import order)."""
        if self.model is None:
            return
        column = SORT_KEYS.index(key) if key is not None else -1
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.model.sort(column, order)
        self._show_order()

    def _show_order(self) -> None:
        """The menu's checks follow the order, however it was chosen."""
        if self._sort_actions is None or self.model is None:
            return
        query = self.model.query
        self._sort_actions[query.sort].setChecked(True)
        self._descending.setChecked(query.descending)

    def _on_header_clicked(self, column: int) -> None:
        """Ascending, then descending, then the import order again."""
        if self.model is None:
            return
        query = self.model.query
        key = SORT_KEYS[column]
        if query.sort != key:
            self.sort_by(key)
        elif not query.descending:
            self.sort_by(key, descending=True)
        else:
            self.sort_by(None)
