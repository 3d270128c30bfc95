"""The span list beside the text: label and text of every span; grouped by
entity on request, each entity a row ("Tokajew: 3 mentions") above its
mentions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from annotator.core.model import Direction, Span, place_in_order, reading_order
from annotator.core.text import line_direction
from annotator.store.editing import Change, entity_name
from annotator.ui.colors import label_color
from annotator.ui.row_table import RowTable


RLM = "\u200f"
# More spans than this changed at once (a label's hundreds of proposed
# mentions) and the list is read again whole: one reset, not a row each.
MOST_ROWS_ONE_BY_ONE = 32


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
    source = embedded(reason_text(span.reason)) if span.reason else QCoreApplication.translate("SpanList", "suggested")
    return source if span.confidence >= 1 else f"{source} ({span.confidence:.0%})"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpanList", text)


# The reasons annotator/suggest stores, in English, shown in the interface's
# language; the quoted name is kept as written.
_REASONS = (
    (re.compile(r"mention of «(.*)»", re.S), QT_TRANSLATE_NOOP("SpanList", "mention of «{0}»")),
    (re.compile(r"variant of «(.*)»", re.S), QT_TRANSLATE_NOOP("SpanList", "variant of «{0}»")),
    (re.compile(r"short form of «(.*)»", re.S), QT_TRANSLATE_NOOP("SpanList", "short form of «{0}»")),
    (re.compile(r"date rule"), QT_TRANSLATE_NOOP("SpanList", "date rule")),
    (re.compile(r"gazetteer"), QT_TRANSLATE_NOOP("SpanList", "gazetteer")),
)


def reason_text(reason: str) -> str:
    """A stored reason in the interface's language; one of no known form as
    stored. The quoted name is isolated (FSI ... PDI): an Arabic name read
    into what follows it, and «وانغ يي» (85%) showed as «(%85) «وانغ يي."""
    for pattern, text in _REASONS:
        match = pattern.fullmatch(reason)
        if match:
            return _tr(text).format(*(f"\u2068{name}\u2069" for name in match.groups()))
    return reason


@dataclass(frozen=True)
class EntityRow:
    """The row above an entity's mentions, when the list is grouped."""

    name: str
    members: tuple[Span, ...]

    @property
    def head(self) -> Span:
        """The mention the row stands for: the one the entity was named after."""
        return next((s for s in self.members if s.id == s.entity), self.members[0])

    @property
    def open_count(self) -> int:
        return sum(s.is_suggestion for s in self.members)

    def describe(self) -> str:
        count = len(self.members)
        if count == 1:
            return QCoreApplication.translate("SpanList", "{0}: 1 mention").format(self.name)
        return QCoreApplication.translate("SpanList", "{0}: {1} mentions").format(self.name, count)


def grouped_rows(spans: list[Span], text: str) -> list[Span | EntityRow]:
    """Spans by position, each entity of two or more mentions gathered under
    a row of its own at the place of its first mention."""
    members: dict[int, list[Span]] = {}
    for span in spans:
        if span.entity is not None:
            members.setdefault(span.entity, []).append(span)
    rows: list[Span | EntityRow] = []
    for span in spans:
        group = members.get(span.entity) if span.entity is not None else None
        if group is None or len(group) < 2:
            rows.append(span)
        elif span is group[0]:
            rows.append(EntityRow(entity_name(group, text), tuple(group)))
            rows.extend(group)
    return rows


class SpanTableModel(QAbstractTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SpanList", "Label"), QT_TRANSLATE_NOOP("SpanList", "Text"),
               QT_TRANSLATE_NOOP("SpanList", "Source"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._spans: list[Span] = []
        self._rows: list[Span | EntityRow] = []
        self._text = ""
        self._colors: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self.grouped = False
        self._grouped_ids: set[int] = set()  # mentions shown under an entity's row
        self._by_id: dict[int, Span] = {}  # the spans listed, as listed
        self._first_of: dict[int, tuple] = {}  # grouped: each entity's first mention's place

    def set_spans(self, text: str, spans: list[Span], colors: dict[str, str],
                  names: dict[str, str]) -> None:
        self.beginResetModel()
        self._text, self._spans = text, list(spans)
        self._by_id = {span.id: span for span in self._spans}
        self._colors, self._names = colors, names
        # Not grouped, the rows are the list of spans itself (apply_change edits it).
        self._rows = grouped_rows(self._spans, text) if self.grouped else self._spans
        groups = [row for row in self._rows if isinstance(row, EntityRow)]
        self._grouped_ids = {s.id for row in groups for s in row.members}
        self._first_of = {row.members[0].entity: reading_order(row.members[0]) for row in groups}
        self.endResetModel()

    def set_grouped(self, grouped: bool) -> None:
        self.grouped = grouped
        self.set_spans(self._text, self._spans, self._colors, self._names)

    def apply_change(self, change: Change) -> None:
        """The spans a labelling change took away, changed or added: a row
        each goes out or in where it belongs (a view keeps its scroll and its
        other rows). Grouped, a change to an entity's mentions makes the
        groups again."""
        gone, new = [*change.removed, *change.updated], [*change.updated, *change.added]
        listed = [self._by_id.get(span.id) for span in gone]
        if len(gone) + len(new) > MOST_ROWS_ONE_BY_ONE or self.grouped and any(
                span is not None and span.entity is not None for span in [*gone, *new, *listed]):
            ids = {span.id for span in gone}
            spans = sorted([s for s in self._spans if s.id not in ids] + new, key=reading_order)
            self.set_spans(self._text, spans, self._colors, self._names)
            return
        for span in change.updated:
            row = self._row_in_order(span)
            if row >= 0 and self._fits_at(row, span):  # a relabel in place: the row stays
                self._take_out(self._rows[row])
                self._rows[row] = self._by_id[span.id] = span
                self._put_in(span)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
            else:
                self._remove_row(row)
                self._insert_row(span)
        for span in change.removed:
            self._remove_row(self._row_in_order(span))
        for span in change.added:
            self._insert_row(span)

    def _anchor(self, row: Span | EntityRow) -> tuple:
        """Where a row stands: at its span's place, or (an entity's row and
        its mentions) at the place of the entity's first mention."""
        if isinstance(row, EntityRow):
            return reading_order(row.members[0])
        return self._first_of[row.entity] if row.id in self._grouped_ids else reading_order(row)

    def _fits_at(self, row: int, span: Span) -> bool:
        """Whether ``span`` in place of ``row`` keeps the list in order."""
        key, rows = self._anchor(span), self._rows
        return ((row == 0 or self._anchor(rows[row - 1]) <= key)
                and (row == len(rows) - 1 or key <= self._anchor(rows[row + 1])))

    def _remove_row(self, row: int) -> None:
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            span = self._rows.pop(row)
            self._take_out(span)
            del self._by_id[span.id]
            self.endRemoveRows()

    def _insert_row(self, span: Span) -> None:
        row = bisect_right(self._rows, self._anchor(span), key=self._anchor)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, span)
        self._put_in(span)
        self._by_id[span.id] = span
        self.endInsertRows()

    def _take_out(self, span: Span) -> None:
        """Grouped, the rows are not the list of spans: that changes too."""
        if self._rows is not self._spans:
            del self._spans[place_in_order(self._spans, span)]

    def _put_in(self, span: Span) -> None:
        if self._rows is not self._spans:
            insort(self._spans, span, key=reading_order)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def row_item(self, row: int) -> Span | EntityRow:
        return self._rows[row]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        span = self._rows[index.row()]
        if isinstance(span, EntityRow):
            return self._entity_data(span, index.column(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                name = self._names.get(span.label, span.label)
                # A mention under its entity's row is indented.
                return "    " + name if span.id in self._grouped_ids else name
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

    def _entity_data(self, row: EntityRow, column: int, role):
        head = row.head
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                labels = {s.label for s in row.members}
                return (self._names.get(head.label, head.label) if len(labels) == 1
                        else QCoreApplication.translate("SpanList", "mixed labels"))
            if column == 1:
                text = row.describe()
                if row.open_count:
                    text += QCoreApplication.translate("SpanList", " ({0} open)").format(row.open_count)
                return RLM + text if _reads_right_to_left(row.name) else text
            return ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return label_color(self._colors.get(head.label, "#cccccc"))
        if role == Qt.ItemDataRole.UserRole:
            return head  # choosing the row selects the mention the entity is named after
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SpanList", self.COLUMNS[section])
        return None

    def row_of_span(self, span: Span | None) -> int:
        """The row of ``span`` (by its id), -1 if it has none."""
        return -1 if span is None else self._row_in_order(span)

    def _row_in_order(self, span: Span) -> int:
        """Where the rows hold ``span``'s id (at the place of the version
        listed, which an update may have moved), found by bisection."""
        rows = self._rows
        key = self._anchor(self._by_id.get(span.id, span))
        row = bisect_left(rows, key, key=self._anchor)
        while row < len(rows) and self._anchor(rows[row]) == key:
            if isinstance(rows[row], Span) and rows[row].id == span.id:
                return row
            row += 1
        return -1


class SpanListView(RowTable):  # selectRow that works right to left
    spanActivated = Signal(object)  # clicked or Return: chosen, the text takes the keys
    spanChosen = Signal(object)  # the current row moved (arrow keys): the keys stay here
    deleteRequested = Signal()
    labelKeyPressed = Signal(int)  # 0-based, as the text's label keys

    def __init__(self, parent=None):
        super().__init__(parent)
        self.span_model = SpanTableModel(self)
        self.setModel(self.span_model)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        # Text and Source share what the label leaves: on a narrow dock a
        # fixed Source column left the text a few letters.
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.span_model.modelReset.connect(self._span_entity_rows)

    def _span_entity_rows(self) -> None:
        """An entity's row reads across Text and Source: its name is long.
        The Label column is as wide as the labels in sight need."""
        self.resizeColumnToContents(0)  # measures the rows in sight only
        self.clearSpans()
        model = self.span_model
        if not model.grouped:
            return  # no entity rows: thousands of spans are not looked at
        for row in range(model.rowCount()):
            if isinstance(model.row_item(row), EntityRow):
                self.setSpan(row, 1, 1, 2)

    def _on_clicked(self, index: QModelIndex) -> None:
        self.spanActivated.emit(self.span_model.data(index, Qt.ItemDataRole.UserRole))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.hasFocus():  # moved by a key here, not by the text
            self.spanChosen.emit(self.span_model.data(current, Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event) -> None:
        """Delete and the label keys act on the span of the current row, as
        in the text: moved to with the arrow keys, a row was chosen in vain."""
        key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
        elif plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.labelKeyPressed.emit(key - Qt.Key.Key_1)
        else:
            super().keyPressEvent(event)

    def show_selected(self, span: Span | None) -> None:
        row = self.span_model.row_of_span(span)
        if row >= 0:
            self.selectRow(row)
        else:
            self.clearSelection()
