"""The window over the labelling service: a store that fails shows a message
and the file as it is; a review file says what it is; the annotator's name."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.app import annotator_name, login_name
from annotator.core.model import DocumentRecord, Span
from annotator.store import Project
from annotator.store.merge import merge_projects
from annotator.ui import main_window
from annotator.ui.main_window import MainWindow
from tests.helpers.gui import (
    annotator_names,
    caret_point,
    drag,
    open_document,
    span_table,
    status_table,
    stored_spans,
)

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown(monkeypatch):
    messages = []
    monkeypatch.setattr(main_window, "show_message", lambda *args: messages.append(args[-1]))
    return messages


def label(window, qtbot, doc, phrase, key):
    view = window.view
    start = doc.text.index(phrase)
    drag(view, caret_point(view, start, -1), caret_point(view, start + len(phrase), 1))
    qtbot.keyClick(view, key)


def disk_full(*args, **kwargs):
    raise sqlite3.OperationalError("database or disk is full")


def test_a_store_error_during_an_edit_shows_a_message_and_no_half_edit(
        window, qtbot, shown, monkeypatch):
    doc = open_document(window, POLISH)
    label(window, qtbot, doc, "Xi Jinping", Qt.Key.Key_1)
    project, stack = window.project, window.editor.undo_stack
    before = span_table(project), status_table(project)
    # The new span row is written, then the store fails before the commit.
    monkeypatch.setattr(project, "span_record", disk_full)
    label(window, qtbot, doc, "KPCh", Qt.Key.Key_2)
    assert shown and "disk is full" in shown[-1]
    assert "disk is full" in window.statusBar().currentMessage()
    monkeypatch.undo()
    assert (span_table(project), status_table(project)) == before
    assert [(s.start, s.end, s.label) for s in window.view.spans] == stored_spans(project, doc.id)
    assert window.span_list.span_model.rowCount() == 1
    assert stack.count() == 1
    row = window.doc_model.row_of(doc.id)
    open_suggestions = sum(s.is_suggestion for s in project.spans(doc.id, "alice"))
    assert window.doc_model.data(window.doc_model.index(row, 3)) == (
        f"1 (+{open_suggestions})" if open_suggestions else 1)


def test_a_failed_undo_keeps_the_view_and_the_history_as_the_file_is(
        window, qtbot, shown, monkeypatch):
    doc = open_document(window, POLISH)
    view, project, stack = window.view, window.project, window.editor.undo_stack
    label(window, qtbot, doc, "Xi Jinping", Qt.Key.Key_1)
    label(window, qtbot, doc, "KPCh", Qt.Key.Key_2)
    before = span_table(project)
    monkeypatch.setattr(project, "delete_spans", disk_full)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert "disk is full" in shown[-1]
    assert span_table(project) == before
    assert len(view.spans) == 2 and window.span_list.span_model.rowCount() == 2
    assert (stack.index(), stack.count()) == (2, 2)  # nothing was undone
    monkeypatch.undo()
    # The history still works: undo now takes KPCh away, redo brings it back.
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [s.label for s in view.spans] == ["PERSON"] and stack.index() == 1
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert span_table(project) == before and len(view.spans) == 2


def test_a_failed_redo_leaves_the_history_where_it_was(window, qtbot, shown, monkeypatch):
    doc = open_document(window, POLISH)
    view, project, stack = window.view, window.project, window.editor.undo_stack
    label(window, qtbot, doc, "Xi Jinping", Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    monkeypatch.setattr(project, "restore_spans", disk_full)
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert "disk is full" in shown[-1]
    assert span_table(project) == [] and view.spans == [] and stack.index() == 0
    monkeypatch.undo()
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert len(view.spans) == 1 and stack.index() == 1


def test_a_span_removed_by_another_program_is_refused_and_the_view_follows_the_file(
        window, qtbot, shown):
    doc = open_document(window, POLISH)
    view = window.view
    label(window, qtbot, doc, "Xi Jinping", Qt.Key.Key_1)
    with sqlite3.connect(window.project.path) as other:
        other.execute("DELETE FROM spans")
    other.close()
    assert view.selected_span() is not None
    qtbot.keyClick(view, Qt.Key.Key_2)  # relabel the selected span
    assert "no span" in shown[-1]
    assert view.spans == [] and window.span_list.span_model.rowCount() == 0
    assert window.editor.undo_stack.count() == 1


@pytest.fixture
def review_file(tmp_path):
    text = "Xi Jinping met Tokayev in Astana."
    paths = []
    for name, spans in (("alice", [Span(0, 10, "PERSON")]), ("bob", [Span(0, 2, "PERSON")])):
        path = tmp_path / f"{name}.db"
        with Project.open(path) as project:
            project.import_records([DocumentRecord("xi", text, spans, annotator=name)])
        paths.append(path)
    review = tmp_path / "review.db"
    with Project.open(review) as project:
        merge_projects(project, paths)
    return review


@pytest.mark.parametrize("accept", [True, False])
def test_a_review_file_says_so_offers_review_and_gains_no_layer(
        qtbot, settings, review_file, monkeypatch, accept):
    offered = []
    monkeypatch.setattr(main_window, "offer_review",
                        lambda parent, name: offered.append(name) or accept)
    window = MainWindow(settings, "carol")
    qtbot.addWidget(window)
    assert window.open_project(review_file)
    assert offered == ["review.db"]
    review = getattr(window, "review_window", None)
    assert (review is not None and review.isVisible()) is accept
    if review is not None:
        qtbot.addWidget(review)
    # Reading the file (document list, first document) added no layer.
    assert annotator_names(window.project) == ["alice", "bob"]
    assert window.doc_model.rowCount() == 1


def test_a_project_file_is_not_offered_for_review(window, monkeypatch, sample_db):
    monkeypatch.setattr(main_window, "offer_review", lambda *a: pytest.fail("offered"))
    assert window.open_project(sample_db)


def _answer_name_dialog(text=None):
    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()

    QTimer.singleShot(100, answer)


def test_cancelling_the_first_name_prompt_keeps_the_login_name_and_says_where_to_change_it(
        qtbot, settings):
    _answer_name_dialog(None)
    name, note = annotator_name(settings)
    assert name == login_name() and name
    assert "Project ▸ Annotator Name…" in note
    assert settings.value("annotator/name") == name


def test_the_annotator_name_can_be_changed_from_the_project_menu(window, qtbot, settings):
    doc = open_document(window, POLISH)
    [action] = [a for m in window.menuBar().actions() if m.text() == "&Project"
                for a in m.menu().actions() if a.text() == "Annotator &Name…"]
    _answer_name_dialog("Leila")
    action.trigger()
    assert window.annotator == "Leila" and settings.value("annotator/name") == "Leila"
    assert window.editor.document.id == doc.id
    label(window, qtbot, doc, "Xi Jinping", Qt.Key.Key_1)
    start = doc.text.index("Xi Jinping")
    assert stored_spans(window.project, doc.id, "Leila") == [(start, start + 10, "PERSON")]
    assert stored_spans(window.project, doc.id, "alice") == []
    assert "Leila" in window.status_label.text()


def test_first_start_offers_the_name_of_the_projects_one_annotator(qtbot, settings, tmp_path):
    handed_out = tmp_path / "alice.db"
    with Project.open(handed_out) as project:
        project.import_records([DocumentRecord("d", "Xi Jinping spoke.", [Span(0, 10, "PERSON")])],
                               annotator="alice")
    seen = []

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())
        seen.append(dialog.textValue())
        dialog.accept()

    QTimer.singleShot(100, answer)
    assert annotator_name(settings, project_path=handed_out) == ("alice", None)
    assert seen == ["alice"]
    # Two people's layers: whose file it is cannot be told, the login name is offered.
    with Project.open(handed_out) as project:
        project.import_records([DocumentRecord("e", "Tokayev spoke.", [Span(0, 7, "PERSON")])],
                               annotator="bob")
    settings.remove("annotator/name")
    _answer_name_dialog(None)
    assert annotator_name(settings, project_path=handed_out)[0] == login_name()


def test_a_merged_layer_is_not_labelled_in_the_review_file(qtbot, settings, review_file,
                                                           monkeypatch):
    """Under the name of a merged annotator, the review file's window labels
    nothing: the next merge of that annotator's file would take it away."""
    from tests.helpers.gui import stored_spans

    monkeypatch.setattr(main_window, "offer_review", lambda parent, name: False)
    window = MainWindow(settings, "alice")
    qtbot.addWidget(window)
    assert window.open_project(review_file)
    assert window.read_only_banner.isVisibleTo(window)
    assert "merged from their own file" in window.read_only_banner.text()
    document = window.project.document_ids()[0]
    merged = stored_spans(window.project, document)
    assert merged == [(0, 10, "PERSON")]
    window.view.set_selection(11, 14)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert stored_spans(window.project, document) == merged  # only what her file holds
    assert "merged from their own file" in window.statusBar().currentMessage()
    # Another name labels a layer of its own.
    other = MainWindow(settings, "rita")
    qtbot.addWidget(other)
    window.close()
    assert other.open_project(review_file)
    assert not other.read_only_banner.isVisibleTo(other)
