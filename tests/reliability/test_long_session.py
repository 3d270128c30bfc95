"""A long labelling session: 20,000 edits through the window's own editor.

PySide6 6.12.0 on Python 3.11 corrupted None's reference count on every call
of a method returning nothing; a long session then aborted. This runs enough
calls to catch that kind of fault, and checks the project still agrees with
the view at the end."""

from __future__ import annotations

import random

from annotator.core.model import DocumentRecord
from annotator.store import Project
from annotator.ui.annotation_editor import AnnotationEditor
from annotator.ui.text_view import AnnotationView

OPERATIONS = 20_000


def test_twenty_thousand_edits_without_a_crash(qtbot):
    project = Project.in_memory()
    text = ("قال الرئيس الصيني شي جين بينغ إن الصين وقازاقستان شريكتان. "
            "Xi Jinping powiedział w środę 🇵🇱, że Chiny są gotowe. ") * 20
    project.import_records([DocumentRecord("long", text)])
    view = AnnotationView()
    qtbot.addWidget(view)
    editor = AnnotationEditor(project, "alice", view)
    editor.open_document(project.document_ids()[0])
    stack = editor.undo_stack
    words = [(m_start, m_start + len(w)) for m_start, w in _words(text)]
    rng = random.Random(7)
    done = 0
    while done < OPERATIONS:
        roll = rng.random()
        if roll < 0.35:
            view.set_selection(*rng.choice(words))
            editor.apply_label(rng.randrange(4))
        elif roll < 0.55 and view.spans:
            view.select_span(rng.choice(view.spans))
            editor.apply_label(rng.randrange(4))
        elif roll < 0.65 and view.spans:
            view.select_span(rng.choice(view.spans))
            editor.delete_selected()
        elif roll < 0.85:
            stack.undo()
        else:
            stack.redo()
        done += 1
        if done % 2000 == 0:
            stack.clear()  # keep the history bounded, as a long day would
    stored = sorted((s.start, s.end, s.label) for s in project.spans(editor.document.id, "alice"))
    shown = sorted((s.start, s.end, s.label) for s in view.spans)
    assert stored == shown
    assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _words(text):
    position = 0
    for word in text.split(" "):
        if word.strip():
            yield position, word.strip()
        position += len(word) + 1
