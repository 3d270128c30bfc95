"""One entity, many mentions, in the window with real key presses: a label's
proposed mentions are grouped with it in the span list; Ctrl+Alt+Return
accepts them all and Alt + a label key relabels them all, each one step of
the undo history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from annotator.core.model import Origin
from annotator.ui.span_list import EntityRow
from tests.helpers.files import rejection_table, span_table
from tests.helpers.gui import caret_point, drag, open_document

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
NAME = "Kassymem-Jomartem Tokajewem"
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def settings(tmp_path):
    """Other mentions proposed in the document, as on a first start."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def label_name(window, qtbot):
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index(NAME)
    drag(view, caret_point(view, start, nudge=+2), caret_point(view, start + len(NAME), nudge=-2))
    qtbot.keyClick(view, Qt.Key.Key_1)  # PERSON
    spans = window.project.spans(doc.id, "alice")
    [label] = [s for s in spans if not s.is_suggestion]
    assert doc.text[label.start:label.end] == NAME
    return doc, label, spans


def rows(window):
    model = window.span_list.span_model
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def test_the_span_list_groups_a_label_with_its_mentions(window, qtbot):
    doc, label, spans = label_name(window, qtbot)
    assert len(spans) == 3 and {s.entity for s in spans} == {label.id}
    assert not window.group_entities_action.isChecked()  # off until asked for
    assert len(rows(window)) == 3
    window.group_entities_action.trigger()
    shown = rows(window)
    assert shown[0] == ("Person", f"{NAME}: 3 mentions (2 open)", "")
    assert window.span_list.columnSpan(0, 1) == 2  # the entity's row reads across
    assert window.span_list.columnSpan(1, 1) == 1
    assert [r[1] for r in shown[1:]] == [NAME, "Tokajew", "Tokajew"]
    assert all(r[0] == "    Person" for r in shown[1:])  # indented under the entity
    assert isinstance(window.span_list.span_model.row_item(0), EntityRow)
    # Choosing the entity's row selects the label it was named after.
    span_list = window.span_list
    qtbot.mouseClick(span_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=span_list.visualRect(span_list.span_model.index(0, 1)).center())
    assert window.view.selected_span().id == label.id
    # The choice is remembered.
    assert window.settings.value("view/group_entities") in (True, "true")


def test_ctrl_alt_return_accepts_the_whole_entity_in_one_undo_step(window, qtbot):
    doc, label, spans = label_name(window, qtbot)
    view = window.view
    assert view.selected_span().id == label.id
    before = span_table(window.project)
    steps = window.editor.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL | ALT)
    after = window.project.spans(doc.id, "alice")
    assert [s.origin for s in after] == [Origin.MANUAL] * 3
    assert window.editor.undo_stack.count() == steps + 1
    assert window.editor.undo_stack.undoText() == f"Accept «{NAME}» (3 mentions)"
    assert not view.suggestion_outlines()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert span_table(window.project) == before
    assert len(view.suggestion_outlines()) == 2
    # One more Ctrl+Z takes the label and its proposals away together.
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert window.project.spans(doc.id, "alice") == []
    assert view.spans == [] and rows(window) == []  # the view and the list follow


def test_alt_and_a_label_key_relabel_every_mention(window, qtbot):
    doc, label, spans = label_name(window, qtbot)
    view = window.view
    window.group_entities_action.trigger()
    before = span_table(window.project)
    qtbot.keyClick(view, Qt.Key.Key_2, ALT)  # ORG
    after = window.project.spans(doc.id, "alice")
    assert {s.label for s in after} == {"ORG"} and len(after) == 3
    assert rows(window)[0][:2] == ("Organization", f"{NAME}: 3 mentions (2 open)")
    assert sum(s.is_suggestion for s in after) == 2  # still proposals, relabelled
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert span_table(window.project) == before


def test_a_span_in_no_entity_says_how_to_group(window, qtbot):
    window.settings.setValue("suggestions/mentions", "off")
    window.suggestions.set_scope("off")
    doc = open_document(window, POLISH)
    view = window.view
    start = doc.text.index(NAME)
    drag(view, caret_point(view, start, nudge=+2), caret_point(view, start + len(NAME), nudge=-2))
    qtbot.keyClick(view, Qt.Key.Key_1)
    messages = []
    window.editor.message.connect(messages.append)
    steps = window.editor.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL | ALT)
    qtbot.keyClick(view, Qt.Key.Key_2, ALT)
    assert window.editor.undo_stack.count() == steps
    assert len(messages) == 2 and all("other mentions" in m for m in messages)
    assert {s.label for s in window.project.spans(doc.id, "alice")} == {"PERSON"}


def test_a_mention_taken_out_of_its_entity_leaves_the_group(window, qtbot):
    doc, label, spans = label_name(window, qtbot)
    window.group_entities_action.trigger()
    mention = spans[-1]
    window.view.select_span(mention)
    from annotator.ui.keyboard_help import menu_actions

    [action] = [a for a in menu_actions(window.menuBar())
                if a.text() == "Take the Span &Out of Its Entity"]
    action.trigger()
    assert window.project.span(mention.id).entity is None
    assert rows(window)[0][1] == f"{NAME}: 2 mentions (1 open)"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.project.span(mention.id).entity == label.id


def test_entity_keys_are_in_f1_help_and_collide_with_no_other_key(window):
    from annotator.ui.keyboard_help import TEXT_KEYS, main_window_rows, menu_actions

    rows_ = dict(main_window_rows(window.menuBar()))
    shown = QKeySequence("Ctrl+Alt+Return").toString(QKeySequence.SequenceFormat.NativeText)
    assert rows_[shown] == "Accept Every Mention of the Entity"
    assert rows_["Alt+1 … 9"] == "Relabel every mention of the selected span's entity"
    keys = [k.toString(QKeySequence.SequenceFormat.PortableText)
            for action in menu_actions(window.menuBar()) for k in action.shortcuts()]
    assert len(keys) == len(set(keys))
    assert not any(k.startswith("Alt+") and k[4:].isdigit() for k in keys)
    assert "Alt+1 … 9" in {k for k, _ in TEXT_KEYS}


def test_alt_and_a_label_key_keep_the_chosen_span_chosen(window, qtbot):
    doc, label, _ = label_name(window, qtbot)
    view = window.view
    view.select_span(next(s for s in view.spans if s.id == label.id))
    qtbot.keyClick(view, Qt.Key.Key_3, ALT)  # every mention of the entity: DATE
    assert {s.label for s in window.project.spans(doc.id, "alice")} == {"DATE"}
    assert view.selected_span().id == label.id  # not the last mention relabelled
    qtbot.keyClick(view, Qt.Key.Key_2)  # so the next key is for the span chosen
    relabelled = {s.id: s.label for s in window.project.spans(doc.id, "alice")}
    assert relabelled[label.id] == "ORG"
    # The entity's only label: its open mentions, proposed as that name, follow it.
    assert sorted(relabelled.values()) == ["ORG", "ORG", "ORG"]


def test_a_label_key_on_a_suggestion_accepts_it_with_that_label(window, qtbot):
    doc, label, spans = label_name(window, qtbot)
    view = window.view
    mention = next(s for s in view.spans if s.is_suggestion)
    view.select_span(mention)
    qtbot.keyClick(view, Qt.Key.Key_3)  # DATE: a label, no longer a proposal
    stored = {s.id: s for s in window.project.spans(doc.id, "alice")}
    assert (stored[mention.id].label, stored[mention.id].origin) == ("DATE", Origin.MANUAL)
    other = next(s for s in view.spans if s.is_suggestion)
    view.select_span(other)
    qtbot.keyClick(view, Qt.Key.Key_1)  # its own label: accepted as it is
    assert window.project.spans(doc.id, "alice", suggestions=False)[-1].label == "PERSON"
    assert not any(s.is_suggestion for s in window.project.spans(doc.id, "alice"))
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [s.id for s in window.project.spans(doc.id, "alice") if s.is_suggestion] == [
        s.id for s in spans if s.is_suggestion]


def test_delete_on_a_suggestion_rejects_it_so_it_is_not_proposed_again(window, qtbot):
    doc, label, spans = label_name(window, qtbot)
    view = window.view
    mention = next(s for s in view.spans if s.is_suggestion)
    view.select_span(mention)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert mention.id not in {s.id for s in window.project.spans(doc.id, "alice")}
    rejected = rejection_table(window.project)
    assert any((mention.start, mention.end, mention.label) == tuple(row[-3:]) for row in rejected)
