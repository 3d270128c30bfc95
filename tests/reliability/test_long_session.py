"""A long labelling session: 20,000 edits made with real key presses in the
main window, each one saved to the project file as it happens.

PySide6 6.12.0 on Python 3.11 corrupted None's reference count on every call
of a method returning nothing; a long session then aborted. This makes enough
calls of every kind an annotator makes to catch that fault, and checks that
the file still agrees with the view at the end."""

from __future__ import annotations

import os
import random

import pytest
import regex
from PySide6.QtCore import Qt

from tests.helpers.gui import open_document

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
EDITS = int(os.environ.get("LONG_SESSION_EDITS", 20_000))
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
LABEL_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)


@pytest.mark.slow
def test_twenty_thousand_edits_from_the_keyboard_without_a_crash(window, qtbot):
    doc = open_document(window, POLISH)
    view, stack = window.view, window.editor.undo_stack
    words = [m.span() for m in regex.finditer(r"\w+(?: \w+)?", doc.text)]
    rng = random.Random(7)
    kinds = {"add": 0, "relabel": 0, "delete": 0, "undo": 0, "redo": 0}
    edits = 0
    while edits < EDITS:
        before = (stack.index(), stack.count())
        roll = rng.random()
        if roll < 0.35 or not view.spans:
            kind = "add"
            view.set_selection(*rng.choice(words))
            qtbot.keyClick(view, rng.choice(LABEL_KEYS))
        elif roll < 0.55:
            kind = "relabel"
            qtbot.keyClick(view, Qt.Key.Key_Tab)
            qtbot.keyClick(view, rng.choice(LABEL_KEYS))
        elif roll < 0.65:
            kind = "delete"
            qtbot.keyClick(view, Qt.Key.Key_Tab)
            qtbot.keyClick(view, Qt.Key.Key_Delete)
        elif roll < 0.85:
            kind = "undo"
            qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        else:
            kind = "redo"
            qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
        if (stack.index(), stack.count()) != before:  # a refused duplicate is no edit
            kinds[kind] += 1
            edits += 1
    assert all(count > EDITS // 50 for count in kinds.values()), kinds
    window.project.close()
    from annotator.store import Project

    with Project.open(window.settings.value("project/last"), create=False) as project:
        stored = [(s.start, s.end, s.label) for s in project.spans(doc.id, "alice")]
        assert project.integrity_problems() == []
    window.project = None
    assert stored == [(s.start, s.end, s.label) for s in view.spans]
    # Each edit changed the span list and the underlines in place: they are
    # still what building them again from the spans gives.
    from annotator.ui.span_stack import SpanStack

    model = window.span_list.span_model
    assert [model.row_item(r).key for r in range(model.rowCount())] == stored
    rebuilt = SpanStack()
    rebuilt.reset(view.spans)
    assert view.underline_levels == rebuilt.levels
