"""The text view of the adjudication window: gold spans as highlights, every
annotator's spans as underlines (one line style and level per annotator), and
the places where annotators disagree outlined: red until settled, then green."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QTextCursor

from annotator.core.disagreements import DisagreementGroup
from annotator.core.model import Span
from annotator.core.word_edges import neighbour_word_end, neighbour_word_start
from annotator.ui.colors import label_color
from annotator.ui.text_view import AnnotationView

ANNOTATOR_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
                    Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine)
DISAGREEMENT = QColor("#d62828")
SETTLED = QColor("#2a9d8f")
# Letter keys of the reviewer, besides 1-9, Tab and Delete.
COMMAND_KEYS = {Qt.Key.Key_B: "both", Qt.Key.Key_R: "reject", Qt.Key.Key_0: "reject",
                Qt.Key.Key_A: "agreed", Qt.Key.Key_E: "edit"}


_ANCHOR_MOVES = {
    Qt.Key.Key_Left: QTextCursor.MoveOperation.Left,
    Qt.Key.Key_Right: QTextCursor.MoveOperation.Right,
}


# [ and ] move the start a word left and right on screen.
_WORD_KEYS = {Qt.Key.Key_BracketLeft: False, Qt.Key.Key_BracketRight: True}


class ReviewView(AnnotationView):
    commandKey = Signal(str)
    goldStepRequested = Signal(int)  # +1 or -1: select the next / previous gold span

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layers: list[tuple[Span, int]] = []  # (span, annotator index)
        self._groups: list[DisagreementGroup] = []
        self._decided: list[bool] = []
        self._current_group = -1
        self.editing_edges = False  # an edit (E) sets its edges letter by letter

    def word_preview(self) -> tuple[int, int] | None:
        return None if self.editing_edges else super().word_preview()

    def set_review(self, layers: dict[str, list[Span]], groups: list[DisagreementGroup],
                   current_group: int, decided: list[bool]) -> None:
        self._layers = [(span, index) for index, name in enumerate(layers)
                        for span in layers[name]]
        self._groups = list(groups)
        self._decided = list(decided)
        self._current_group = current_group
        self.viewport().update()

    def underlines(self, lo: int = 0, hi: int | None = None) -> list[tuple[Span, int, QPen]]:
        """Each annotator's spans in ``[lo, hi)``, one line style per annotator."""
        hi = len(self.text) if hi is None else hi
        result = []
        for span, index in self._layers:
            if span.end <= lo or span.start >= hi:
                continue
            pen = QPen(label_color(self._colors.get(span.label, "#888888")).darker(160))
            pen.setWidth(2)
            pen.setStyle(ANNOTATOR_STYLES[index % len(ANNOTATOR_STYLES)])
            result.append((span, index, pen))
        return result

    def paint_extra(self, painter: QPainter, visible: QRect) -> None:
        for number, (group, decided) in enumerate(zip(self._groups, self._decided)):
            current = number == self._current_group
            pen = QPen(SETTLED if decided else DISAGREEMENT, 2 if current else 1,
                       Qt.PenStyle.SolidLine if current else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            extent = Span(group.start, group.end, "")
            for rect in self.span_rects(extent, visible):
                painter.drawRect(rect.adjusted(-2, -2, 1, 1))

    def caret_index(self) -> int:
        """Where the caret is, in code points (the start of a selection)."""
        cursor = self.textCursor()
        return self._map.to_index(min(cursor.position(), cursor.anchor()))

    def move_anchor(self, operation: QTextCursor.MoveOperation) -> None:
        """Move the fixed end of the selection (the start, after E), keeping
        the end where it is: Shift+arrows move the end, Alt+Shift+arrows this."""
        cursor = self.textCursor()
        mover = QTextCursor(self.document())
        mover.setPosition(cursor.anchor())
        mover.movePosition(operation)
        if mover.position() == cursor.position():
            return  # the selection would vanish
        position = cursor.position()
        cursor.setPosition(mover.position())
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def move_edge_by_word(self, edge: str, rightward: bool) -> None:
        """Move the ``edge`` ("start" or "end") of the selection to the
        neighbouring word's on screen, keeping the other: by the tokenizer's
        words, where Qt's word moves stop at a hyphen and would make a name
        «-Jomartem» or «Kassymem-»."""
        selection = self.selection()
        if selection is None:
            return
        start, end = selection
        block = self.textCursor().block()
        rtl = block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        forward = rightward != rtl
        if edge == "start":
            target = neighbour_word_start(self.text, start, forward, end=end)
            if target is not None and target < end:  # else the selection would vanish
                self.set_selection(target, end)
        else:
            target = neighbour_word_end(self.text, end, forward, start=start)
            if target is not None and target > start:
                self.set_selection(start, target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        command = COMMAND_KEYS.get(key)
        if command and not modifiers:
            self.commandKey.emit(command)
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and \
                modifiers == Qt.KeyboardModifier.ControlModifier:
            self.goldStepRequested.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        # The start of an edit: Alt+Shift+arrows by letter, [ and ] by word.
        # (Ctrl+Alt+Shift+arrows would be simpler, but GNOME, Cinnamon and
        # Xfce move windows between workspaces with them.)
        alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and modifiers == alt_shift:
            self.move_anchor(_ANCHOR_MOVES[key])
            return
        if key in _WORD_KEYS and not modifiers and self.textCursor().hasSelection():
            self.move_edge_by_word("start", _WORD_KEYS[key])
            return
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and modifiers == ctrl_shift \
                and self.textCursor().hasSelection():
            self.move_edge_by_word("end", key == Qt.Key.Key_Right)
            return
        super().keyPressEvent(event)
