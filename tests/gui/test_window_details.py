"""The window's smaller promises: switching projects, plain text everywhere,
find, lists, keys, status bar, font and alignment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.core.model import DocumentRecord, Status
from annotator.formats.registry import read_paths
from annotator.store import Project
from annotator.ui import main_window
from annotator.ui.main_window import MainWindow
from tests.helpers.gui import caret_point, drag, open_document, stored_spans, type_text

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
ARABIC = "ar-2021-06-02-xi-tokayev-phone-call"


def shown_as(text: str) -> str:
    """What Qt shows for a tooltip or prompt string: it guesses rich text."""
    document = QTextDocument()
    if QtGuiNamespace.mightBeRichText(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


def test_labelling_after_switching_projects_writes_to_the_new_one(window, qtbot, tmp_path, seeds_dir):
    first = window.project.path
    other = tmp_path / "other.db"
    with Project.open(other) as project:
        project.import_records(read_paths([seeds_dir]))
    assert window.open_project(other)
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index("KPCh")
    drag(view, caret_point(view, start, -1), caret_point(view, start + 4, 1))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored_spans(window.project, doc.id) == [(start, start + 4, "ORG")]
    assert window.editor.undo_stack.count() == 1
    with Project.open(first) as project:
        assert project.stats()["spans"] == 0


def test_a_new_empty_project_shows_no_old_document(window, qtbot, tmp_path):
    open_document(window, POLISH)
    assert window.view.toPlainText()
    assert window.open_project(tmp_path / "empty.db", create=True)
    assert window.view.toPlainText() == ""
    assert window.span_list.span_model.rowCount() == 0
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # nothing to label, nothing breaks
    assert window.project.stats()["spans"] == 0


def test_a_recent_project_that_is_gone_is_not_created_and_leaves_the_menu(
        qtbot, settings, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(main_window, "show_message", lambda *args: shown.append(args[-1]))
    gone = tmp_path / "gone.db"
    settings.setValue("project/recent", [str(gone)])
    win = MainWindow(settings, "alice")
    qtbot.addWidget(win)
    [action] = win.recent_menu.actions()
    action.trigger()
    assert not gone.exists()
    assert "no such project file" in shown[0]
    assert win.recent_menu.actions() == []


def test_user_text_is_plain_in_tooltips_menus_and_prompts(window, qtbot, monkeypatch):
    name = "<b>bold</b> & <img src=x.png>"
    window.project.import_records([DocumentRecord(name, "Tekst o <i>Chinach</i>.")])
    window.project.add_label("<i>TAG</i>")
    window.refresh_labels()
    window.doc_model.reload()
    model = window.doc_model
    row = model.row_of(window.project.document_by_name(name).id)
    assert shown_as(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)) == f"{name} (ltr)"
    assert model.data(model.index(row, 0)) == name
    assert shown_as(window.palette.buttons[-1].toolTip()) == "<i>TAG</i>: press 5"
    open_document(window, name)
    # The language prompt names the document as typed.
    prompts = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda parent, title, label, **kw: (prompts.append(label), ("", False))[1])
    window._on_set_language()
    assert shown_as(prompts[0]).startswith(f"Language code of {name}")
    # A recent project whose path holds '&' keeps it in the menu.
    window._remember_recent(window.project.path.with_name("R&D.db"))
    assert window.recent_menu.actions()[0].text().replace("&&", "&").endswith("R&D.db")
    assert "&&" in window.recent_menu.actions()[0].text()


def test_find_bar_return_and_shift_return_step_both_ways(window, qtbot):
    doc = open_document(window, POLISH)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(window.find_bar.edit, "tokajew")
    hits = [i for i in range(len(doc.text)) if doc.text.startswith("Tokajew", i)]
    assert len(hits) >= 3
    assert window.view.selection()[0] == hits[0]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.view.selection()[0] == hits[1]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection()[0] == hits[0]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection()[0] == hits[-1]
    assert window.find_bar.count.text() == f"{len(hits)} of {len(hits)}"


def test_status_filter_shows_only_documents_in_that_state(window, qtbot):
    doc = open_document(window, POLISH)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    combo = window.documents.filter
    combo.setCurrentIndex(combo.findData(Status.DONE.value))
    model = window.doc_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == doc.name
    combo.setCurrentIndex(combo.findData(Status.TODO.value))
    assert model.rowCount() == 4
    combo.setCurrentIndex(0)
    assert model.rowCount() == 5


def test_span_list_click_jumps_and_ctrl_arrows_step_through_spans(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    for phrase, key in (("Xi Jinping", Qt.Key.Key_1), ("KPCh", Qt.Key.Key_2), ("w środę", Qt.Key.Key_3)):
        start = doc.text.index(phrase)
        drag(view, caret_point(view, start, -1), caret_point(view, start + len(phrase), 1))
        qtbot.keyClick(view, key)
    table = window.span_list
    model = table.span_model
    texts = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert texts == ["Xi Jinping", "w środę", "KPCh"]
    rect = table.visualRect(model.index(2, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_span().start == doc.text.index("KPCh")
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_span().start == doc.text.index("Xi Jinping")  # wraps round
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_span().start == doc.text.index("KPCh")
    assert table.currentIndex().row() == 2


def test_status_bar_names_annotator_project_and_saving(window, qtbot):
    doc = open_document(window, POLISH)
    status = window.status_label.text()
    assert status.startswith(f"alice  ·  {window.project.path.name}")
    drag(window.view, caret_point(window.view, 0, -1), caret_point(window.view, 7, 1))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.status_label.text().endswith("All changes saved")
    assert stored_spans(window.project, doc.id) == [(0, 7, "PERSON")]


def test_bundled_arabic_font_and_absolute_alignment(window):
    assert "Noto Naskh Arabic" in QFontDatabase.families()
    assert "Noto Naskh Arabic" in window.view.font().families()
    open_document(window, ARABIC)
    block = window.view.document().firstBlock()
    fmt = block.blockFormat()
    assert fmt.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert fmt.alignment() & Qt.AlignmentFlag.AlignAbsolute
    assert fmt.alignment() & Qt.AlignmentFlag.AlignRight
    # And the first Arabic word is drawn at the right edge of the view.
    first_word_end = window.view.document().toPlainText().index(" ")
    assert caret_point(window.view, 0).x() > window.view.viewport().width() * 0.8
    assert caret_point(window.view, first_word_end).x() < caret_point(window.view, 0).x()


def test_overlapping_spans_each_get_their_own_underline(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    phrase = "Komunistyczna Partia Chin"
    start = doc.text.index(phrase)
    # "Komunistyczna Partia" and "Partia Chin" overlap without nesting.
    for a, b, key in ((start, start + 20, Qt.Key.Key_2), (start + 14, start + len(phrase), Qt.Key.Key_4)):
        drag(view, caret_point(view, a, -1), caret_point(view, b, 1))
        qtbot.keyClick(view, key)
    assert stored_spans(window.project, doc.id) == [
        (start, start + 20, "ORG"), (start + 14, start + len(phrase), "INITIATIVE")]
    lines = view.underlines()
    assert len(lines) == 2
    assert {level for _, level, _ in lines} == {0, 1}
    image = view.viewport().grab().toImage()
    for span, level, pen in lines:
        rect = view.span_rects(span)[0]
        y = rect.bottom() - 1 - level * 3
        colour = pen.color().rgb()
        assert image.pixelColor(rect.center().x(), y).rgb() == colour
    QApplication.processEvents()


def test_a_right_to_left_drag_to_the_end_of_a_word_leaves_the_comma_out(window, qtbot):
    window.resize(700, 700)
    doc = open_document(window, ARABIC)
    view = window.view
    word = "توكاييف،"
    start = doc.text.index(word)
    end = start + len(word) - 1
    # Right to left: from the word's right edge to just past its left one.
    drag(view, caret_point(view, start, nudge=+2), caret_point(view, end + 1, nudge=-1))
    assert "،" in doc.text[slice(*view.selection())]  # the drag took the comma
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert stored_spans(window.project, doc.id) == [(start, end, "PERSON")]


def test_the_document_list_counts_spans_as_they_change(window, qtbot):
    doc = open_document(window, POLISH)
    view, model = window.view, window.doc_model

    def shown_count():
        return model.data(model.index(model.row_of(doc.id), 3))

    counts = []
    for phrase in ("Xi Jinping", "KPCh"):
        start = doc.text.index(phrase)
        drag(view, caret_point(view, start, -1), caret_point(view, start + len(phrase), 1))
        qtbot.keyClick(view, Qt.Key.Key_1)
        counts.append(shown_count())
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the new span is the selected one
    counts.append(shown_count())
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    counts.append(shown_count())
    assert counts == [1, 2, 1, 2]
    assert shown_count() == len(window.project.spans(doc.id, "alice"))


def test_a_name_not_taken_is_asked_again_saying_why(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from annotator.ui.annotator_name import ask_name

    answers, prompts = iter([("Gold ", True), ("  ", True), ("bob", True)]), []

    def typed(parent, title, label, text=""):
        prompts.append((label, text))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", typed)
    assert ask_name(window, "Annotator name", "alice") == "bob"
    assert prompts[0] == ("Your name as annotator:", "alice")
    assert prompts[1][0].startswith("“Gold” names the reviewer's gold layer; choose another name.")
    assert prompts[2][0].startswith("A name cannot be empty.")
    assert all(label.endswith("Your name as annotator:") for label, _ in prompts)
