"""One edit in a long right-to-left document with many spans: the span list
takes its row where the file's order puts it, and the highlight is painted
on the words, after an add, an undo, a redo, a relabel and a delete. (Each
edit changes only what it touches; these tests check that what the user
sees is still all of it.)"""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QRect, Qt

from annotator.formats.registry import read_paths
from annotator.store import Project
from annotator.ui.colors import label_color, selected_color
from tests.helpers.gui import caret_point, glyph_box, open_window

NAME = "long-arabic"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _long_arabic_text(seeds_dir, length: int) -> str:
    articles = [p.read_text(encoding="utf-8").strip() for p in sorted(seeds_dir.glob("ar-*.txt"))]
    joined = "\n".join(articles)
    return (joined * (length // len(joined) + 1))[:length]


@pytest.fixture
def long_window(qtbot, settings, tmp_path, seeds_dir):
    """A 40,000-character Arabic document with a span on every third word."""
    text = _long_arabic_text(seeds_dir, 40_000)
    words = [m.span() for m in re.finditer(r"[^\W\d_]{3,}", text)]
    labels = ("PERSON", "ORG", "DATE")
    spans = [{"start": s, "end": e, "label": labels[n % 3]} for n, (s, e) in enumerate(words[::3])]
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": NAME, "text": text, "lang": "ar", "spans": spans},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "long.db"
    with Project.open(path) as project:
        project.import_records(read_paths([source]), annotator="alice")
    window = open_window(qtbot, settings, path)
    doc = window.project.document_by_name(NAME)
    window.documents.select_document(doc.id)
    window.view.finish_document()  # the part left for after the first paint
    window.view.setFocus()
    assert len(window.view.spans) == len(spans) > 900
    window.words = words
    return window


def _list_keys(window) -> list[tuple]:
    model = window.span_list.span_model
    return [model.row_item(row).key for row in range(model.rowCount())]


def _stored_keys(window) -> list[tuple]:
    doc = window.editor.document
    spans = window.project.spans(doc.id, "alice")
    return [s.key for s in sorted(spans, key=lambda s: (s.start, -s.end, s.label))]


def _share_in(view, box: QRect, color) -> float:
    """How much of a box of the view is painted exactly in ``color``."""
    image = view.viewport().grab().toImage()
    inside = [(x, y) for x in range(box.left() + 1, box.right())
              for y in range(box.top() + 2, box.bottom() - 1)]
    same = sum(image.pixelColor(x, y).rgb() == color.rgb() for x, y in inside)
    return same / len(inside)


def _free_word_in_the_middle(window) -> tuple[int, int]:
    taken = {(s.start, s.end) for s in window.view.spans}
    text = window.view.text
    return next((s, e) for s, e in window.words
                if s > len(text) // 2 and (s, e) not in taken
                and not any(a < e and s < b for a, b in taken))


def _colors(window, label):
    hex_color = window.editor.colors()[label]
    return label_color(hex_color), selected_color(hex_color)


def test_add_undo_redo_relabel_delete_show_the_row_and_the_fill(long_window, qtbot):
    window, view = long_window, long_window.view
    list_view = window.span_list
    start, end = _free_word_in_the_middle(window)
    view.center_on(start)
    box = glyph_box(view, start, end)
    org, org_selected = _colors(window, "ORG")
    assert _share_in(view, box, org) == 0 and _share_in(view, box, org_selected) == 0

    # Add: a double click on the word, then key 2 (ORG).
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, start + 1))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert (start, end, "ORG") in _stored_keys(window)
    assert _list_keys(window) == _stored_keys(window)
    row = _list_keys(window).index((start, end, "ORG"))
    assert list_view.currentIndex().row() == row  # the new span is the list's selected row
    assert list_view.span_model.data(list_view.span_model.index(row, 1)).strip("\u200f") == \
        view.text[start:end]
    assert _share_in(view, box, org_selected) > 0.3  # painted as the selected span

    # Undo: the row and the fill go.
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert (start, end, "ORG") not in _stored_keys(window)
    assert _list_keys(window) == _stored_keys(window)
    assert _share_in(view, box, org_selected) == 0 and _share_in(view, box, org) == 0

    # Redo: back at the same row, painted again.
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _list_keys(window) == _stored_keys(window)
    assert _list_keys(window)[row] == (start, end, "ORG")
    assert _share_in(view, box, org_selected) > 0.3

    # Relabel (key 3, DATE): the row changes in place, the fill takes the new colour.
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert _list_keys(window) == _stored_keys(window)
    assert _list_keys(window)[row] == (start, end, "DATE")
    date, date_selected = _colors(window, "DATE")
    assert _share_in(view, box, date_selected) > 0.3 and _share_in(view, box, org_selected) == 0

    # Click elsewhere: the span is shown in its plain label colour.
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert _share_in(view, box, date) > 0.3

    # Delete: select it with a click, then Delete.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, start + 1))
    assert view.selected_span().key == (start, end, "DATE")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert (start, end, "DATE") not in _stored_keys(window)
    assert _list_keys(window) == _stored_keys(window)
    assert _share_in(view, box, date) == 0 and _share_in(view, box, date_selected) == 0


def test_an_edit_leaves_the_spans_around_it_painted(long_window, qtbot):
    window, view = long_window, long_window.view
    start, end = _free_word_in_the_middle(window)
    view.center_on(start)
    before = next(s for s in reversed(view.spans) if s.end <= start)
    after = next(s for s in view.spans if s.start >= end)
    boxes = {span: glyph_box(view, span.start, span.end) for span in (before, after)}
    view.set_selection(start, end)
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    for span, box in boxes.items():
        assert _share_in(view, box, _colors(window, span.label)[0]) > 0.3


def test_the_range_in_sight_is_the_paragraphs_in_sight(long_window, qtbot):
    """What a paint draws over the text (label tags, cut marks, underlines)
    is taken from the paragraphs in sight, all of them and no more, wherever
    the view is scrolled, and before Qt has laid out the whole text. (Qt's
    own hit test, used before, answered paragraphs far below at the top of
    a long text, so the tags in sight were left out.)"""
    view = long_window.view
    visible = view.viewport().rect()
    bar = view.verticalScrollBar()
    document = view.document()
    layout = document.documentLayout()
    view.show_document(view.text, view._direction, None, view.spans, view._colors, top_first=True)

    def check(value: int) -> None:
        bar.setValue(value)
        view.viewport().grab()  # a paint: Qt lays out what is in sight
        top, bottom = value + visible.top(), value + visible.bottom()
        lo, hi = view.visible_range(visible)
        in_sight = []
        block = document.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.bottom() > top and rect.top() <= bottom:
                in_sight.append(block)
            block = block.next()
        assert lo == view._map.to_index(in_sight[0].position())
        end = in_sight[-1].position() + in_sight[-1].length()
        assert hi == min(view._map.to_index(end), len(view.text))

    for value in (0, 1, 40):  # the top, while the rest waits for the first paint
        check(value)
    view.finish_document()
    layout.blockBoundingRect(document.lastBlock())  # laid out to the end
    # The scroll bar takes the laid-out height after a turn of the event loop.
    qtbot.waitUntil(lambda: bar.maximum() <= layout.documentSize().height() - visible.height() + 40)
    for value in (bar.maximum() // 3, bar.maximum() // 2 + 7, 40, bar.maximum(), 0):
        check(value)


def test_the_first_screen_of_a_long_document_has_its_label_tags(long_window, qtbot):
    """At the very top the view's top left is in the room left above the
    first line for its tags; the tags in sight are drawn all the same."""
    view = long_window.view
    qtbot.wait(400)  # the window as a reader has it: Qt has laid the text out meanwhile
    view.verticalScrollBar().setValue(0)
    first = view.spans[0]
    color = label_color(long_window.editor.colors()[first.label]).darker(230)
    box = glyph_box(view, first.start, first.end)
    room = QRect(box.left() - 40, 0, box.width() + 80, box.top())  # above the span's line
    image = view.viewport().grab().toImage()
    tag_pixels = sum(image.pixelColor(x, y).rgb() == color.rgb()
                     for x in range(max(0, room.left()), room.right())
                     for y in range(room.top(), room.bottom()))
    assert tag_pixels > 5
