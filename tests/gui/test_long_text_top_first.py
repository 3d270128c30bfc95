"""A long text is shown top first: its first screens get their line
directions and fills before the first paint, the rest right after it, and
an edit made in between is not lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.core.model import Direction, Span
from annotator.ui.text_view import TOP_PART, AnnotationView

ARABIC = "قال الرئيس شي جين بينغ إن الصين مستعدة لتعميق التعاون مع قازاقستان."
POLISH = "Prezydent Tokajew powiedział, że Kazachstan ceni współpracę."
COLORS = {"PERSON": "#f4a261", "ORG": "#8ecae6"}


def long_text():
    lines = [ARABIC] * (3 * TOP_PART // len(ARABIC))
    lines[-5] = POLISH  # far down, a line of the other direction
    return "\n".join(lines)


def fill_at(view, index):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._map.to_utf16(index) + 1)
    return cursor.charFormat().background().style() != Qt.BrushStyle.NoBrush


def direction_at(view, index):
    return view.document().findBlock(view._map.to_utf16(index)).blockFormat().layoutDirection()


def test_the_rest_of_a_long_text_is_formatted_after_the_first_paint(qtbot):
    view = AnnotationView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    text = long_text()
    polish = text.index(POLISH)
    far = text.rindex("شي جين بينغ")
    spans = [Span(text.index("شي"), text.index("شي") + 11, "PERSON", id=1),
             Span(polish + 10, polish + 17, "PERSON", id=2), Span(far, far + 11, "PERSON", id=3)]
    view.show_document(text, Direction.RTL, None, spans, COLORS, top_first=True)
    assert fill_at(view, spans[0].start)  # the top is ready for the first paint
    assert direction_at(view, polish) != Qt.LayoutDirection.LeftToRight  # the rest waits
    assert not fill_at(view, polish + 10)
    # An edit far down before the rest is formatted.
    view.remove_spans([3])
    view.add_spans([Span(far + 3, far + 6, "ORG", id=4)])
    view.show()
    qtbot.waitUntil(lambda: view._rest_from is None)
    assert fill_at(view, polish + 10) and fill_at(view, far + 3)
    assert not fill_at(view, far)  # the removed span left no fill
    assert direction_at(view, polish) == Qt.LayoutDirection.LeftToRight
    assert direction_at(view, far) == Qt.LayoutDirection.RightToLeft


def test_a_short_text_and_a_view_shown_whole_are_formatted_at_once(qtbot):
    view = AnnotationView()
    qtbot.addWidget(view)
    text = long_text()
    polish = text.index(POLISH)
    view.show_document(text, Direction.RTL, None, [Span(polish, polish + 9, "PERSON", id=1)],
                       COLORS)
    assert view._rest_from is None and fill_at(view, polish)
    assert direction_at(view, polish) == Qt.LayoutDirection.LeftToRight
    view.show_document(POLISH, Direction.LTR, None, [Span(0, 9, "PERSON", id=1)], COLORS,
                       top_first=True)
    assert view._rest_from is None and fill_at(view, 0)
