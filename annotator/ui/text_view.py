"""The read-only text view: each line in its own direction, spans as
highlights, overlapping spans as stacked underlines.

Offsets cross the Qt boundary here only, through :class:`Utf16Map`:
everything this class emits or takes is in code points of the stored text.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit

from annotator.core.model import Direction, Span
from annotator.core.offsets import Utf16Map, snap_selection, word_at
from annotator.core.word_edges import Cut, span_cuts
from annotator.core.text import line_direction
from annotator.ui.colors import label_color, selected_color
from annotator.ui.fonts import DEFAULT_POINT_SIZE, text_font
from annotator.ui.span_stack import SpanStack
from annotator.ui.first_paint import after_first_paint
from annotator.ui.viewport import wrap_viewport
from annotator.ui.word_drag import snapped_drag

# A long text is formatted in two parts: about this many characters (several
# screens) before the first paint, the rest right after it.
TOP_PART = 20_000
REST_AT_THE_LATEST_MS = 300  # for a view that is not painted (hidden, minimized)
LINE_HEIGHT_PERCENT = 125  # Arabic needs room for harakat above and below.
TAGGED_LINE_HEIGHT_PERCENT = 150  # and room above each line for the label tags
TAG_SCALE = 0.5  # tag text size, relative to the text's
TAG_RAISE = 2  # pixels the tag reaches down into the line's own top
UNDERLINE_GAP = 3
# Fills changed at most this many characters apart are one edit of the text
# (one layout of what lies between, rather than one more pass over the rest).
ONE_EDIT_GAP = 1000
# How many positions either side of Qt's nearest caret may hold the glyph under a point.
GLYPH_SEARCH = 4
CUT_COLOR = QColor("#e00000")
CUT_WIDTH = 2


class AnnotationView(QTextEdit):
    labelKeyPressed = Signal(int)  # 0-based index of the label whose key was pressed
    entityLabelKeyPressed = Signal(int)  # the same with Alt: relabel the whole entity
    deleteRequested = Signal()
    spanClicked = Signal(object)  # Span or None
    nextSpanRequested = Signal(int)  # +1 or -1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setUndoRedoEnabled(False)
        self._viewport = wrap_viewport(self)  # kept: viewport() then finds it at once
        self._point_size = float(DEFAULT_POINT_SIZE)
        self.font_family: str | None = None  # None: the bundled Arabic font
        self.line_spacing = LINE_HEIGHT_PERCENT
        self.setFont(text_font(self._point_size))
        self._text = ""
        self._map = Utf16Map("")
        self._cuts: dict[tuple[int, int], list[Cut]] = {}
        self._stack = SpanStack()  # the spans by position, and their underline levels
        self._colors: dict[str, str] = {}
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}  # (label, selected)
        self._rest_from: int | None = None  # where the part left for after the first paint begins
        self._selected_id: int | None = None
        self._near_block = 0  # the paragraph last found in sight (visible_range)
        self._direction = Direction.LTR
        self._override: Direction | None = None
        # Selections snap to whole words unless this is off or Alt is held.
        self.word_snapping = True
        self.label_tags = True  # each span's label drawn small above its start
        self._press: QPoint | None = None  # where a drag began (content coordinates)
        self._exact_selection = False
        # A selection made letter by letter (Shift+arrows) shows the whole
        # words a label would take, outlined, while it is made.
        self.selectionChanged.connect(self._viewport.update)

    # -- content -------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def spans(self) -> list[Span]:
        return list(self._stack.spans)

    @property
    def underline_levels(self) -> dict[Span, int]:
        """The level of each span that overlaps another."""
        return dict(self._stack.levels)

    def show_document(self, text: str, direction: Direction, override: Direction | None,
                      spans: Iterable[Span], colors: dict[str, str],
                      top_first: bool = False) -> None:
        """Show ``text`` and its spans. ``top_first``: a long text gets its
        line directions and fills for its first screens now and for the rest
        right after the first paint (:meth:`finish_document`)."""
        self._text = text
        self._map = Utf16Map(text)
        self._cuts: dict[tuple[int, int], list[Cut]] = {}  # by place: they depend on the text alone
        self._colors, self._formats = dict(colors), {}
        self._selected_id = None
        self._near_block = 0  # a text opens at its top
        # setPlainText: a document is never read as HTML.
        self.document().setPlainText(text)
        cut = text.find("\n", TOP_PART) if top_first and len(text) > 2 * TOP_PART else -1
        self._rest_from = cut if cut >= 0 else None
        self._direction, self._override = direction, override
        self._format_top_margin()
        self._format_lines(0, self._rest_from)
        self.set_spans(spans, fresh=True, upto=self._rest_from)
        if self._rest_from is not None:  # the top painted (or, unpainted, soon): now the rest
            after_first_paint(self._viewport, self.finish_document, REST_AT_THE_LATEST_MS)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def finish_document(self) -> None:
        """Line directions and fills of the part of a long text that
        :meth:`show_document` left for after the first paint."""
        cut, self._rest_from = self._rest_from, None
        if cut is not None:
            self._format_lines(cut + 1, None)
            self._repaint_range(cut, len(self._text))

    def set_direction(self, direction: Direction, override: Direction | None) -> None:
        self._direction, self._override = direction, override
        self._format_top_margin()
        self._format_lines(0, None)

    def _format_top_margin(self) -> None:
        # The first line has no line above whose spacing could hold its tags.
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        frame_format.setTopMargin(self.fontMetrics().height() * TAG_SCALE if self.label_tags else 0)
        frame.setFrameFormat(frame_format)

    def _format_lines(self, start: int, end: int | None) -> None:
        """Each line's direction, for the lines from the one holding ``start``
        to the one holding ``end`` (``None``: to the last)."""
        direction, override = self._direction, self._override
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        # One block format per run of lines in the same direction, not one
        # per line: a long document has thousands of lines, mostly one way.
        block = self.document().findBlock(self._map.to_utf16(start))
        stop = None if end is None else self._map.to_utf16(end)
        run_start, run_dir = None, None
        while block.isValid() and (stop is None or block.position() <= stop):
            line_dir = override or line_direction(block.text(), direction)
            if line_dir is not run_dir:
                if run_start is not None:
                    self._set_block_format(cursor, run_start, block.previous(), run_dir)
                run_start, run_dir = block, line_dir
            last, block = block, block.next()
        if run_start is not None:
            self._set_block_format(cursor, run_start, last, run_dir)
        cursor.endEditBlock()

    def _set_block_format(self, cursor: QTextCursor, first, last, line_dir: Direction) -> None:
        """The format of the blocks ``first`` to ``last``, all in ``line_dir``."""
        fmt = QTextBlockFormat()
        tag_room = TAGGED_LINE_HEIGHT_PERCENT - LINE_HEIGHT_PERCENT if self.label_tags else 0
        fmt.setLineHeight(self.line_spacing + tag_room,
                          QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        # AlignAbsolute: plain AlignRight would mirror inside right-to-left blocks.
        if line_dir is Direction.RTL:
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        else:
            fmt.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            fmt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        cursor.setPosition(first.position())
        cursor.setPosition(last.position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setBlockFormat(fmt)

    def set_label_tags(self, shown: bool) -> None:
        """Show or hide the label tags; lines leave room for them when shown."""
        self.label_tags = shown
        self.set_direction(self._direction, self._override)
        self.viewport().update()

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors, self._formats = dict(colors), {}
        self._repaint_range(0, len(self._text))

    def set_spans(self, spans: Iterable[Span], fresh: bool = False,
                  upto: int | None = None) -> None:
        """All the spans at once; ``upto``: fill only the text before it (the
        rest is :meth:`finish_document`'s)."""
        self._stack.reset(spans)
        self._repaint_range(0, len(self._text) if upto is None else upto, fresh)

    def add_span(self, span: Span) -> None:
        self.add_spans([span])

    def add_spans(self, spans: Iterable[Span], select: Span | None = None) -> None:
        """Spans added at once (a label and the mentions it proposed): only
        where they are is filled and stacked again. ``select``: one of them
        to select, filled as selected at once (one layout, not two)."""
        spans = list(spans)
        if not spans:
            return
        self._stack.add(spans)
        if select is None:
            self._repaint_filled(spans)
            return
        previous = self._choose(select)
        self._repaint_filled(spans, also=[previous] if previous is not None else [])
        self._show_chosen(select)

    def remove_span(self, span_id: int) -> Span | None:
        removed = self.remove_spans([span_id])
        return removed[0] if removed else None

    def remove_spans(self, span_ids: Iterable[int]) -> list[Span]:
        """The spans of these ids taken away at once; those it held."""
        removed = self._stack.remove(span_ids)
        if not removed:
            return []
        selected_before = self._selected_id
        if any(span.id == self._selected_id for span in removed):
            self._selected_id = None
        self._repaint_filled(removed, selected_before)
        return removed

    def replace_span(self, span: Span) -> None:
        """A span changed (relabelled, moved, accepted): it is selected, and
        where it was and is now is filled again once."""
        old = self._stack.remove([span.id]) if span.id is not None else []
        self._stack.add([span])
        if not old:
            self._repaint_filled([span])
            return
        previous = self._choose(span)
        ranges = [(min(old[0].start, span.start), max(old[0].end, span.end))]
        if previous is not None and previous.id != span.id:
            ranges.append((previous.start, previous.end))
        self._repaint_ranges(ranges)
        self._show_chosen(span)

    # -- highlights ----------------------------------------------------------

    def _repaint_filled(self, spans: list[Span], selected: int | None = None,
                        also: Iterable[Span] = ()) -> None:
        """Recolour where these spans (added or taken away) are, and where
        the spans ``also`` are. A suggestion has no fill unless it is the
        selected one, so it changes no character format: its dashed outline
        is drawn at paint, and hundreds of proposed mentions cost one
        repaint, not one layout each."""
        selected = self._selected_id if selected is None else selected
        filled = [span for span in spans if not span.is_suggestion or span.id == selected]
        self._repaint_ranges([(span.start, span.end) for span in [*filled, *also]])
        if len(filled) < len(spans):
            self.viewport().update()

    def _repaint_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Recolour several ranges. Qt moves every paragraph below a changed
        one after each edit (thousands in a long text), so ranges near each
        other (a new span and the one selected before it) are one edit."""
        ranges = sorted(ranges)
        first = 0
        while first < len(ranges):
            last, reach = first + 1, ranges[first][1]
            while last < len(ranges) and ranges[last][0] - reach <= ONE_EDIT_GAP:
                reach = max(reach, ranges[last][1])
                last += 1
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()  # the edits inside are laid out once, at its end
            for start, end in ranges[first:last]:
                self._repaint_range(start, end)
            cursor.endEditBlock()
            first = last

    def _repaint_range(self, start: int, end: int, fresh: bool = False) -> None:
        """Recolour ``[start, end)`` widened to every span it touches: only the
        blocks in that range are laid out again. ``fresh``: the text was just
        set, so it has no fill to clear."""
        # Only spans starting at most the longest span's length before
        # ``start`` can reach it: the list is not scanned from the top.
        touching = [s for s in self._stack.near(start, end) if s.start < end and start < s.end]
        for span in touching:
            start, end = min(start, span.start), max(end, span.end)
        end = min(end, len(self._text))
        if start >= end:
            self.viewport().update()
            return
        selected = self._selected_id
        # A suggestion has no fill (only its dashed outline), unless selected.
        filled = [s for s in touching if not s.is_suggestion or s.id == selected]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        if not fresh:
            self._select(cursor, start, end)
            cursor.setCharFormat(QTextCharFormat())
        # Longer spans first, so nested (shorter) spans show on top of them.
        filled.sort(key=lambda s: s.start - s.end)
        to_utf16, formats = self._map.to_utf16, self._formats
        keep = QTextCursor.MoveMode.KeepAnchor
        for span in filled:
            key = (span.label, span.id == selected)
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = self._fill(*key)
            cursor.setPosition(to_utf16(span.start))
            cursor.setPosition(to_utf16(span.end), keep)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()
        self.viewport().update()

    def _fill(self, label: str, selected: bool) -> QTextCharFormat:
        color = self._colors.get(label, "#cccccc")
        fmt = QTextCharFormat()
        fmt.setBackground(selected_color(color) if selected else label_color(color))
        return fmt

    def _select(self, cursor: QTextCursor, start: int, end: int) -> None:
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        visible = self.viewport().rect()
        lo, hi = self.visible_range(visible)
        underlines = self.underlines(lo, hi)
        selected = self.selected_span()
        preview = self.word_preview()
        if not self._stack.spans and not underlines and preview is None:
            return
        painter = QPainter(self.viewport())
        if preview is not None:
            painter.setPen(QPen(self.palette().highlight().color().darker(150), 1,
                                Qt.PenStyle.DotLine))
            for rect in self.span_rects(Span(*preview, ""), visible):
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
        self._paint_cuts(painter, lo, hi)
        if self.label_tags:
            self._paint_tags(painter, lo, hi, visible)
        for span, level, pen in underlines:
            painter.setPen(pen)
            for rect in self.span_rects(span, visible):
                y = rect.bottom() - 1 - level * UNDERLINE_GAP
                painter.drawLine(rect.left(), y, rect.right(), y)
        self._paint_suggestions(painter, lo, hi, visible)
        if selected is not None:
            painter.setPen(QPen(QColor("#202020"), 1, Qt.PenStyle.DashLine))
            for rect in self.span_rects(selected, visible):
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
        self.paint_extra(painter, visible)
        painter.end()

    def suggestion_outlines(self, lo: int = 0, hi: int | None = None) -> list[tuple[Span, QPen]]:
        """(suggestion, pen) for each suggestion in ``[lo, hi)``: a dashed
        outline in its label's colour."""
        hi = len(self._text) if hi is None else hi
        result = []
        for span in self._spans_near(lo, hi):
            if span.is_suggestion and span.start < hi and span.end > lo:
                pen = QPen(label_color(self._colors.get(span.label, "#888888")).darker(170), 2,
                           Qt.PenStyle.DashLine)
                result.append((span, pen))
        return result

    def _paint_suggestions(self, painter: QPainter, lo: int, hi: int, visible: QRect) -> None:
        for span, pen in self.suggestion_outlines(lo, hi):
            painter.setPen(pen)
            for rect in self.span_rects(span, visible):
                painter.drawRect(rect.adjusted(1, 1, -1, -1))

    def cuts(self, lo: int = 0, hi: int | None = None) -> list[tuple[Span, Cut]]:
        """Edges of spans (in ``[lo, hi]``) that fall inside a word."""
        hi = len(self._text) if hi is None else hi
        return [(span, cut) for span in self._spans_near(lo, hi + 1)
                if span.end >= lo and span.start <= hi
                for cut in self._cuts_of(span)]

    def _cuts_of(self, span: Span) -> list[Cut]:
        """A span's cuts, worked out once for its place (every paint asks)."""
        cuts = self._cuts.get((span.start, span.end))
        if cuts is None:
            cuts = self._cuts[span.start, span.end] = span_cuts(self._text, span.start, span.end)
        return cuts

    def _spans_near(self, lo: int, hi: int) -> list[Span]:
        """The spans that can reach ``[lo, hi)`` (a paint looks at what is in
        sight, not at every span of a long document)."""
        return self._stack.near(lo, hi)

    def _paint_cuts(self, painter: QPainter, lo: int, hi: int) -> None:
        """A red bar where a span's edge cuts a word, so a cut is never
        mistaken for a whole word."""
        painter.setPen(QPen(CUT_COLOR, CUT_WIDTH))
        cursor = QTextCursor(self.document())
        for _span, cut in self.cuts(lo, hi):
            cursor.setPosition(self._map.to_utf16(cut.offset))
            rect = self.cursorRect(cursor)
            painter.drawLine(rect.left(), rect.top() - 2, rect.left(), rect.bottom() + 2)

    def _paint_tags(self, painter: QPainter, lo: int, hi: int, visible: QRect) -> None:
        """Each span's label key, small, in the room above the line where the
        span starts: at its start edge (the right edge in right-to-left text).
        Drawn over the margin between lines, never into the text, so Arabic
        letters keep their joined shapes."""
        font = self._tag_font()
        painter.setFont(font)
        for box, tag, color in self.tag_boxes(lo, hi, visible, QFontMetrics(font)):
            painter.setPen(color)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, tag)

    def _tag_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self._point_size * TAG_SCALE))
        font.setBold(True)
        return font

    def tag_boxes(self, lo: int, hi: int, visible: QRect,
                  metrics: QFontMetrics | None = None) -> list[tuple[QRect, str, QColor]]:
        """Where each tag of the spans starting in ``[lo, hi]`` is drawn, its
        text and colour. Tags of spans that start close together on a line
        are moved on in reading order, never drawn over one another."""
        metrics = metrics or QFontMetrics(self._tag_font())
        starts: dict[int, list[Span]] = {}
        for span in self._spans_near(lo, hi + 1):
            if span.end >= lo:
                starts.setdefault(span.start, []).append(span)
        raise_by = metrics.ascent() - metrics.height() + TAG_RAISE
        looks: dict[str, tuple[int, QColor]] = {}  # each tag's width and colour, once a paint
        taken: dict[int, list[tuple[int, int]]] = {}  # a line's top -> its tags' extents
        boxes = []
        cursor = QTextCursor(self.document())
        for start in sorted(starts):
            spans = starts[start]
            cursor.setPosition(self._map.to_utf16(start))
            rect = self.cursorRect(cursor)
            if rect.bottom() < visible.top() or rect.top() > visible.bottom():
                continue
            tag = "·".join(s.label for s in spans)
            look = looks.get(tag)
            if look is None:
                color = label_color(self._colors.get(spans[0].label, "#888888")).darker(230)
                look = looks[tag] = (metrics.horizontalAdvance(tag), color)
            width, color = look
            rtl = cursor.block().blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
            line = taken.setdefault(rect.top(), [])
            x = clear_of(line, tag_left(rect.left(), width, rtl, visible), width, rtl)
            line.append((x, x + width))
            top = rect.top() + raise_by - metrics.ascent()
            boxes.append((QRect(x, top, width, metrics.height()), tag, color))
        return boxes

    def underlines(self, lo: int = 0, hi: int | None = None) -> list[tuple[Span, int, QPen]]:
        """(span, level, pen) for each underline in ``[lo, hi)``: here,
        overlapping spans stack. One pen a label, only the spans in range."""
        hi = len(self._text) if hi is None else hi
        levels, pens = self._stack.levels, {}
        result = []
        for span in self._spans_near(lo, hi):
            level = levels.get(span)
            if level is None or span.is_suggestion or span.end <= lo or span.start >= hi:
                continue  # not stacked, outlined instead, or out of sight
            pen = pens.get(span.label)
            if pen is None:
                pen = pens[span.label] = QPen(
                    label_color(self._colors.get(span.label, "#888888")).darker(150))
                pen.setWidth(2)
            result.append((span, level, pen))
        return result

    def visible_range(self, visible: QRect) -> tuple[int, int]:
        """Code-point range of the paragraphs in sight (whole paragraphs, so a
        right-to-left line is covered whichever corner it starts at)."""
        scrolled = self.verticalScrollBar().value()
        first = self._block_at(visible.top() + scrolled)
        last = self._block_at(visible.bottom() + scrolled)
        return (self._map.to_index(first.position()),
                self._map.to_index(last.position() + last.length()) if last.next().isValid()
                else len(self._text))

    def _block_at(self, y: int):
        """The paragraph at height ``y`` of the document (the last one that
        begins above it). Qt's hit test walks the paragraphs from the top,
        thousands in a long text, at every paint; this one steps out from
        the paragraph found last, by doubling steps, then halves the gap, so
        it looks at few paragraphs and lays out none far past ``y``."""
        document = self.document()
        layout = document.documentLayout()

        def above(number: int) -> bool:
            return layout.blockBoundingRect(document.findBlockByNumber(number)).top() <= y

        count = document.blockCount()
        lo = hi = min(self._near_block, count - 1)
        step = 1
        if lo > 0 and not above(lo):
            while lo > 0 and not above(lo):  # up: hi is below y
                hi, lo = lo, max(0, lo - step)
                step *= 2
        else:
            while hi < count and above(hi):  # down: lo is above y
                lo, hi = hi, min(count, hi + step)
                step *= 2
        while hi - lo > 1:
            middle = (lo + hi) // 2
            if above(middle):
                lo = middle
            else:
                hi = middle
        self._near_block = lo
        return document.findBlockByNumber(lo)

    def paint_extra(self, painter: QPainter, visible: QRect) -> None:
        """For views that draw more on top (the review view marks disagreements)."""

    def span_rects(self, span: Span, clip: QRect | None = None) -> list[QRect]:
        """Viewport rectangles covering a span, one per visual run of a line.

        Right-to-left runs are handled by measuring each character between
        its two caret positions."""
        boxes: dict[int, list[tuple[int, int, int, int]]] = {}
        cursor = QTextCursor(self.document())
        if clip is not None:
            # Spans wholly above or below the clip cost two lookups, not one per character.
            cursor.setPosition(self._map.to_utf16(span.start))
            top = self.cursorRect(cursor).top()
            cursor.setPosition(self._map.to_utf16(span.end))
            if top > clip.bottom() or self.cursorRect(cursor).bottom() < clip.top():
                return []
        for index in range(span.start, span.end):
            if self._text[index] == "\n":
                continue
            cursor.setPosition(self._map.to_utf16(index))
            a = self.cursorRect(cursor)
            cursor.setPosition(self._map.to_utf16(index + 1))
            b = self.cursorRect(cursor)
            if a.top() != b.top():
                continue  # the character ends a wrapped line; its box is on a's line
            if clip is not None and (a.bottom() < clip.top() or a.top() > clip.bottom()):
                continue
            boxes.setdefault(a.top(), []).append(
                (min(a.left(), b.left()), max(a.left(), b.left()), a.top(), a.bottom()))
        rects: list[QRect] = []
        for top in sorted(boxes):
            runs = sorted(boxes[top])
            left, right, y0, y1 = runs[0]
            for l, r, _, _ in runs[1:]:
                if l <= right + 2:
                    right = max(right, r)
                else:
                    rects.append(QRect(QPoint(left, y0), QPoint(right, y1)))
                    left, right = l, r
            rects.append(QRect(QPoint(left, y0), QPoint(right, y1)))
        return rects

    # -- selection -----------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self._map.to_index(cursor.selectionStart()),
                self._map.to_index(cursor.selectionEnd()))

    def word_preview(self) -> tuple[int, int] | None:
        """What a label would take of the selection when that is more than
        the letters selected (whole words), or None: shown while a selection
        is made with the keys. A drag is snapped as it ends."""
        selection = self.selection()
        if selection is None or not self.snaps_to_words or self._press is not None:
            return None
        snapped = snap_selection(self._text, *selection, words=True)
        return snapped if snapped is not None and snapped != selection else None

    def set_selection(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        self._select(cursor, start, end)
        self.setTextCursor(cursor)

    def center_on(self, index: int) -> None:
        """Scroll so the line holding ``index`` is in the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(index))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def selected_span(self) -> Span | None:
        return self._stack.get(self._selected_id)

    def select_span(self, span: Span | None) -> None:
        previous = self._choose(span)
        self._repaint_ranges([(s.start, s.end) for s in (previous, span) if s is not None])
        self._show_chosen(span)

    def _choose(self, span: Span | None) -> Span | None:
        """Make ``span`` the selected one; the one selected before."""
        previous = self.selected_span()
        self._selected_id = span.id if span else None
        return previous

    def _show_chosen(self, span: Span | None) -> None:
        """The caret to the selected span (scrolled into sight), and tell."""
        if span is not None:
            cursor = self.textCursor()
            cursor.clearSelection()
            cursor.setPosition(self._map.to_utf16(span.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self.spanClicked.emit(span)

    def spans_at(self, index: int) -> list[Span]:
        """Spans covering a character, innermost first."""
        return sorted((s for s in self._spans_near(index, index + 1) if index < s.end),
                      key=lambda s: s.end - s.start)

    # -- zoom ----------------------------------------------------------------

    def zoom_by(self, steps: int) -> None:
        self.set_point_size(self._point_size + 2 * steps)

    def set_point_size(self, size: float) -> None:
        self._point_size = max(8.0, min(48.0, size))
        self.setFont(text_font(self._point_size, self.font_family))

    def set_font_family(self, family: str | None) -> None:
        self.font_family = family or None
        self.set_point_size(self._point_size)

    def set_line_spacing(self, percent: int) -> None:
        """Line height in percent of the font's (label tags add their room)."""
        self.line_spacing = percent
        self.set_direction(self._direction, self._override)

    @property
    def point_size(self) -> float:
        return self._point_size

    # -- input ---------------------------------------------------------------

    @property
    def snaps_to_words(self) -> bool:
        """Whether the current selection is to be taken as whole words."""
        return self.word_snapping and not self._exact_selection

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = None
        if (event.button() == Qt.MouseButton.LeftButton
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self._exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            # In content coordinates: the view may scroll during the drag.
            self._press = event.position().toPoint() + self._scrolled()
            # A press inside the selection would start dragging the text away;
            # in a read-only view it should start a new selection instead.
            cursor = self.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                self.setTextCursor(cursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton:
            return
        cursor = self.textCursor()
        if cursor.hasSelection():
            if press is not None and self.snaps_to_words:
                lo, hi = snapped_drag(self, press - self._scrolled(), event.position().toPoint(),
                                      self._map.to_index(cursor.anchor()),
                                      self._map.to_index(cursor.position()))
                self.set_selection(lo, hi)
            elif press is not None:
                self._letters_dragged_over(press - self._scrolled(), event.position().toPoint())
            return
        index = self.character_under(event.position().toPoint())
        under = self.spans_at(index) if index is not None else []
        self.select_span(under[0] if under else None)

    def _letters_dragged_over(self, press: QPoint, release: QPoint) -> None:
        """An exact selection is the letters under the press and the release
        and those between: Qt's nearest caret, inside right-to-left text, can
        be a letter past the one pressed (ق of «وقازاقستان» was left out).
        A release off the text (or out of sight) keeps Qt's end."""
        first = self.character_under(press)
        if first is None:
            return
        last = self.character_under(release) if self.viewport().rect().contains(release) else None
        if last is not None:
            self.set_selection(min(first, last), max(first, last) + 1)
            return
        end = self._map.to_index(self.textCursor().position())
        if end > first:
            self.set_selection(first, end)
        else:
            self.set_selection(end, first + 1)

    def _scrolled(self) -> QPoint:
        return QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def is_right_to_left_at(self, point: QPoint) -> bool:
        block = self.cursorForPosition(point).block()
        return block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft

    def character_under(self, point: QPoint) -> int | None:
        """The character whose glyph is under a point (not the caret position
        nearest to it). Glyph boxes, not caret positions: inside right-to-left
        text Qt's nearest caret can be a letter off, and at the edge of a
        number the caret positions of its two ends are drawn at one place."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        layout = block.layout()
        if layout is None:
            return None
        origin = layout.position()
        x = point.x() + self.horizontalScrollBar().value() - origin.x()
        y = point.y() + self.verticalScrollBar().value() - origin.y()
        in_block = cursor.position() - block.position()
        line = layout.lineForTextPosition(in_block)
        if not line.isValid() or not line.y() <= y <= line.y() + line.height():
            return None
        lo = max(line.textStart(), in_block - GLYPH_SEARCH)
        hi = min(line.textStart() + line.textLength(), in_block + GLYPH_SEARCH)
        for candidate in range(lo, hi):
            for run in layout.glyphRuns(candidate, 1):
                box = run.boundingRect()
                if box.left() <= x < box.right():
                    return self._map.to_index(block.position() + candidate)
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.character_under(event.position().toPoint())
        word = word_at(self._text, index, hyphenated=True) if index is not None else None
        if word is None:
            super().mouseDoubleClickEvent(event)
            return
        self._exact_selection = False
        self.set_selection(*word)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.labelKeyPressed.emit(key - Qt.Key.Key_1)
            return
        if modifiers == Qt.KeyboardModifier.AltModifier and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.entityLabelKeyPressed.emit(key - Qt.Key.Key_1)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers:
            self.deleteRequested.emit()
            return
        if key == Qt.Key.Key_Escape:
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.select_span(None)
            return
        if key == Qt.Key.Key_Tab and not modifiers:
            self.nextSpanRequested.emit(1)
            return
        if key == Qt.Key.Key_Backtab:
            self.nextSpanRequested.emit(-1)
            return
        super().keyPressEvent(event)
        if key == Qt.Key.Key_Home and modifiers & Qt.KeyboardModifier.ControlModifier:
            # Qt scrolls the first line to the top edge: the label tags drawn
            # above it were cut off. The very top shows them.
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab moves between spans here, not between widgets.
        return False


TAG_GAP = 3  # pixels between two tags on one line


def clear_of(taken: list[tuple[int, int]], x: int, width: int, right_to_left: bool) -> int:
    """``x``, or moved on in reading order (leftwards in right-to-left text)
    past the tags already drawn on the line, which it would overlap: spans
    that start a letter apart read "DATBNITIATIVE" where their tags met."""
    moved = True
    while moved:
        moved = False
        for left, right in taken:
            if x < right + TAG_GAP and left < x + width + TAG_GAP:
                x = left - width - TAG_GAP if right_to_left else right + TAG_GAP
                moved = True
    return x


def tag_left(edge: int, width: int, right_to_left: bool, visible: QRect) -> int:
    """Where a label tag ``width`` pixels wide starts: at the span's start
    ``edge``, reaching into the span (leftwards in right-to-left text), but
    kept inside the view, so a span at the end of a full line keeps its whole
    tag (at the left edge of an Arabic line it was cut to "RSON")."""
    x = edge - width if right_to_left else edge
    return max(visible.left(), min(x, visible.right() + 1 - width))
