"""Labelling in the real window with real mouse drags and key presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from annotator.core.model import Direction, DocumentRecord, Status
from tests.helpers.gui import (
    caret_point,
    drag,
    open_document,
    span_table,
    status_table,
    stored_spans,
    type_text,
)

ARABIC = "ar-2021-06-02-xi-tokayev-phone-call"
POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


def test_drag_across_a_wrapped_arabic_name_then_key_1(window, qtbot):
    window.resize(700, 700)  # narrow, so the paragraph wraps
    doc = open_document(window, ARABIC)
    view = window.view
    phrase = "شي جين بينغ"
    start = doc.text.index(phrase)
    end = start + len(phrase)
    # The paragraph holding the name wraps onto more than one line.
    first = caret_point(view, doc.text.rfind("\n", 0, start) + 1)
    last = caret_point(view, doc.text.find("\n", end) - 1)
    assert last.y() > first.y()
    # Right to left: the name begins at its right edge. Start the drag a few
    # pixels into the space before it, as a hurried hand does.
    press = caret_point(view, start, nudge=+3)
    release = caret_point(view, end, nudge=-1)
    assert press.x() > release.x()
    drag(view, press, release)
    assert view.selection() is not None
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored_spans(window.project, doc.id) == [(start, end, "PERSON")]
    assert doc.text[start:end] == phrase


def test_drag_across_polish_words_then_key_2(window, qtbot):
    window.resize(700, 700)  # narrow, so the paragraph wraps
    doc = open_document(window, POLISH)
    view = window.view
    phrase = "Komunistyczna Partia Chin"
    start = doc.text.index(phrase)
    end = start + len(phrase)
    paragraph_start = doc.text.rfind("\n", 0, start) + 1
    assert caret_point(view, doc.text.find("\n", end) - 1).y() > caret_point(view, paragraph_start).y()
    assert caret_point(view, end).x() > caret_point(view, start).x()  # left to right
    drag(view, caret_point(view, start, nudge=-3), caret_point(view, end, nudge=+4))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored_spans(window.project, doc.id) == [(start, end, "ORG")]


def _import(window, name, text):
    window.project.import_records([DocumentRecord(name, text)])
    window.doc_model.reload()
    return open_document(window, name)


def _background_at(view, index):
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view._map.to_utf16(index) + 1)
    return cursor.charFormat().background().color()


def test_spans_after_emoji_and_flags_sit_on_the_right_characters(window, qtbot):
    text = "🇵🇱🇰🇿 Xi 👨\u200d👩\u200d👧 met 😀 Tokayev w Nur-Sułtanie 👍🏽"
    doc = _import(window, "emoji", text)
    view = window.view
    word = "Tokayev"
    start = text.index(word)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                      pos=caret_point(view, start + 3, nudge=+2))
    assert view.selection() == (start, start + len(word))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored_spans(window.project, doc.id) == [(start, start + len(word), "PERSON")]
    person = QColor(window.editor.colors()["PERSON"])
    # In the view the highlight covers exactly those characters.
    assert _background_at(view, start).rgb() != QColor(0, 0, 0, 0).rgb()
    for index in range(len(text)):
        inside = start <= index < start + len(word)
        color = _background_at(view, index)
        assert (color.rgb() == person.darker(135).rgb() or color.rgb() == person.rgb()) == inside, index


def test_keyboard_selection_with_shift_arrows(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, 0, nudge=1))
    view.setFocus()
    for _ in range(len("Chiński")):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert stored_spans(window.project, doc.id) == [(0, len("Chiński"), "DATE")]


def test_click_select_relabel_delete_and_exact_duplicates_refused(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index("Xi Jinping")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, start + 1, 2))
    qtbot.keyClick(view, Qt.Key.Key_1)
    # The same word again with the same label is refused.
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, start + 1, 2))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored_spans(window.project, doc.id) == [(start, start + 2, "PERSON")]
    # A nested span (the whole name) over the first is allowed and stacks.
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # not a triple click
    drag(view, caret_point(view, start, -2), caret_point(view, start + len("Xi Jinping"), 2))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert len(stored_spans(window.project, doc.id)) == 2
    assert len(view.underline_levels) == 2
    # Click the inner span, relabel it with another key, delete it.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, start + 1, 1))
    assert view.selected_span().end == start + 2
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert (start, start + 2, "ORG") in stored_spans(window.project, doc.id)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored_spans(window.project, doc.id) == [(start, start + len("Xi Jinping"), "PERSON")]
    # The same words chosen again, another key: a second label, and the status bar says so.
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    drag(view, caret_point(view, start, -2), caret_point(view, start + len("Xi Jinping"), 2))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert len(stored_spans(window.project, doc.id)) == 2
    assert window.statusBar().currentMessage().startswith(
        "ORG added beside PERSON on the same words; to change the label instead, click the span")


def test_palette_click_labels_the_selection(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index("KPCh")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, start + 1, 2))
    qtbot.mouseClick(window.palette.buttons[1], Qt.MouseButton.LeftButton)
    assert stored_spans(window.project, doc.id) == [(start, start + 4, "ORG")]
    # The span list shows it; clicking the row selects the span in the view.
    model = window.span_list.span_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "KPCh"


def test_undo_and_redo_of_add_delete_relabel_restore_the_database_exactly(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    project = window.project
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier

    def state():
        return span_table(project), status_table(project)

    def label_phrase(phrase, key):
        start = doc.text.index(phrase)
        drag(view, caret_point(view, start, -1), caret_point(view, start + len(phrase), 1))
        qtbot.keyClick(view, key)

    def click_span(phrase):
        start = doc.text.index(phrase)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=caret_point(view, start + 1, 1))
        assert view.selected_span().start == start

    operations = [
        ("add", lambda: label_phrase("Xi Jinping", Qt.Key.Key_1)),
        ("add", lambda: label_phrase("KPCh", Qt.Key.Key_2)),
        ("relabel", lambda: (click_span("KPCh"), qtbot.keyClick(view, Qt.Key.Key_4))),
        ("delete", lambda: (click_span("Xi Jinping"), qtbot.keyClick(view, Qt.Key.Key_Delete))),
    ]
    for kind, operation in operations:
        qtbot.wait(5)  # timestamps have millisecond resolution
        before_spans, _ = state()
        operation()
        after = state()
        assert after[0] != before_spans, kind
        qtbot.wait(5)
        qtbot.keyClick(view, Qt.Key.Key_Z, ctrl)
        assert span_table(project) == before_spans, kind
        qtbot.wait(5)
        qtbot.keyClick(view, Qt.Key.Key_Z, ctrl | shift)
        assert state() == after, kind
        qtbot.keyClick(view, Qt.Key.Key_Z, ctrl)
        qtbot.keyClick(view, Qt.Key.Key_Y, ctrl)
        assert state() == after, kind
    assert window.editor.undo_stack.count() == 4
    assert [(s.start, s.end, s.label) for s in view.spans] == stored_spans(project, doc.id)
    # The whole history back and forth lands on the same rows again.
    final = state()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Z, ctrl)
    assert span_table(project) == []
    assert view.spans == []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Y, ctrl)
    assert state() == final


def test_undo_in_another_document_first_shows_the_document_it_changes(window, qtbot):
    ctrl = Qt.KeyboardModifier.ControlModifier
    polish = open_document(window, POLISH)
    view = window.view
    start = polish.text.index("Xi Jinping")
    drag(view, caret_point(view, start, -1), caret_point(view, start + len("Xi Jinping"), 1))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored_spans(window.project, polish.id) == [(start, start + 10, "PERSON")]
    arabic = open_document(window, ARABIC)
    assert window.editor.document.id == arabic.id
    qtbot.keyClick(view, Qt.Key.Key_Z, ctrl)
    # The label undone is the Polish one: the window shows that document,
    # selected in the list, and the view no longer holds the label.
    assert stored_spans(window.project, polish.id) == []
    assert window.editor.document.id == polish.id
    assert window.documents.model.document_id(window.documents.table.currentIndex().row()) == polish.id
    assert view.spans == []
    open_document(window, ARABIC)
    qtbot.keyClick(view, Qt.Key.Key_Y, ctrl)  # and redo goes back there too
    assert window.editor.document.id == polish.id
    assert [(s.start, s.end, s.label) for s in view.spans] == [(start, start + 10, "PERSON")]


def test_find_ignores_harakat_and_labels_the_match(window, qtbot):
    doc = open_document(window, ARABIC)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    type_text(window.find_bar.edit, "شِينْخُوا")  # with harakat, the text has none
    start = doc.text.index("شينخوا")
    assert view.selection() == (start, start + len("شينخوا"))
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored_spans(window.project, doc.id) == [(start, start + len("شينخوا"), "ORG")]


def test_next_document_and_mark_done_from_the_keyboard(window, qtbot):
    first = window.editor.document.id
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = window.editor.document.id
    assert second != first
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.project.status(second, "alice") is Status.DONE
    row = window.doc_model.row_of(second)
    assert window.doc_model.data(window.doc_model.index(row, 2)) == "done"
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document.id == first
    # Ctrl+Z takes back the mark (showing its document), not an edit before it.
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document.id == second
    assert window.project.status(second, "alice") is not Status.DONE
    assert window.doc_model.data(window.doc_model.index(row, 2)) != "done"
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.project.status(second, "alice") is Status.DONE


def test_direction_override_from_the_view_menu(window, qtbot):
    doc = open_document(window, POLISH)
    window.direction_actions[Direction.RTL].trigger()
    block = window.view.document().firstBlock()
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.project.document(doc.id).direction_override is Direction.RTL
    window.direction_actions[None].trigger()
    assert window.view.document().firstBlock().blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_each_line_keeps_its_own_direction(window):
    open_document(window, ARABIC)
    directions = []
    block = window.view.document().firstBlock()
    while block.isValid():
        if block.text().strip():
            directions.append((block.text()[:12], block.blockFormat().layoutDirection()))
        block = block.next()
    assert directions[0][1] == Qt.LayoutDirection.RightToLeft
    assert ("2021-06-03 0", Qt.LayoutDirection.LeftToRight) in directions  # "arabic.news.cn"
    assert ("Video Player", Qt.LayoutDirection.LeftToRight) in directions


def test_markup_in_text_and_labels_shows_as_plain_text(window, qtbot):
    text = "<b>bold</b> and <img src=x.png> stay as typed"
    doc = _import(window, "markup", text)
    window.project.add_label("<i>TAG</i>")
    window.palette.set_labels(window.project.labels())
    assert window.view.toPlainText() == text
    assert window.view.document().toPlainText() == text
    assert window.palette.buttons[-1].text().endswith("<i>tag</i>".title()) or \
        "<i>" in window.palette.buttons[-1].text()
    assert doc.text == text


def test_window_remembers_geometry_and_last_project(qtbot, settings, sample_db):
    from annotator.ui.main_window import MainWindow

    first = MainWindow(settings, "alice")
    qtbot.addWidget(first)
    first.open_project(sample_db)
    first.resize(700, 520)
    first.show()
    qtbot.waitUntil(first.isVisible)
    qtbot.keyClick(first.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # zoom in
    spans_dock = first.span_list.parentWidget()
    spans_dock.setFloating(True)
    first.close()
    assert settings.value("project/last") == str(sample_db)
    second = MainWindow(settings, "alice")
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
    assert second.recent_menu.actions()[0].text() == str(sample_db)
    assert second.view.point_size == first.view.point_size
    assert second.span_list.parentWidget().isFloating()


def test_f6_steps_through_the_panels_and_back_to_the_text(window, qtbot):
    open_document(window, POLISH)
    window.view.setFocus()
    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        reached.append(QApplication.focusWidget())
    assert reached == [window.documents.table, window.span_list, window.view]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.span_list
    # From the document list the keys choose a document.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.documents.table
    first = window.editor.document.id
    qtbot.keyClick(window.documents.table, Qt.Key.Key_Up)
    assert window.editor.document.id != first
    # Its filters are a Shift+Tab away, the document staying as it is.
    shown = window.editor.document.id
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.documents.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() in (window.documents.filter, window.documents.language_filter,
                                          window.documents.span_filter)
    assert window.editor.document.id == shown


def test_the_span_list_takes_arrow_keys_delete_and_label_keys(window, qtbot):
    doc = open_document(window, POLISH)
    for word in ("Xi", "Tokajew", "Chin"):
        start = doc.text.index(word)
        window.view.set_selection(start, start + len(word))
        qtbot.keyClick(window.view, Qt.Key.Key_1)
    spans = sorted(window.project.spans(doc.id, "alice"), key=lambda s: s.start)
    assert len(spans) == 3
    window.view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    span_list = window.span_list
    assert QApplication.focusWidget() is span_list
    qtbot.keyClick(span_list, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(span_list, Qt.Key.Key_Down)
    # The row reached is the span chosen in the text; the keys stay in the list.
    model = span_list.span_model
    second = model.data(model.index(1, 0), Qt.ItemDataRole.UserRole)
    chosen = window.view.selected_span()
    assert chosen is not None and chosen.id == second.id
    assert QApplication.focusWidget() is span_list
    qtbot.keyClick(span_list, Qt.Key.Key_2)  # ORG
    assert {s.id: s.label for s in window.project.spans(doc.id, "alice")}[second.id] == "ORG"
    qtbot.keyClick(span_list, Qt.Key.Key_Delete)
    assert sorted(s.id for s in window.project.spans(doc.id, "alice")) == sorted(
        s.id for s in spans if s.id != second.id)


def test_a_copy_of_the_file_alone_holds_the_edits_the_window_shows(window, qtbot, tmp_path):
    """Annotators mail PROJECT.db while the window is open: every edit is in
    that file itself, not only in its write-ahead log beside it."""
    import shutil
    import sqlite3

    doc = open_document(window, POLISH)
    view = window.view
    phrase = "Komunistyczna Partia Chin"
    start = doc.text.index(phrase)
    drag(view, caret_point(view, start, nudge=-3),
         caret_point(view, start + len(phrase), nudge=+4))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored_spans(window.project, doc.id) == [(start, start + len(phrase), "ORG")]
    copy = tmp_path / "mailed.db"
    shutil.copyfile(window.project.path, copy)  # the file alone, as a mail takes it
    conn = sqlite3.connect(copy)
    try:
        rows = conn.execute('SELECT start, "end", label FROM spans').fetchall()
    finally:
        conn.close()
    assert rows == [(start, start + len(phrase), "ORG")]


def test_undo_and_redo_answer_under_an_arabic_keyboard_layout_alone(window, qtbot):
    """With only an Arabic layout, Ctrl and the Z key give Ctrl+ئ (Ctrl+Y:
    Ctrl+غ; Ctrl+Shift+Z: Ctrl+~): undo and redo still happen."""
    doc = open_document(window, POLISH)
    view = window.view
    phrase = "Komunistyczna Partia Chin"
    start = doc.text.index(phrase)
    labelled = [(start, start + len(phrase), "ORG")]
    drag(view, caret_point(view, start, nudge=-3),
         caret_point(view, start + len(phrase), nudge=+4))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored_spans(window.project, doc.id) == labelled
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key(ord("ئ")), ctrl)  # the Z key
    assert stored_spans(window.project, doc.id) == []
    qtbot.keyClick(view, Qt.Key(ord("غ")), ctrl)  # the Y key
    assert stored_spans(window.project, doc.id) == labelled
    qtbot.keyClick(view, Qt.Key(ord("ئ")), ctrl)
    qtbot.keyClick(view, Qt.Key.Key_AsciiTilde, ctrl | shift)  # Shift and the Z key
    assert stored_spans(window.project, doc.id) == labelled
    qtbot.keyClick(view, Qt.Key(ord("ب")), ctrl)  # the F key: find
    assert window._find_bar is not None and window._find_bar.isVisible()
