"""The adjudication window, driven from the keyboard."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import GOLD_ANNOTATOR, DocumentRecord, Status
from annotator.store import Project
from annotator.ui.review_window import ReviewWindow
from tests.fixtures.sample_annotations import POLISH_DOC, annotated_records


@pytest.fixture
def review_project(tmp_path, seeds_dir):
    """alice and bob on the Polish article: bob drops one span, relabels one
    and moves the boundary of another."""
    [_, polish] = [r for r in annotated_records(seeds_dir) if r.name in (POLISH_DOC,)] * 2
    alice = replace(polish, annotator="alice")
    bob_spans = list(polish.spans)
    dropped = bob_spans.pop(1)  # w środę
    bob_spans[0] = replace(bob_spans[0], end=bob_spans[0].start + 2)  # "Xi" only
    bob_spans[2] = replace(bob_spans[2], label="INITIATIVE")  # Komunistyczna Partia Chin
    bob = DocumentRecord(polish.name, polish.text, bob_spans, annotator="bob")
    with Project.open(tmp_path / "review.db") as project:
        project.import_records([alice, bob])
    project = Project.open(tmp_path / "review.db")
    yield project, polish, dropped
    project.close()


def open_review(qtbot, project):
    window = ReviewWindow(project)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def go_to(qtbot, window, wanted):
    for _ in range(len(window.found.groups)):
        if wanted(window.current_group()):
            return
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    raise AssertionError("no such disagreement")


def gold_keys(project, doc_id):
    return sorted(s.key for s in project.spans(doc_id, GOLD_ANNOTATOR))


def test_every_disagreement_settled_from_the_keyboard(qtbot, review_project):
    project, polish, dropped = review_project
    window = open_review(qtbot, project)
    view = window.view
    doc_id = project.document_by_name(POLISH_DOC).id
    assert window.documents.count() == 1
    assert len(window.found.groups) == 3
    assert window.progress.text() == "Settled 0 of 1 documents"

    qtbot.keyClick(view, Qt.Key.Key_A)  # everything both agree on
    agreed = sorted(c.key for c in window.found.agreed)
    assert gold_keys(project, doc_id) == agreed
    assert len(agreed) == len(polish.spans) - 3

    # Group 1: Xi Jinping (alice) against Xi (bob): keep alice's.
    group = window.current_group()
    assert group.kind == "boundary"
    full_name = next(i for i, c in enumerate(group.candidates)
                     if c.end - c.start == len("Xi Jinping"))
    qtbot.keyClick(view, Qt.Key(Qt.Key.Key_1 + full_name))
    assert group.candidates[full_name].key in gold_keys(project, doc_id)
    assert window.current_group().start != group.start  # on to the next one
    assert len(window.undecided_groups()) == 2

    # Group 2: w środę only alice marked: reject it.
    go_to(qtbot, window, lambda g: g.start == dropped.start)
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert (dropped.start, dropped.end, dropped.label) not in gold_keys(project, doc_id)
    assert len(window.undecided_groups()) == 1

    # Group 3: ORG against INITIATIVE on the same words: keep both, undo, redo,
    # undo, then keep ORG.
    go_to(qtbot, window, lambda g: g.kind == "label")
    group = window.current_group()
    before = gold_keys(project, doc_id)
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert len(gold_keys(project, doc_id)) == len(before) + 2
    assert window.undecided_groups() == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_keys(project, doc_id) == before
    assert len(window.undecided_groups()) == 1  # undo takes the decision back too
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(gold_keys(project, doc_id)) == len(before) + 2
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    go_to(qtbot, window, lambda g: g.kind == "label")
    org = next(i for i, c in enumerate(group.candidates) if c.label == "ORG")
    qtbot.keyClick(view, Qt.Key(Qt.Key.Key_1 + org))
    assert (group.start, group.end, "ORG") in gold_keys(project, doc_id)
    assert (group.start, group.end, "INITIATIVE") not in gold_keys(project, doc_id)
    assert window.undecided_groups() == []

    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.status(doc_id, GOLD_ANNOTATOR) is Status.DONE
    assert window.progress.text() == "Settled 1 of 1 documents"
    assert {s.origin.value for s in project.spans(doc_id, GOLD_ANNOTATOR)} == {"adjudicated"}


def test_an_edit_replaces_the_earlier_decision_of_its_place(qtbot, review_project):
    project, polish, _ = review_project
    window = open_review(qtbot, project)
    view = window.view
    doc_id = project.document_by_name(POLISH_DOC).id
    group = window.current_group()
    first = group.candidates[0]
    qtbot.keyClick(view, Qt.Key.Key_1)  # decide: keep the first version
    assert gold_keys(project, doc_id) == [first.key]
    assert window.current_group().start != group.start
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # come back
    assert window.current_group() == group
    qtbot.keyClick(view, Qt.Key.Key_E)  # selects the disputed place
    assert view.selection() == (group.start, group.end)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (group.start, group.end - 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    # The edit replaces the earlier decision: gold holds only the edited span.
    assert gold_keys(project, doc_id) == [(group.start, group.end - 1, "PERSON")]
    assert window.undecided_groups() == [1, 2]
    # One undo step brings the earlier decision back, redo the edit.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_keys(project, doc_id) == [first.key]
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert gold_keys(project, doc_id) == [(group.start, group.end - 1, "PERSON")]


def test_an_edit_moves_the_start_with_alt_shift_arrows(qtbot, review_project):
    project, polish, _ = review_project
    window = open_review(qtbot, project)
    view = window.view
    doc_id = project.document_by_name(POLISH_DOC).id
    group = window.current_group()
    assert polish.text[group.start:group.end] == "Xi Jinping"
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_E)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, alt_shift)
    assert view.selection() == (group.start + 3, group.end)  # the end stays
    qtbot.keyClick(view, Qt.Key.Key_Left, alt_shift | Qt.KeyboardModifier.ControlModifier)
    assert view.selection() == (group.start, group.end)  # a word back
    qtbot.keyClick(view, Qt.Key.Key_Right, alt_shift | Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_2)  # ORG
    start = polish.text.index("Jinping")
    assert gold_keys(project, doc_id) == [(start, group.end, "ORG")]


def test_gold_spans_are_stepped_through_and_removed_from_the_keyboard(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    view = window.view
    doc_id = project.document_by_name(POLISH_DOC).id
    qtbot.keyClick(view, Qt.Key.Key_A)  # agreed spans into gold
    gold = sorted(project.spans(doc_id, GOLD_ANNOTATOR), key=lambda s: s.start)
    assert len(gold) >= 3
    caret = window.current_group().start  # the window shows the first disagreement
    following = [s for s in gold if s.start >= caret]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_span().key == following[0].key
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_span().key == following[1].key
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    chosen = view.selected_span()
    assert chosen.key == following[1].key
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert gold_keys(project, doc_id) == sorted(s.key for s in gold if s.key != chosen.key)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_keys(project, doc_id) == sorted(s.key for s in gold)
    # From the last gold span, Ctrl+Down wraps round to the first.
    for _ in range(len(gold) + 1):
        qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        if view.selected_span().key == gold[-1].key:
            break
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_span().key == gold[0].key
