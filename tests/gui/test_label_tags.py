"""Label tags: each span's label drawn above its start, outside the text."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QTextCursor

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
