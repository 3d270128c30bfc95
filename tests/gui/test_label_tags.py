"""Label tags: each span's label drawn above its start, outside the text."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontMetrics, QTextCursor

from annotator.core.model import DocumentRecord, Span
from tests.helpers.gui import open_document

TEXT = "بكين 2 يونيو 2021 (شينخوا) قال الرئيس الصيني شي جين بينغ اليوم\nXi Jinping spoke to شي جين بينغ"


def _ink(image, rect: QRect) -> int:
    """Pixels in ``rect`` clearly darker than the background."""
    rect = rect.intersected(image.rect())
    return sum(1 for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())
               if QColor(image.pixel(x, y)).lightness() < 160)


def _tag_area(view, index: int, rtl: bool) -> QRect:
    """The room above the line at a span's start, on the side the span runs."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(index)
    caret = view.cursorRect(cursor)
    height = view.fontMetrics().height() // 2
    left = caret.left() - 40 if rtl else caret.left()
    return QRect(left, caret.top() - height, 40, height)


def test_tags_show_above_spans_and_the_view_menu_turns_them_off(window, qtbot):
    xi = TEXT.index("شي")
    latin = TEXT.index("Xi")
    window.project.import_records([DocumentRecord("tags", TEXT, spans=[
        Span(xi, xi + len("شي جين بينغ"), "PERSON"), Span(latin, latin + 10, "PERSON")])],
        annotator="alice")
    window.doc_model.reload()
    open_document(window, "tags")
    view = window.view
    assert window.label_tags_action.isChecked()
    qtbot.wait(10)
    shown = view.viewport().grab().toImage()
    assert _ink(shown, _tag_area(view, xi, rtl=True)) > 15
    assert _ink(shown, _tag_area(view, latin, rtl=False)) > 15
    # The tags are drawn, not inserted: the text (and its Arabic shaping) is untouched.
    assert view.document().toPlainText() == TEXT

    window.label_tags_action.trigger()
    qtbot.wait(10)
    hidden = view.viewport().grab().toImage()
    assert _ink(hidden, _tag_area(view, xi, rtl=True)) == 0
    assert _ink(hidden, _tag_area(view, latin, rtl=False)) == 0
    assert window.settings.value("view/label_tags") in (False, "false")


def test_a_tag_at_the_left_edge_of_a_right_to_left_line_is_drawn_whole(window, qtbot):
    """A span ending a full Arabic line starts at the line's left edge: its
    tag, which runs leftwards from there, is moved into the view, not cut."""
    words = ("قال الرئيس الصيني شي جين بينغ اليوم إن الصين على استعداد للعمل مع قازاقستان "
             "يدا بيد وكتفا بكتف لتعزيز العلاقات الجيدة بينهما ") * 6
    window.project.import_records([DocumentRecord("edge", words)], annotator="alice")
    window.doc_model.reload()
    open_document(window, "edge")
    view = window.view
    qtbot.wait(10)
    font = view.font()
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.5))
    font.setBold(True)
    whole = QFontMetrics(font).horizontalAdvance("INITIATIVE")
    cursor = QTextCursor(view.document())
    # A word whose start (its right edge) is nearer the view's left edge than
    # the tag is wide: drawn where it starts, the tag would run out of the view.
    start = None
    for width in range(1000, 600, -7):
        window.resize(width, 700)
        qtbot.wait(1)
        for position in (i for i in range(1, len(words)) if words[i - 1] == " "):
            cursor.setPosition(position)
            rect = view.cursorRect(cursor)
            if 0 <= rect.left() < whole - 10 and 0 <= rect.top() < view.viewport().height() - 40:
                start = position
                break
        if start is not None:
            break
    assert start is not None, "no line ends with a short word at the view's left edge"
    end = words.index(" ", start)
    window.editor.labelling.add(start, end, "INITIATIVE")
    qtbot.wait(10)
    image = view.viewport().grab().toImage()
    cursor.setPosition(start)
    caret = view.cursorRect(cursor)
    height = view.fontMetrics().height() // 2
    band = QRect(0, caret.top() - height, whole + 40, height)
    columns = [x for x in range(band.left(), band.right())
               if any(QColor(image.pixel(x, y)).lightness() < 160
                      for y in range(max(band.top(), 0), band.bottom()))]
    assert columns, "the tag is drawn"
    assert columns[-1] - columns[0] + 1 >= whole - 4  # all of it, not its last letters


def test_tags_of_spans_starting_close_together_do_not_overlap(window, qtbot):
    # An outer INITIATIVE and an inner DATE a letter apart, on an Arabic and
    # on a Latin line: the tags met and read "DATBNITIATIVE".
    arabic = "تعزيز مبادرة الحزام والطريق الصينية اليوم\nthe Belt and Road Initiative of China today"
    outer = arabic.index("مبادرة")
    latin = arabic.index("Belt")
    spans = [Span(outer, outer + len("مبادرة الحزام والطريق"), "INITIATIVE"),
             Span(outer + 1, outer + 6, "DATE"),
             Span(latin - 4, latin + len("Belt and Road Initiative"), "INITIATIVE"),
             Span(latin, latin + 4, "DATE")]
    window.project.import_records([DocumentRecord("close", arabic, spans=spans)], annotator="alice")
    window.doc_model.reload()
    open_document(window, "close")
    view = window.view
    qtbot.wait(10)
    boxes = [box for box, _, _ in view.tag_boxes(0, len(arabic), view.viewport().rect())]
    assert len(boxes) == 4
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.intersects(b), (a, b)
    # Drawn where they are placed: ink in each box.
    shown = view.viewport().grab().toImage()
    assert all(_ink(shown, box) > 5 for box in boxes)


def test_ctrl_home_shows_the_tags_of_the_first_line(window, qtbot):
    """Ctrl+End then Ctrl+Home: the first line's tags are in sight, not cut
    off above the viewport."""
    from PySide6.QtCore import Qt

    long_text = TEXT + "\n" + "\n".join(f"سطر {n} من النص" for n in range(200))
    xi = TEXT.index("شي")
    window.project.import_records([DocumentRecord("long", long_text, spans=[
        Span(xi, xi + len("شي جين بينغ"), "PERSON")])], annotator="alice")
    window.doc_model.reload()
    open_document(window, "long")
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() > 0
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() == view.verticalScrollBar().minimum()
    qtbot.wait(10)
    area = _tag_area(view, xi, rtl=True)
    assert area.top() >= 0  # the room for the tag is inside the viewport
    assert _ink(view.viewport().grab().toImage(), area) > 15
