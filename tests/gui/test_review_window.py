"""The adjudication window, driven from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import GOLD_ANNOTATOR, DocumentRecord, Span, Status
from annotator.store import Project
from annotator.ui.review_window import ReviewWindow
from tests.fixtures.sample_annotations import POLISH_DOC
from tests.helpers.review import open_review, painted_lines


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


def test_an_edit_moves_the_start_with_alt_shift_arrows_and_brackets(qtbot, review_project):
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
    # By a word: [ and ] (Ctrl+Alt+Shift+arrows belong to the desktop on GNOME).
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)
    assert view.selection() == (group.start, group.end)  # a word back
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
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


def runs(flags):
    """Lengths of the runs of True in a row of pixels."""
    lengths, current = [], 0
    for flag in flags:
        if flag:
            current += 1
        elif current:
            lengths.append(current)
            current = 0
    return lengths + ([current] if current else [])


def test_the_view_underlines_each_annotator_in_its_own_style_and_outlines_disputes(
        qtbot, review_project):
    from PySide6.QtGui import QColor

    from annotator.core.model import Span
    from annotator.ui.review_view import DISAGREEMENT, SETTLED
    from annotator.ui.text_view import UNDERLINE_GAP

    project, polish, _ = review_project
    window = open_review(qtbot, project)
    window.resize(1200, 800)  # wide enough for spans on one line
    qtbot.wait(10)
    view = window.view
    assert list(window.layers) == ["alice", "bob"]
    # An agreed span on one line in sight: both underline it, alice lowest, bob above.
    visible = view.viewport().rect().adjusted(4, 4, -4, -4)
    agreed, rect = next((c, r[0]) for c in window.found.agreed
                        for r in [view.span_rects(Span(c.start, c.end, c.label))]
                        if len(r) == 1 and visible.contains(r[0]))
    ink = QColor(window.colors[agreed.label]).darker(160)
    image = view.viewport().grab().toImage()
    styles = {}
    for level, name in enumerate(window.layers):
        y = rect.bottom() - 1 - level * UNDERLINE_GAP
        rows = [runs([image.pixel(x, row) == ink.rgb() for x in range(rect.left(), rect.right())])
                for row in (y - 1, y, y + 1)]
        styles[name] = max(rows, key=sum)
    width = rect.right() - rect.left()
    assert styles["alice"] == [width]  # solid: one unbroken line
    assert len(styles["bob"]) >= 3 and sum(styles["bob"]) < 0.9 * width  # dashed
    # Every disagreement is outlined in red; the agreed KPCh is not.
    red = QColor(DISAGREEMENT)

    def colour_around(span_rect, colour):
        box = span_rect.adjusted(-3, -3, 3, 3)
        return sum(image.pixel(x, y) == colour.rgb()
                   for x in range(box.left(), box.right() + 1)
                   for y in (box.top(), box.top() + 1, box.top() + 2))

    for group in window.found.groups:
        extent = view.span_rects(Span(group.start, group.end, ""), visible)
        assert all(colour_around(r, red) > r.width() // 3 for r in extent), group
    assert colour_around(rect, red) == 0
    # A settled disagreement turns green.
    group = window.current_group()
    qtbot.keyClick(view, Qt.Key.Key_1)
    image = view.viewport().grab().toImage()
    [first] = view.span_rects(Span(group.start, group.end, ""))
    assert colour_around(first, QColor(SETTLED)) > first.width() // 3
    assert colour_around(first, red) == 0


def bar_lengths(bars):
    """Pixels of each label's colour along the middle of its row, and how
    long a bar of 1.0 is in that picture."""
    from PySide6.QtGui import QColor

    from annotator.ui.agreement_charts import NAME_WIDTH, ROW

    image = bars.grab().toImage()
    lengths = {}
    for row, label in enumerate(bars.values):
        y = row * ROW + ROW // 2
        colour = QColor(bars.colors[label]).rgb()
        lengths[label] = sum(image.pixel(x, y) == colour for x in range(image.width()))
    return lengths, image.width() - NAME_WIDTH - 50


def test_agreement_charts_follow_the_numbers(qtbot, review_project):
    from annotator.ui.agreement_charts import CELL, NAME_WIDTH, ROW

    project, _, _ = review_project
    window = ReviewWindow(project)
    qtbot.addWidget(window)
    # The charts are a tab beside Decide: show it, wide enough to read.
    from PySide6.QtWidgets import QDockWidget

    dock = next(d for d in window.findChildren(QDockWidget) if d.objectName() == "Agreement")
    dock.raise_()
    window.resize(1200, 800)
    window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    window.show()
    charts = window.charts
    qtbot.waitUntil(lambda: "exact F1" in charts.summary.text(), timeout=10000)  # a worker's
    assert charts.pair_choice.currentText() == "alice ↔ bob"
    assert "exact F1" in charts.summary.text()
    # bob dropped one of alice's two dates, moved one of her three persons'
    # boundary and called one of her five organisations an initiative (she
    # has three): F1 = 2 tp / (alice's + bob's).
    values = charts.bars.values
    assert values["DATE"] == pytest.approx(2 * 1 / (2 + 1))
    assert values["PERSON"] == pytest.approx(2 * 2 / (3 + 3))
    assert values["ORG"] == pytest.approx(2 * 4 / (5 + 4))
    assert values["INITIATIVE"] == pytest.approx(2 * 3 / (3 + 4))
    assert charts.heatmap.counts[("ORG", "INITIATIVE")] == 1

    # The bars are as long as the numbers say.
    bars = charts.bars
    lengths, span = bar_lengths(bars)
    assert span > 100
    for label, value in values.items():
        assert abs(lengths[label] - span * value) <= 1.5, label
    bars.set_values({"PERSON": 1.0, "ORG": 0.25, "DATE": 0.0, "INITIATIVE": None},
                    bars.colors)
    lengths, span = bar_lengths(bars)
    assert lengths == pytest.approx(
        {"PERSON": span, "ORG": span / 4, "DATE": 0, "INITIATIVE": 0}, abs=1.5)

    # Heatmap cells: white where nothing was counted, darker the more was;
    # agreements (the diagonal) blue, label confusions red.
    heatmap = charts.heatmap
    heatmap.resize(NAME_WIDTH + CELL * len(heatmap.labels) + 10, heatmap.minimumHeight())
    image = heatmap.grab().toImage()
    seen = []
    for i, row_label in enumerate(heatmap.labels):
        for j, column_label in enumerate(heatmap.labels):
            count = heatmap.counts.get((row_label, column_label), 0)
            pixel = image.pixelColor(NAME_WIDTH + j * CELL + 3, ROW + i * CELL + 3)
            darkness = 255 - min(pixel.red(), pixel.green(), pixel.blue())
            if count == 0:
                assert darkness == 0, (row_label, column_label)
            else:
                assert darkness > 0
                assert (pixel.blue() > pixel.red()) == (i == j), (row_label, column_label)
            seen.append((count, darkness))
    assert [d for _, d in sorted(seen)] == sorted(d for _, d in seen)  # more is darker
    assert max(seen)[1] > min(d for c, d in seen if c)


def test_a_store_error_in_a_decision_or_its_undo_is_shown_and_nothing_half_done(
        qtbot, review_project, monkeypatch):
    import sqlite3

    from annotator.ui import review_window

    project, _, _ = review_project
    shown = []
    monkeypatch.setattr(review_window, "show_message", lambda *args: shown.append(args[-1]))
    window = open_review(qtbot, project)
    view, stack = window.view, window.undo_stack
    doc_id = project.document_by_name(POLISH_DOC).id

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(project, "add_span", disk_full)
        qtbot.keyClick(view, Qt.Key.Key_A)
    assert "disk is full" in shown[-1]
    assert gold_keys(project, doc_id) == [] and stack.count() == 0
    qtbot.keyClick(view, Qt.Key.Key_A)
    agreed = gold_keys(project, doc_id)
    assert agreed and view.spans and stack.count() == 1
    with monkeypatch.context() as patch:
        patch.setattr(project, "delete_spans", disk_full)
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 2
    assert gold_keys(project, doc_id) == agreed
    assert sorted(s.key for s in view.spans) == agreed
    assert (stack.index(), stack.count()) == (1, 1)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_keys(project, doc_id) == [] and stack.index() == 0


def test_a_reopened_review_lists_what_is_left_to_settle(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    def line(review):
        return review.documents.item(0).toolTip()  # the whole line, not elided

    assert "3 of 3 to settle" in line(window)
    qtbot.keyClick(window.view, Qt.Key.Key_R)  # reject the first disagreement
    assert "2 of 3 to settle" in line(window)
    window.close()
    # A second document, more disputed, is listed (and opened) first: the
    # Polish line is read from the file alone.
    text = "Alpha met Beta."
    project.import_records([DocumentRecord("other", text, [Span(0, 5, "PERSON")], annotator="alice"),
                            DocumentRecord("other", text, [Span(0, 5, "ORG")], annotator="bob")])
    again = open_review(qtbot, project)
    assert again.documents.count() == 2
    assert again.documents.item(0).data(Qt.ItemDataRole.UserRole) != project.document_by_name(
        POLISH_DOC).id
    assert "2 of 3 to settle" in again.documents.item(1).toolTip()


def test_an_edit_shows_no_whole_word_outline_its_edges_are_letters(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection() is not None
    assert window.view.word_preview() is None


def test_a_merge_from_another_program_is_read_again(qtbot, review_project, tmp_path):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    assert window.documents.count() == 1
    assert not window.read_again_if_changed()  # nothing changed
    qtbot.waitUntil(lambda: window.charts._report is not None)
    before = window.charts._report
    text = "Alpha met Beta."
    with Project.open(project.path, create=False) as elsewhere:  # another connection commits
        elsewhere.import_records([DocumentRecord("other", text, [Span(0, 5, "PERSON")],
                                                 annotator="alice"),
                                  DocumentRecord("other", text, [Span(0, 5, "ORG")],
                                                 annotator="bob")])
    qtbot.waitUntil(lambda: window.documents.count() == 2, timeout=5000)  # the timer's check
    assert "read again" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.charts._report not in (None, before))  # measured again
    assert window.document_id == project.document_by_name(POLISH_DOC).id  # still where it was


def test_deleting_the_decided_gold_span_leaves_its_place_to_settle(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    view = window.view
    group = window.current_group()
    qtbot.keyClick(view, Qt.Key.Key_1)  # keep the first version
    assert len(window.undecided_groups()) == 2
    # The one gold span (the decision) chosen with Ctrl+Down, then Delete.
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_span().start < group.end and group.start < view.selected_span().end
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert gold_keys(project, project.document_by_name(POLISH_DOC).id) == []
    assert len(window.undecided_groups()) == 3
    assert window.current_group().start == group.start  # shown where it was made
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.undecided_groups()) == 2


def test_the_panel_says_what_the_number_keys_do_now(qtbot, review_project):
    project, _, _ = review_project
    window = open_review(qtbot, project)
    assert window.number_keys.text() == "1–9: keep that version"
    qtbot.keyClick(window.view, Qt.Key.Key_E)  # edit: the place is selected
    names = [label.name for label in project.labels()]
    assert window.number_keys.text() == (
        "Text selected: a number key puts it in gold as "
        + ", ".join(f"{i + 1} {name}" for i, name in enumerate(names)))
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.number_keys.text() == "1–9: keep that version"


def test_settling_asks_for_the_agreed_spans_gold_lacks_and_undoes_in_one_step(
        qtbot, review_project, monkeypatch):
    import annotator.ui.review_window as review_window

    project, _, _ = review_project
    window = open_review(qtbot, project)
    view = window.view
    doc_id = project.document_by_name(POLISH_DOC).id
    agreed = sorted(c.key for c in window.found.agreed)
    for _ in range(3):  # every disagreement: reject, A never pressed
        qtbot.keyClick(view, Qt.Key.Key_R)
    assert window.undecided_groups() == []
    asked = []
    monkeypatch.setattr(review_window, "ask_agreed",
                        lambda parent, name, missing: asked.append(missing) or True)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [len(agreed)]  # said, and put in: gold does not lack them unseen
    assert gold_keys(project, doc_id) == agreed
    assert project.status(doc_id, GOLD_ANNOTATOR) is Status.DONE
    assert window.progress.text() == "Settled 1 of 1 documents"
    # Ctrl+Z right after takes the settling back, agreed spans and all.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.status(doc_id, GOLD_ANNOTATOR) is not Status.DONE
    assert gold_keys(project, doc_id) == []
    assert window.progress.text() == "Settled 0 of 1 documents"
    # Settled without them, when so answered; nothing when cancelled.
    monkeypatch.setattr(review_window, "ask_agreed", lambda parent, name, missing: None)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.status(doc_id, GOLD_ANNOTATOR) is not Status.DONE
    monkeypatch.setattr(review_window, "ask_agreed", lambda parent, name, missing: False)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.status(doc_id, GOLD_ANNOTATOR) is Status.DONE and gold_keys(project, doc_id) == []


@pytest.mark.parametrize("text, lang", [
    ("Prezydent Kassymem-Jomartem Tokajewem rozmawiał.", "pl"),
    ("قال الرئيس قاسم-جومارت توكاييف اليوم.", "ar"),
])
def test_brackets_move_the_start_word_by_word_on_screen_never_onto_a_hyphen(
        qtbot, tmp_path, text, lang):
    first, last = ("Kassymem", "Tokajewem") if lang == "pl" else ("قاسم", "توكاييف")
    second = text.index("-", text.index(first)) + 1
    name = Span(text.index(first), text.index(last) + len(last), "PERSON")
    surname = Span(text.index(last), name.end, "PERSON")
    with Project.open(tmp_path / "r.db") as project:
        project.import_records([DocumentRecord("d", text, [name], lang=lang, annotator="alice"),
                                DocumentRecord("d", text, [surname], lang=lang, annotator="bob")])
    with Project.open(tmp_path / "r.db") as project:
        window = open_review(qtbot, project)
        view = window.view
        qtbot.keyClick(view, Qt.Key.Key_E)
        assert view.selection() == (name.start, name.end)
        # The next word is on the right in Polish, on the left in Arabic.
        onward, back = ((Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft) if lang == "pl"
                        else (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight))
        qtbot.keyClick(view, onward)
        assert view.selection() == (second, name.end)  # after the hyphen, not on it
        qtbot.keyClick(view, onward)
        assert view.selection() == (surname.start, name.end)
        qtbot.keyClick(view, onward)  # no word left before the end: the start stays
        assert view.selection() == (surname.start, name.end)
        qtbot.keyClick(view, back)
        qtbot.keyClick(view, back)
        assert view.selection() == (name.start, name.end)
        # Ctrl+Shift+arrows move the end by words on screen, never past a hyphen.
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        left, right = Qt.Key.Key_Left, Qt.Key.Key_Right
        toward_start, toward_end = (left, right) if lang == "pl" else (right, left)
        second_end = second + len(text[second:].split()[0])
        qtbot.keyClick(view, toward_start, ctrl_shift)
        assert view.selection() == (name.start, second_end)
        qtbot.keyClick(view, toward_start, ctrl_shift)
        assert view.selection() == (name.start, second - 1)  # before the hyphen, not after
        qtbot.keyClick(view, toward_start, ctrl_shift)  # the start is next: the end stays
        assert view.selection() == (name.start, second - 1)
        qtbot.keyClick(view, toward_end, ctrl_shift)
        qtbot.keyClick(view, toward_end, ctrl_shift)
        assert view.selection() == (name.start, name.end)
        qtbot.keyClick(view, Qt.Key.Key_1)  # PERSON
        assert (name.start, name.end, "PERSON") in gold_keys(project, project.document_by_name("d").id)


def test_a_settled_document_a_merge_brings_new_disagreements_to_says_so(
        qtbot, review_project):
    project, polish, _ = review_project
    window = open_review(qtbot, project)
    view = window.view
    doc_id = project.document_by_name(POLISH_DOC).id
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_1)  # keep the first version, place after place
    assert window.undecided_groups() == []
    with pytest.MonkeyPatch.context() as patch:  # agreed spans put in when asked
        patch.setattr("annotator.ui.review_window.ask_agreed", lambda *args: True)
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.progress.text() == "Settled 1 of 1 documents"
    # bob's file merged again: a name he had not marked before.
    start = polish.text.index("Tokajew")
    project.add_span(doc_id, "bob", start - 20, start - 2, "ORG")
    window.reload()
    assert window.undecided_groups()
    assert window.progress.text() == "Settled 1 of 1 documents (1 with disagreements open)"
    assert window.documents.item(0).toolTip().endswith("settled with these open")  # whole line


def test_a_document_one_annotator_labelled_is_listed_and_reaches_gold(qtbot, tmp_path):
    """With a partial overlap most documents have one annotator: listed in the
    review, settled with Ctrl+Return (its spans offered), they reach gold;
    a gold export says which documents nobody reviewed."""
    from annotator.formats.export import export_project

    both = "Xi Jinping met Tokayev in Astana."
    alone = "Wang Yi visited Almaty on Monday."
    with Project.open(tmp_path / "r.db") as project:
        project.import_records([
            DocumentRecord("both", both, [Span(0, 10, "PERSON")], annotator="alice"),
            DocumentRecord("both", both, [Span(0, 2, "PERSON")], annotator="bob"),
            DocumentRecord("alone", alone, [Span(0, 7, "PERSON")], annotator="alice")])
    with Project.open(tmp_path / "r.db") as project:
        window = open_review(qtbot, project)
        assert window.documents.count() == 2
        assert window.progress.text() == "Settled 0 of 2 documents"
        row = next(i for i, r in enumerate(window.reviews)
                   if r.document_id == project.document_by_name("alone").id)
        window.documents.setCurrentRow(row)
        with pytest.MonkeyPatch.context() as patch:  # "put the agreed spans in?" Yes
            patch.setattr("annotator.ui.review_window.ask_agreed", lambda *args: True)
            qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        alone_id = project.document_by_name("alone").id
        assert gold_keys(project, alone_id) == [(0, 7, "PERSON")]
        assert window.progress.text() == "Settled 1 of 2 documents"
        report = export_project(project, "jsonl", tmp_path / "gold.jsonl", gold=True)
    assert [w for w in report.warnings if "never reviewed" in w] == [
        "1 documents were never reviewed: gold holds nothing of them, so they are written with "
        "no spans; settle them in the review (the documents one annotator labelled are listed "
        "there too), or add --done-only to write only the settled ones"]


def test_agreement_is_measured_by_a_worker_while_the_review_opens(qtbot, review_project,
                                                                   monkeypatch):
    """A review of thousands of documents takes seconds to measure: the
    window is built, shown and usable while a worker thread measures."""
    import threading

    from annotator.store import layers

    release, threads = threading.Event(), []
    measure = layers.compute_agreement

    def slow_measure(*args):
        threads.append(threading.current_thread())
        release.wait(10)  # the window must not wait for this
        return measure(*args)

    monkeypatch.setattr(layers, "compute_agreement", slow_measure)
    project, _, _ = review_project
    window = open_review(qtbot, project)
    assert window.documents.count() == 1 and window.document_id is not None
    assert window.charts.summary.text() == "Measuring agreement…"
    assert not release.is_set()
    release.set()
    qtbot.waitUntil(lambda: "exact F1" in window.charts.summary.text(), timeout=10000)
    assert threads and threading.main_thread() not in threads


def test_an_agreement_that_cannot_be_measured_is_said(qtbot, review_project, monkeypatch):
    from annotator.store import layers

    def broken(*args):
        raise OSError("disk I/O error")

    monkeypatch.setattr(layers, "compute_agreement", broken)
    project, _, _ = review_project
    window = open_review(qtbot, project)
    qtbot.waitUntil(lambda: "could not be measured" in window.charts.summary.text(),
                    timeout=10000)
    assert "disk I/O error" in window.charts.summary.text()


def test_list_lines_are_shortened_in_their_middle_as_painted(qtbot):
    """Each line of an item is elided to the list's width when painted (the
    rows in sight only); the item keeps its whole text and tooltip."""
    from annotator.ui.eliding_list import MARGIN, ElidingList

    listing = ElidingList(uniform=True)
    qtbot.addWidget(listing)
    listing.resize(160, 300)
    listing.show()
    whole = "ar-2021-06-02-xi-tokayev-phone-call-and-more\n2 of 3 to settle  ·  40% disputed"
    item = listing.add_line(whole)
    assert item.text() == whole and item.toolTip() == whole
    first, second = painted_lines(listing, item)
    assert "…" in first and first.startswith("ar-") and first.endswith("more")
    width = listing.visualItemRect(item).width() - MARGIN
    assert listing.fontMetrics().horizontalAdvance(first) <= width
    assert listing.fontMetrics().horizontalAdvance(second) <= width
    listing.resize(1200, 300)  # wide enough: whole again
    assert painted_lines(listing, item) == whole.split("\n")
