"""The span list beside the text: label and text of every span."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from annotator.core.model import Direction, Span
from annotator.core.text import line_direction
from annotator.ui.colors import label_color
from annotator.ui.row_table import RowTable


RLM = "\u200f"


def _reads_right_to_left(text: str) -> bool:
    return line_direction(text, Direction.LTR) is Direction.RTL


def embedded(text: str) -> str:
    """Text quoted inside a left-to-right line keeps its own reading order."""
    return f"\u202b{text}\u202c" if _reads_right_to_left(text) else text


def suggestion_source(span: Span) -> str:
    """What the Source column says: why a suggestion was proposed (and how
    sure, when less than certain); nothing for a label."""
    if not span.is_suggestion:
        return ""
    source = embedded(span.reason) if span.reason else "suggested"
    return source if span.confidence >= 1 else f"{source} ({span.confidence:.0%})"


class SpanTableModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SpanList", "Label"), QT_TRANSLATE_NOOP("SpanList", "Text"),
               QT_TRANSLATE_NOOP("SpanList", "Source"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._spans: list[Span] = []
        self._text = ""
        self._colors: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def set_spans(self, text: str, spans: list[Span], colors: dict[str, str],
                  names: dict[str, str]) -> None:
        self.beginResetModel()
        self._text, self._spans = text, list(spans)
        self._colors, self._names = colors, names
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self._names.get(span.label, span.label)
            if index.column() == 2:
                return suggestion_source(span)
            text = span.text_in(self._text).replace("\n", " ")
            # A right-to-left mark makes the cell read "2 يونيو 2021" in its own order.
            return RLM + text if _reads_right_to_left(text) else text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            if _reads_right_to_left(span.text_in(self._text)):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.FontRole and span.is_suggestion:
            font = QFont()
            font.setItalic(True)  # proposed, not yet a label
            return font
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return label_color(self._colors.get(span.label, "#cccccc"))
        if role == Qt.ItemDataRole.UserRole:
            return span
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SpanList", self.COLUMNS[section])
        return None

    def row_of(self, span_id: int | None) -> int:
        return next((i for i, s in enumerate(self._spans) if s.id == span_id), -1)


class SpanListView(RowTable):  # selectRow that works right to left
    spanActivated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.span_model = SpanTableModel(self)
        self.setModel(self.span_model)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)

    def _on_clicked(self, index: QModelIndex) -> None:
        self.spanActivated.emit(self.span_model.data(index, Qt.ItemDataRole.UserRole))

    def show_selected(self, span: Span | None) -> None:
        row = self.span_model.row_of(span.id if span else None)
        if row >= 0:
            self.selectRow(row)
        else:
            self.clearSelection()
