"""The review window: settling asks when disagreements are open, undo shows
its place, the window fits the screen and keeps the current place in sight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.formats.export import export_project
from tests.fixtures.sample_annotations import POLISH_DOC
from tests.helpers.gui import caret_point
from tests.helpers.review import open_review, painted_lines


def _answer_when_asked(qtbot, button, seen: list[str]):
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, answer)


def test_ctrl_return_with_open_disagreements_asks_first_naming_how_many(qtbot, review_project, tmp_path):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    doc_id = project.document_by_name(POLISH_DOC).id
    assert len(window.undecided_groups()) == 3
    asked: list[str] = []
    _answer_when_asked(qtbot, QMessageBox.StandardButton.No, asked)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0].startswith(f"3 disagreements in {POLISH_DOC} are still open")
    assert project.status(doc_id, GOLD_ANNOTATOR) is not Status.DONE
    assert window.progress.text() == "Settled 0 of 1 documents"

    window.activateWindow()  # the question had the focus
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # agreed spans into gold; 3 still open
    _answer_when_asked(qtbot, QMessageBox.StandardButton.Yes, asked)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2
    assert project.status(doc_id, GOLD_ANNOTATOR) is Status.DONE
    assert window.progress.text() == "Settled 1 of 1 documents (1 with disagreements open)"

    # The export report names the document settled with open disagreements.
    report = export_project(project, "jsonl", tmp_path / "gold.jsonl", gold=True, done_only=True)
    assert report.settled_with_open == {POLISH_DOC: 3}
    assert any("settled with disagreements still open" in line and POLISH_DOC in line
               for line in report.summary_lines())


def test_settling_with_nothing_open_asks_nothing(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # the agreed spans in gold: nothing to offer
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert window.undecided_groups() == []
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.status(project.document_by_name(POLISH_DOC).id, GOLD_ANNOTATOR) is Status.DONE


def test_undo_moves_to_the_place_it_undid(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    first = window.current_group()
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert window.current_group() != first  # on to the next disagreement
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.current_group() == first
    assert window.view.selection() is None and window.view.caret_index() == first.start


def test_the_window_fits_the_screen_and_gives_the_text_most_room(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    area = window.screen().availableGeometry()
    assert window.frameGeometry().height() <= area.height()
    assert window.frameGeometry().width() <= area.width()
    assert area.contains(window.geometry().topLeft())
    assert window.view.width() > window.width() * 0.45
    # A long name is shortened in its middle to the list's width, whole in the tooltip.
    item = window.documents.item(0)
    name_line = painted_lines(window.documents, item)[0]
    assert POLISH_DOC.startswith(name_line[:5]) and POLISH_DOC.endswith(name_line[-3:])
    assert "…" in name_line
    assert item.toolTip().split("\n")[0] == POLISH_DOC
    width = window.documents.fontMetrics().horizontalAdvance(name_line)
    assert width <= window.documents.viewport().width()


def test_the_current_disagreement_is_scrolled_to_the_middle(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    window.resize(900, 420)  # short, so the text scrolls
    view = window.view
    bar = view.verticalScrollBar()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        group = window.current_group()
        y = caret_point(view, group.start).y()
        middle = view.viewport().height() // 2
        at_an_end = bar.value() in (bar.minimum(), bar.maximum())
        assert abs(y - middle) <= view.fontMetrics().height() or at_an_end


def test_settling_without_the_agreed_spans_is_named_in_the_gold_export(qtbot, review_project,
                                                                       tmp_path):
    """No to "put the spans everyone agreed on in gold?" is the reviewer's
    word, but a misclick would leave gold short unseen: the export names it."""
    project, _, _ = review_project
    window = open_review(qtbot, project)
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_R)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("annotator.ui.review_window.ask_agreed", lambda *args: False)
        qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    doc_id = project.document_by_name(POLISH_DOC).id
    assert project.status(doc_id, GOLD_ANNOTATOR) is Status.DONE
    missing = len(window.adjudication.agreed_missing(doc_id))
    assert missing > 0
    report = export_project(project, "jsonl", tmp_path / "gold.jsonl", gold=True)
    assert report.settled_without_agreed == {POLISH_DOC: missing}
    assert (f"  1 documents were settled without spans every annotator agreed on: "
            f"{POLISH_DOC} ({missing})") in report.summary_lines()
