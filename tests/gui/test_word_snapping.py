"""Mouse drags snap to whole words: real presses and releases at pixel
positions in the gaps beside words and on their first and last letters, in
Arabic (right to left) and Polish, on wrapped lines, at two zoom levels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.ui.fonts import DEFAULT_POINT_SIZE
from tests.helpers.gui import caret_point, drag, glyph_box, open_document, stored_spans

TASHKENT = "ar-2016-06-24-xi-nazarbayev-tashkent"
POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
ZOOMS = (DEFAULT_POINT_SIZE, DEFAULT_POINT_SIZE + 8)


def _label_drag(window, qtbot, doc, press: QPoint, release: QPoint, **kwargs):
    """Drag, press 1, read back what was stored, and undo it."""
    view = window.view
    scrolled = view.verticalScrollBar().value()
    drag(view, press, release, **kwargs)
    qtbot.keyClick(view, Qt.Key.Key_1)
    spans = stored_spans(window.project, doc.id)
    if spans:
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(window.project, doc.id) == []
    view.verticalScrollBar().setValue(scrolled)  # the pixel positions stay true
    return [doc.text[start:end] for start, end, _ in spans]


def _words(text: str, phrase: str, occurrence: int = 0):
    """(start, end) of the first and last word of a phrase in the text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    first = phrase.split(" ")[0]
    last = phrase.split(" ")[-1]
    end = start + len(phrase)
    return (start, start + len(first)), (end - len(last), end), (start, end)


@pytest.mark.parametrize("point_size", ZOOMS)
@pytest.mark.parametrize("phrase", ["شي جين بينغ", "الرئيس الصيني", "24 يونيو 2016"])
def test_arabic_drags_from_the_gap_or_the_letters_keep_every_word(window, qtbot, point_size, phrase):
    window.resize(1200, 700)  # wide enough that each phrase stays on one line at every zoom
    doc = open_document(window, TASHKENT)
    window.view.set_point_size(point_size)
    qtbot.wait(10)
    first, last, _ = _words(doc.text, phrase)
    head, tail = glyph_box(window.view, *first), glyph_box(window.view, *last)
    assert head.top() == tail.top(), "the phrase fits on one line"
    y = head.center().y()
    # Right to left: the phrase begins at the right edge of its first word.
    presses = {f"{px} px into the gap right of it": head.right() + px for px in (1, 2, 3)}
    presses["on its first letter"] = head.right() - 2
    presses["on its last letter"] = head.left() + 2
    releases = {"on the last word's last letter": tail.left() + 2,
                "2 px into the gap left of the last word": tail.left() - 2,
                "on the last word's first letter": tail.right() - 2}
    failures = []
    for press_name, press_x in presses.items():
        for release_name, release_x in releases.items():
            got = _label_drag(window, qtbot, doc, QPoint(press_x, y), QPoint(release_x, y))
            if got != [phrase]:
                failures.append(f"press {press_name}, release {release_name}: {got}")
        # The same drag the other way round.
        got = _label_drag(window, qtbot, doc, QPoint(tail.left() + 2, y), QPoint(press_x, y))
        if got != [phrase]:
            failures.append(f"backwards to {press_name}: {got}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("point_size", ZOOMS)
def test_polish_drags_from_the_gap_or_the_letters_keep_every_word(window, qtbot, point_size):
    doc = open_document(window, POLISH)
    window.view.set_point_size(point_size)
    qtbot.wait(10)
    phrase = "Komunistyczna Partia Chin"
    first, last, _ = _words(doc.text, phrase)
    view = window.view
    view.verticalScrollBar().setValue(
        view.verticalScrollBar().value() + caret_point(view, first[0]).y() - 60)
    head, tail = glyph_box(window.view, *first), glyph_box(window.view, *last)
    presses = [head.left() - 2, head.left() + 2, head.left() + 5, head.right() - 2]
    releases = [tail.right() - 2, tail.right() + 2, tail.left() + 2]
    failures = []
    for press_x in presses:
        for release_x in releases:
            got = _label_drag(window, qtbot, doc, QPoint(press_x, head.center().y()),
                              QPoint(release_x, tail.center().y()))
            if got != [phrase]:
                failures.append(f"press at {press_x - head.left()} px from the first word's left, "
                                f"release at {release_x - tail.right()} px from the last word's right: {got}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("point_size", ZOOMS)
def test_a_drag_across_a_line_wrap_from_the_right_edge_of_a_number(window, qtbot, point_size):
    doc = open_document(window, TASHKENT)
    view = window.view
    view.set_point_size(point_size)
    number, month, _ = _words(doc.text, "24 يونيو")
    for width in range(800, 1800, 4):
        window.resize(width, 700)
        qtbot.wait(1)
        if glyph_box(view, *number).top() < glyph_box(view, *month).top():
            break
    else:
        pytest.fail("no window width puts «24» and «يونيو» on two lines")
    box, below = glyph_box(view, *number), glyph_box(view, *month)
    for press_x in (box.right() + 2, box.right() - 1, box.center().x()):
        for release_x in (below.left() + 2, below.center().x()):
            got = _label_drag(window, qtbot, doc, QPoint(press_x, box.center().y()),
                              QPoint(release_x, below.center().y()))
            assert got == ["24 يونيو"], (press_x - box.right(), release_x - below.left())


def test_a_press_and_release_inside_one_word_takes_the_word(window, qtbot):
    doc = open_document(window, TASHKENT)
    (start, end), _, _ = _words(doc.text, "نزارباييف")
    box = glyph_box(window.view, start, end)
    y = box.center().y()
    got = _label_drag(window, qtbot, doc, QPoint(box.right() - 8, y), QPoint(box.left() + 8, y))
    assert got == ["نزارباييف"]


def test_a_drag_starting_between_a_proclitic_and_its_word_leaves_the_proclitic(window, qtbot):
    doc = open_document(window, TASHKENT)
    view = window.view
    start = doc.text.index("وقازاقستان") + 1  # after the و
    end = start + len("قازاقستان")
    word = glyph_box(view, start, end)
    # Press on the first letter after the و, a pixel from the boundary.
    press = caret_point(view, start, nudge=-1)
    got = _label_drag(window, qtbot, doc, press, QPoint(word.left() + 2, word.center().y()))
    assert got == ["قازاقستان"]
    # A press in the gap before the word takes it whole, و included.
    whole = glyph_box(view, start - 1, end)
    got = _label_drag(window, qtbot, doc, QPoint(whole.right() + 2, whole.center().y()),
                      QPoint(word.left() + 2, word.center().y()))
    assert got == ["وقازاقستان"]
    # The other way (left to right on screen): ending on that letter, at the
    # و's edge, leaves the و out as well; ending on the و takes it in.
    got = _label_drag(window, qtbot, doc, QPoint(word.left() + 2, word.center().y()), press)
    assert got == ["قازاقستان"]
    waw = glyph_box(view, start - 1, start)
    got = _label_drag(window, qtbot, doc, QPoint(word.left() + 2, word.center().y()),
                      waw.center())
    assert got == ["وقازاقستان"]


def test_alt_drag_selects_letters_exactly_and_the_status_bar_says_so(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index("Komunistyczna")
    alt = Qt.KeyboardModifier.AltModifier
    got = _label_drag(window, qtbot, doc, caret_point(view, start + 3), caret_point(view, start + 8),
                      modifiers=alt)
    assert got == ["unist"]
    # Without Alt the same drag is the whole word.
    got = _label_drag(window, qtbot, doc, caret_point(view, start + 3), caret_point(view, start + 8))
    assert got == ["Komunistyczna"]
    assert "whole words" in window.selection_mode.label.text()
    window.selection_mode.action.trigger()  # Edit ▸ Exact Selection, remembered
    assert "exact letters" in window.selection_mode.label.text()
    assert window.settings.value("selection/exact") in (True, "true")
    got = _label_drag(window, qtbot, doc, caret_point(view, start + 3), caret_point(view, start + 8))
    assert got == ["unist"]


def test_double_click_selects_a_hyphenated_name_whole(window, qtbot):
    for name, hyphenated in ((TASHKENT.replace("2016-06-24-xi-nazarbayev-tashkent",
                                               "2021-06-02-xi-tokayev-phone-call"), "قاسم-جومارت"),
                             (POLISH, "Kassymem-Jomartem")):
        doc = open_document(window, name)
        view = window.view
        start = doc.text.index(hyphenated)
        box = glyph_box(view, start, start + 3)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
        assert view.selection() == (start, start + len(hyphenated))


def test_a_drag_from_the_hyphen_of_a_name_keeps_the_name_whole(window, qtbot):
    doc = open_document(window, TASHKENT.replace("2016-06-24-xi-nazarbayev-tashkent",
                                                 "2021-06-02-xi-tokayev-phone-call"))
    view = window.view
    name = "قاسم-جومارت توكاييف"
    start = doc.text.index(name)
    hyphen = start + len("قاسم")
    press = glyph_box(view, hyphen, hyphen + 1).center()
    last = glyph_box(view, start + len(name) - 3, start + len(name))
    # Right to left: from the hyphen leftwards to the end of توكاييف.
    got = _label_drag(window, qtbot, doc, press, QPoint(last.left() + 2, last.center().y()))
    assert got == [name]


def test_a_span_that_cuts_a_word_is_marked_in_the_view(window, qtbot):
    from PySide6.QtGui import QColor, QTextCursor

    from annotator.core.model import DocumentRecord, Span

    text = "اجتمع الرئيس الصيني شي جين بينغ والصين"
    president, china = text.index("الرئيس"), text.index("والصين")
    window.project.import_records([DocumentRecord("cut", text, spans=[
        Span(president + 1, president + 6, "PERSON"), Span(china + 1, china + 6, "ORG")])],
        annotator="alice")
    window.doc_model.reload()
    open_document(window, "cut")
    view = window.view
    assert [(span.start, cut.offset) for span, cut in view.cuts()] == [(president + 1, president + 1)]
    image = view.viewport().grab().toImage()
    cursor = QTextCursor(view.document())

    def red_pixels_at(index):
        cursor.setPosition(index)
        rect = view.cursorRect(cursor)
        return sum(1 for y in range(rect.top(), rect.bottom())
                   if QColor(image.pixel(rect.left(), y)).red() > 200
                   and QColor(image.pixel(rect.left(), y)).green() < 60)

    assert red_pixels_at(president + 1) > 10
    assert red_pixels_at(china + 1) == 0  # و|الصين is no cut


def test_a_keyboard_selection_shows_the_whole_words_a_label_would_take(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index("Komunistyczna Partia")
    view.set_selection(start, start)
    for _ in range(len("Komunistyczna P")):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (start, start + len("Komunistyczna P"))
    whole = (start, start + len("Komunistyczna Partia"))
    assert view.word_preview() == whole
    # Drawn: a dotted outline along the words, past the letters selected.
    pen = view.palette().highlight().color().darker(150)
    image = view.viewport().grab().toImage()
    rects = view.span_rects(Span(*whole, ""))
    beyond = max(rects, key=lambda r: r.right())  # left to right: the words' end, past the letters
    row = [QColor(image.pixel(x, beyond.top())) for x in range(beyond.left(), beyond.right())]
    assert sum(c.rgb() == pen.rgb() for c in row) > 10
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert [doc.text[s:e] for s, e, _ in stored_spans(window.project, doc.id)] == [
        "Komunistyczna Partia"]
    window.selection_mode.action.trigger()  # exact letters: what is selected is what is taken
    view.set_selection(start, start + 3)
    assert view.word_preview() is None


def test_a_keyboard_selection_inside_a_word_labels_the_whole_word_unless_exact(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index("Komunistyczna")
    view.set_selection(start + 2, start + 2)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert [doc.text[s:e] for s, e, _ in stored_spans(window.project, doc.id)] == ["Komunistyczna"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.selection_mode.action.trigger()  # exact letters
    view.set_selection(start + 2, start + 2)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert [doc.text[s:e] for s, e, _ in stored_spans(window.project, doc.id)] == ["muni"]


@pytest.mark.parametrize("where", ["right", "middle", "left"])
def test_an_exact_arabic_drag_takes_the_letter_pressed_wherever_on_it(window, qtbot, where):
    # Alt+drag from any point of ق in «وقازاقستان» to its last letter: Qt's
    # nearest caret made it start a letter or two later.
    doc = open_document(window, TASHKENT)
    view = window.view
    word = doc.text.index("وقازاقستان")
    qaf, last = word + 1, word + len("وقازاقستان") - 1
    box = glyph_box(view, qaf, qaf + 1)
    x = {"right": box.right() - 1, "middle": box.center().x(), "left": box.left() + 1}[where]
    release = glyph_box(view, last, last + 1).center()
    got = _label_drag(window, qtbot, doc, QPoint(x, box.center().y()), release,
                      modifiers=Qt.KeyboardModifier.AltModifier)
    assert got == ["قازاقستان"]


@pytest.mark.parametrize("document, phrase", [
    (POLISH, "Chin (KPCh)"),
    ("ar-2022-30-years-diplomatic-relations", "اليوم (الاثنين)"),
])
def test_a_drag_released_on_a_closing_bracket_keeps_the_pair(window, qtbot, document, phrase):
    """Released on the glyph of «)», a drag from the first word keeps the
    bracket it opened: no label of half a pair («Chin (KPCh»)."""
    doc = open_document(window, document)
    view = window.view
    start = doc.text.index(phrase)
    end = start + len(phrase)
    first = glyph_box(view, start, start + 1).center()
    closing = glyph_box(view, end - 1, end).center()  # on the bracket itself
    assert _label_drag(window, qtbot, doc, first, closing) == [phrase]


def test_a_bracket_beside_a_word_is_no_part_of_its_label():
    from annotator.core.word_edges import with_its_brackets

    text = "Partia Chin (KPCh) i (Pekin, «Astana»)"
    assert with_its_brackets(text, text.index("KPCh"), text.index("KPCh") + 4) == (
        text.index("KPCh"), text.index("KPCh") + 4)  # balanced: the word alone
    chin = text.index("Chin")
    assert with_its_brackets(text, chin, text.index(")")) == (chin, text.index(")") + 1)
    pekin = text.index("Pekin")
    assert with_its_brackets(text, pekin, len(text)) == (pekin - 1, len(text))
    astana = text.index("«Astana")
    assert with_its_brackets(text, astana, astana + 7) == (astana, astana + 8)


def test_a_press_at_the_edge_of_a_names_own_first_letter_keeps_it(window, qtbot):
    """ب of بينغ is the name's first letter, not «with»: the document never
    writes «ينغ» alone. A drag pressed where ب meets ي keeps the ب (the
    proclitic rule leaves out only a و or ب whose rest stands alone:
    قازاقستان beside وقازاقستان)."""
    doc = open_document(window, "ar-2022-30-years-diplomatic-relations")
    view = window.view
    start = doc.text.index("بينغ")
    end = start + len("بينغ")
    word = glyph_box(view, start, end)
    press = caret_point(view, start + 1, nudge=-1)  # on ي, a pixel from the ب
    got = _label_drag(window, qtbot, doc, press, QPoint(word.left() + 2, word.center().y()))
    assert got == ["بينغ"]
