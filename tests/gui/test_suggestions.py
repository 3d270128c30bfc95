"""Suggestions in the window, with real key presses: a label proposes the
other mentions of the name, drawn as dashed outlines; the keys step to them,
accept and reject them; the file follows each key."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from annotator.core.model import Origin
from annotator.suggest.gazetteer import parse_gazetteer
from annotator.ui.document_list import span_count_text
from tests.helpers.files import rejection_table
from tests.helpers.gui import caret_point, drag, open_document

ARABIC = "ar-2021-06-02-xi-tokayev-phone-call"
NAME = "توكاييف"  # three times in the document
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def settings(tmp_path):
    """The settings of a first start: other mentions proposed in the document."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def layer(window, doc_id):
    return window.project.spans(doc_id, "alice")


def label_first_mention(window, qtbot, doc):
    view = window.view
    start = doc.text.index(NAME)
    end = start + len(NAME)
    drag(view, caret_point(view, start, nudge=+3), caret_point(view, end, nudge=-1))
    qtbot.keyClick(view, Qt.Key.Key_1)
    return start, end


def has_fill(view, index):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._map.to_utf16(index) + 1)
    return cursor.charFormat().background().style() != Qt.BrushStyle.NoBrush


def test_label_then_step_accept_and_reject_with_keys(window, qtbot):
    doc = open_document(window, ARABIC)
    view = window.view
    start, end = label_first_mention(window, qtbot, doc)
    spans = layer(window, doc.id)
    [manual] = [s for s in spans if s.origin is Origin.MANUAL]
    assert (manual.start, manual.end, manual.label) == (start, end, "PERSON")
    suggested = [s for s in spans if s.is_suggestion]
    assert len(suggested) >= 2
    # The count says the proposals only, not the label that joined their entity.
    assert window.statusBar().currentMessage().startswith(
        f"{len(suggested)} other mentions proposed")
    assert {s.reason for s in suggested} == {f"mention of «{NAME}»"}
    assert [doc.text[s.start:s.end] for s in suggested] == [NAME, NAME]
    # Drawn as dashed outlines in the label's colour, with no fill; the label is filled.
    outlined = {span.id: pen for span, pen in view.suggestion_outlines()}
    assert set(outlined) == {s.id for s in suggested}
    assert all(pen.style() == Qt.PenStyle.DashLine for pen in outlined.values())
    assert has_fill(view, start) and not has_fill(view, suggested[-1].start)
    # Listed with their source.
    model = window.span_list.span_model
    sources = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert sources.count(f"mention of «\u2068{NAME}\u2069»") == len(suggested)
    assert view.selected_span().id == manual.id  # the selection stays on the label

    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    first = view.selected_span()
    assert first.id == suggested[0].id
    qtbot.keyClick(view, Qt.Key.Key_Return, ALT)
    assert window.project.span(first.id).origin is Origin.MANUAL  # in the file at once
    assert first.id not in {span.id for span, _ in view.suggestion_outlines()}
    # Accepting moved on to the next suggestion; reject it.
    second = view.selected_span()
    assert second.id == suggested[1].id and second.is_suggestion
    qtbot.keyClick(view, Qt.Key.Key_Delete, ALT)
    assert second.id not in {s.id for s in layer(window, doc.id)}
    assert len(rejection_table(window.project)) == 1
    # Ctrl+Z brings the suggestion back and forgets the rejection; Ctrl+Y rejects again.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.span(second.id).is_suggestion and rejection_table(window.project) == []
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert second.id not in {s.id for s in layer(window, doc.id)}
    # Proposing every mention in the project does not bring the rejected one back.
    window.suggestions.mentions_in_project()
    assert second.key not in {s.key for s in layer(window, doc.id)}
    assert window.project.span(first.id).origin is Origin.MANUAL


def test_accept_all_and_reject_all_keys_are_one_undo_step(window, qtbot):
    doc = open_document(window, ARABIC)
    view = window.view
    label_first_mention(window, qtbot, doc)
    count = len([s for s in layer(window, doc.id) if s.is_suggestion])
    qtbot.keyClick(view, Qt.Key.Key_Return, ALT | Qt.KeyboardModifier.ShiftModifier)
    assert all(s.origin is Origin.MANUAL for s in layer(window, doc.id))
    assert view.suggestion_outlines() == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len([s for s in layer(window, doc.id) if s.is_suggestion]) == count
    qtbot.keyClick(view, Qt.Key.Key_Delete, ALT | Qt.KeyboardModifier.ShiftModifier)
    assert [s.origin for s in layer(window, doc.id)] == [Origin.MANUAL]
    assert len(rejection_table(window.project)) == count
    # One more Ctrl+Z takes back the label and what it proposed together.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer(window, doc.id) == []


def test_the_mention_setting_is_remembered_and_off_proposes_nothing(window, qtbot, settings):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Suggestions")
    off = next(a for a in menu.actions() if a.text() == "Propose &No Mentions")
    off.trigger()
    assert settings.value("suggestions/mentions") == "off"
    doc = open_document(window, ARABIC)
    label_first_mention(window, qtbot, doc)
    assert [s.origin for s in layer(window, doc.id)] == [Origin.MANUAL]


def test_dates_and_a_gazetteer_from_the_window_and_saving_labels(window, qtbot, tmp_path):
    doc = open_document(window, ARABIC)
    window.suggestions.propose_dates(every_document=False)
    dates = [s for s in layer(window, doc.id) if s.label == "DATE"]
    assert dates and {s.reason for s in dates} == {"date rule"}
    assert {s.id for s, _ in window.view.suggestion_outlines()} >= {s.id for s in dates}
    other = window.project.document_ids()[-1]
    assert window.project.spans(other, "alice") == []  # this document only
    label_first_mention(window, qtbot, doc)
    path = tmp_path / "mine.tsv"
    assert window.suggestions.save_gazetteer_to(path) == 1
    gazetteer = parse_gazetteer(path.read_text(encoding="utf-8"), ["PERSON"])
    assert [(e.phrase, e.label) for e in gazetteer.entries] == [(NAME, "PERSON")]


def test_suggestion_keys_are_in_f1_help_and_collide_with_no_other_key(window):
    from PySide6.QtGui import QKeySequence

    from annotator.ui.keyboard_help import TEXT_KEYS, main_window_rows, menu_actions

    rows = dict(main_window_rows(window.menuBar()))

    def shown(keys):
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

    assert rows[shown("Alt+Down")] == "Next Suggestion"
    assert rows[shown("Alt+Return")] == "Accept Suggestion"
    assert rows[shown("Alt+Shift+Delete")] == "Reject All Suggestions of the Document"
    keys = [k.toString(QKeySequence.SequenceFormat.PortableText)
            for action in menu_actions(window.menuBar()) for k in action.shortcuts()]
    assert len(keys) == len(set(keys))
    assert not {"Alt+Down", "Alt+Up", "Alt+Return", "Alt+Delete"} & {k for k, _ in TEXT_KEYS}


def test_a_bulk_proposal_keeps_the_undo_history_so_a_delete_undoes_exactly(window, qtbot):
    import sqlite3
    from contextlib import closing

    def row(span_id):
        with closing(sqlite3.connect(window.project.path)) as conn:
            return conn.execute("SELECT * FROM spans WHERE id = ?", (span_id,)).fetchone()

    window.suggestions.set_scope("off")  # the label is the newest span of the file
    doc = open_document(window, ARABIC)
    view = window.view
    label_first_mention(window, qtbot, doc)
    [label] = layer(window, doc.id)
    kept = row(label.id)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert layer(window, doc.id) == []
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Suggestions")
    next(a for a in menu.actions() if a.text() == "Propose Dates in This Document").trigger()
    dates = [s for s in layer(window, doc.id) if s.label == "DATE"]
    assert dates and all(s.id > label.id for s in dates)
    assert window.editor.undo_stack.canUndo()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row(label.id) == kept  # the same row: id, offsets, label, origin, times
    assert {s.id for s in layer(window, doc.id)} == {label.id} | {s.id for s in dates}
    # And the label itself still undoes, the proposed dates staying.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row(label.id) is None
    assert {s.id for s in layer(window, doc.id)} == {s.id for s in dates}


def test_forget_rejections_from_the_menu_lets_a_rejected_date_come_back(window, qtbot):
    doc = open_document(window, ARABIC)
    view = window.view
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Suggestions")
    entry = {a.text(): a for a in menu.actions()}
    entry["Propose Dates in This Document"].trigger()
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    rejected = view.selected_span()
    assert rejected.label == "DATE" and rejected.is_suggestion
    qtbot.keyClick(view, Qt.Key.Key_Delete, ALT)
    # A rejection in another document, which this document's entry leaves alone.
    other_id = next(i for i in window.project.document_ids() if i != doc.id)
    window.project.remember_rejections(other_id, "alice", [(0, 3, "DATE")])
    entry["Propose Dates in This Document"].trigger()
    assert rejected.key not in {s.key for s in layer(window, doc.id)}

    entry["&Forget Rejections in This Document"].trigger()
    assert [r[0] for r in rejection_table(window.project)] == [other_id]
    assert "1 rejected suggestion in this document forgotten" in window.statusBar().currentMessage()
    entry["Propose Dates in This Document"].trigger()
    assert rejected.key in {s.key for s in layer(window, doc.id)}
    entry["Forget Rejections in the Pro&ject"].trigger()
    assert rejection_table(window.project) == []


def test_the_document_list_counts_labels_and_shows_open_suggestions_apart(window, qtbot):
    doc = open_document(window, ARABIC)
    model = window.doc_model

    def shown(document_id):
        return model.data(model.index(model.row_of(document_id), 3))

    label_first_mention(window, qtbot, doc)
    assert shown(doc.id) == "1 (+2)"
    qtbot.keyClick(window.view, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, ALT)
    assert shown(doc.id) == "2 (+1)"
    qtbot.keyClick(window.view, Qt.Key.Key_Return, ALT | Qt.KeyboardModifier.ShiftModifier)
    assert shown(doc.id) == 3
    # Dates proposed in every document: the other rows show theirs too.
    window.suggestions.propose_dates(every_document=True)
    other = next(i for i in window.project.document_ids()
                 if i != doc.id and window.project.spans(i, "alice"))
    assert shown(other) == f"0 (+{len(window.project.spans(other, 'alice'))})"


def outline_pixels(view, span, pen):
    """How many pixels along the span's outline have the outline's colour,
    in what the viewport paints with the span scrolled into sight."""
    view.center_on(span.start)
    image = view.viewport().grab().toImage()
    color = pen.color().rgb()
    count = 0
    for rect in view.span_rects(span, view.viewport().rect()):
        for x in range(rect.left(), rect.right() + 1):
            for y in (rect.top() + 1, rect.bottom() - 1):
                count += image.pixel(x, y) == color
    return count


def test_proposed_mentions_are_painted_after_the_label_key_and_go_with_its_undo(window, qtbot):
    doc = open_document(window, ARABIC)
    view = window.view
    start, _ = label_first_mention(window, qtbot, doc)
    outlines = view.suggestion_outlines()
    assert len(outlines) == 2
    # Painted: each outline is in the viewport's pixels, without a fill inside.
    assert all(outline_pixels(view, span, pen) > 10 for span, pen in outlines)
    assert not any(has_fill(view, span.start) for span, _ in outlines)
    # The selected suggestion is filled; undoing the label takes it, its fill
    # and every outline away.
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    selected = view.selected_span()
    assert selected.is_suggestion and has_fill(view, selected.start)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.spans == [] and layer(window, doc.id) == []
    assert not has_fill(view, selected.start) and not has_fill(view, start)
    assert all(outline_pixels(view, span, pen) == 0 for span, pen in outlines)
    # Redo paints them again, with the same ids.
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    again = view.suggestion_outlines()
    assert [s.id for s, _ in again] == [s.id for s, _ in outlines]
    assert all(outline_pixels(view, span, pen) > 10 for span, pen in again)
    assert has_fill(view, start) and not has_fill(view, selected.start)


def test_the_document_list_shows_a_span_count_with_its_suggestions_whole(window, qtbot):
    doc = open_document(window, ARABIC)
    label_first_mention(window, qtbot, doc)
    table = window.documents.table
    row = next(r for r in range(table.model().rowCount())
               if table.model().index(r, 0).data() == ARABIC)
    assert "(+" in str(table.model().index(row, 3).data())
    # Counts of a long article (a name proposed in every paragraph) are not elided.
    long_article = replace(window.doc_model.row(row), span_count=120, suggestion_count=350)
    text = str(span_count_text(long_article))
    assert table.fontMetrics().horizontalAdvance(text) + 6 <= table.columnWidth(3)


def test_marking_done_with_open_suggestions_says_they_are_not_labels(window, qtbot):
    doc = open_document(window, ARABIC)
    label_first_mention(window, qtbot, doc)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert message.startswith("Marked done, with 2 suggestions still open")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # to do again
    qtbot.keyClick(window.view, Qt.Key.Key_Return, ALT | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Marked done."


def test_a_label_on_some_letters_of_a_word_proposes_no_mentions(window, qtbot):
    # "i" of "Xi" marked exactly (Alt+drag): as a whole word "i" is the
    # Polish "and", dozens of times in the article.
    doc = open_document(window, "pl-2021-06-02-xi-tokayev-phone-call")
    view = window.view
    start = doc.text.index("Xi ") + 1
    drag(view, caret_point(view, start), caret_point(view, start + 1), modifiers=ALT)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert [(s.start, s.end, s.origin) for s in layer(window, doc.id)] == [
        (start, start + 1, Origin.MANUAL)]
    assert window.project.labelled_names("alice") == []  # nor for the command line
    # A whole word labelled still proposes its mentions.
    label_first_mention(window, qtbot, open_document(window, ARABIC))
    assert window.project.labelled_names("alice") == [(NAME, "PERSON", "ar")]


def test_undo_of_a_label_takes_back_its_mentions_in_the_whole_project(window, qtbot):
    window.suggestions.set_scope("project")  # Suggestions ▸ ... in the Whole Project
    doc = open_document(window, ARABIC)
    others = [i for i in window.project.document_ids() if i != doc.id]

    def open_elsewhere():
        return sum(window.project.span_and_suggestion_counts(i, "alice")[1] for i in others)

    label_first_mention(window, qtbot, doc)
    proposed = open_elsewhere()
    assert proposed > 0  # توكاييف in the other Arabic articles
    assert f"{proposed} more in other documents" in window.statusBar().currentMessage()
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer(window, doc.id) == [] and open_elsewhere() == 0
    # The status bar no longer speaks of mentions that are gone.
    assert window.statusBar().currentMessage() == "Undone: Add PERSON"
    shown = [window.doc_model.row(window.doc_model.row_of(i)) for i in others]
    assert [row.suggestion_count for row in shown] == [0] * len(others)  # the list too
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert open_elsewhere() == proposed


def test_a_label_key_on_the_words_of_a_proposal_accepts_or_replaces_it(window, qtbot):
    """The words of an open proposal selected (a double-click, a drag), then
    a label key: its own label accepts it, where "already labelled" left it a
    proposal that no export wrote; another label replaces it."""
    doc = open_document(window, ARABIC)
    view = window.view
    start, end = label_first_mention(window, qtbot, doc)
    first, second = sorted((s for s in layer(window, doc.id) if s.is_suggestion),
                           key=lambda s: s.start)[:2]
    view.set_selection(first.start, first.end)
    qtbot.keyClick(view, Qt.Key.Key_1)  # PERSON, the proposal's own label
    spans = {s.id: s for s in layer(window, doc.id)}
    assert spans[first.id].origin is Origin.MANUAL and spans[first.id].label == "PERSON"
    assert not window.statusBar().currentMessage().startswith("That text is already labelled")
    view.set_selection(second.start, second.end)
    qtbot.keyClick(view, Qt.Key.Key_2)  # ORG on the words proposed as PERSON
    here = [(s.label, s.origin) for s in layer(window, doc.id)
            if (s.start, s.end) == (second.start, second.end)]
    assert here == [("ORG", Origin.MANUAL)]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step back
    here = [(s.label, s.origin) for s in layer(window, doc.id)
            if (s.start, s.end) == (second.start, second.end)]
    assert here == [("PERSON", Origin.SUGGESTED)]


def test_deleting_or_relabelling_a_name_says_its_proposed_mentions_went_with_it(window, qtbot):
    doc = open_document(window, ARABIC)
    view = window.view
    start, _ = label_first_mention(window, qtbot, doc)
    proposed = sum(s.is_suggestion for s in layer(window, doc.id))
    assert proposed >= 2
    [label] = [s for s in layer(window, doc.id) if not s.is_suggestion]
    view.select_span(label)
    qtbot.keyClick(view, Qt.Key.Key_2)  # ORG: the proposals follow
    assert window.statusBar().currentMessage() == (
        f"Relabelled ORG, and the {proposed} mentions proposed from it with it.")
    assert {s.label for s in layer(window, doc.id)} == {"ORG"}
    view.select_span(next(s for s in layer(window, doc.id) if not s.is_suggestion))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert layer(window, doc.id) == []
    assert window.statusBar().currentMessage() == (
        f"ORG deleted, and the {proposed} mentions proposed from it (Ctrl+Z brings them back).")


def test_a_source_with_an_arabic_name_and_a_confidence_reads_in_order(qapp):
    """«وانغ يي» (85%): the Arabic name must not carry the number and the
    percent sign along (it showed «(%85) «وانغ يي)."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    from annotator.core.model import Span
    from annotator.ui.span_list import suggestion_source

    text = suggestion_source(Span(0, 7, "PERSON", origin=Origin.SUGGESTED,
                                  reason="variant of «وانغ يي»", confidence=0.85))
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)  # an English interface's cell
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    x = [line.cursorToX(i)[0] for i in range(len(text) + 1)]
    opening, digit, percent = text.index("("), text.index("8"), text.index("%")
    # Left to right on screen: "variant of", the name, then (85%) in that order.
    assert x[text.index("variant")] < x[opening] < x[digit] < x[percent]
