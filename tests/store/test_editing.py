"""The labelling service without Qt: every edit, its undo and redo, errors
half-way, and a file changed by another program meanwhile."""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing

import pytest

from annotator.core.model import Origin, Status
from annotator.store.editing import Change, EditError, Labelling
from annotator.store.repository import DuplicateSpanError
from tests.helpers.files import annotator_names, file_state, span_table, status_table

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


@pytest.fixture
def labelling(seeded_project):
    service = Labelling(seeded_project, "alice")
    service.changes = []
    service.subscribe(service.changes.append)
    service.open(seeded_project.document_by_name(POLISH).id)
    return service


def phrase(labelling, text):
    start = labelling.document.text.index(text)
    return start, start + len(text)


def tick():
    time.sleep(0.003)  # timestamps have millisecond resolution


def with_span(labelling, text="Xi Jinping", label="PERSON", origin=Origin.MANUAL):
    edit = labelling.add(*phrase(labelling, text), label, origin)
    return edit.spans[0].after.id


# Each operation starts from a document with one span of alice (made first).
OPERATIONS = {
    "relabel": lambda l, i: l.relabel(i, "ORG"),
    "move an edge": lambda l, i: l.move(i, l.span(i).start, l.span(i).end - 3),
    "delete": lambda l, i: l.delete(i),
    "accept": lambda l, i: l.accept(i),
    "reject": lambda l, i: l.reject(i),
    "mark done": lambda l, i: l.set_status(Status.DONE),
}


def test_opening_reads_spans_and_tells_listeners(labelling):
    [change] = labelling.changes
    assert change.reloaded and change.status is Status.TODO and change.span_count == 0
    assert labelling.spans == []


def test_add_is_one_change_and_undo_redo_restore_the_rows_exactly(labelling):
    project = labelling.project
    before = file_state(project)
    tick()
    edit = labelling.add(*phrase(labelling, "Xi Jinping"), "PERSON")
    after = file_state(project)
    [span] = labelling.spans
    assert (span.label, span.origin, span.annotator) == ("PERSON", Origin.MANUAL, "alice")
    assert project.spans(labelling.document.id, "alice") == [span]
    change = labelling.changes[-1]
    assert change == Change(labelling.document.id, Status.IN_PROGRESS, 1, added=(span,))
    assert edit.name == "Add PERSON"
    tick()
    labelling.undo(edit)
    assert labelling.spans == []
    assert labelling.changes[-1].removed == (span,)
    assert labelling.changes[-1].status is Status.TODO
    # The status row goes too; the annotator stays (added at their first write).
    assert file_state(project)[:2] == before[:2]
    tick()
    labelling.redo(edit)
    assert file_state(project) == after
    assert labelling.spans == [span]


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_edit_undoes_and_redoes_exactly(labelling, name):
    project = labelling.project
    span_id = with_span(labelling, origin=Origin.SUGGESTED)
    before, spans_before = file_state(project), labelling.spans
    tick()
    edit = OPERATIONS[name](labelling, span_id)
    after, spans_after = file_state(project), labelling.spans
    assert after != before
    # What listeners were told is what the file holds now.
    change = labelling.changes[-1]
    spans_now = project.spans(labelling.document.id, "alice")
    suggestions = [s for s in spans_now if s.is_suggestion]
    assert change.span_count == len(spans_now) - len(suggestions)  # labels only
    assert change.suggestion_count == len(suggestions)
    assert change.status is project.status(labelling.document.id, "alice")
    assert labelling.spans == project.spans(labelling.document.id, "alice")
    for _ in range(2):
        tick()
        labelling.undo(edit)
        assert file_state(project) == before and labelling.spans == spans_before
        tick()
        labelling.redo(edit)
        assert file_state(project) == after and labelling.spans == spans_after


def test_accept_makes_a_suggestion_manual_and_reject_deletes_it(labelling):
    span_id = with_span(labelling, origin=Origin.SUGGESTED)
    labelling.accept(span_id)
    assert labelling.span(span_id).origin is Origin.MANUAL
    other = with_span(labelling, "KPCh", "ORG", Origin.SUGGESTED)
    labelling.reject(other)
    assert labelling.span(other) is None
    assert [s.origin for s in labelling.project.spans(labelling.document.id, "alice")] == \
        [Origin.MANUAL]


def test_a_status_changed_since_is_left_alone_by_undo(labelling):
    edit = labelling.add(*phrase(labelling, "Xi Jinping"), "PERSON")
    labelling.set_status(Status.DONE)
    labelling.undo(edit)
    assert labelling.status() is Status.DONE


def test_an_error_half_way_leaves_the_file_and_the_spans_as_they_were(labelling, monkeypatch):
    project = labelling.project
    with_span(labelling)
    before, spans = file_state(project), labelling.spans
    told = len(labelling.changes)

    def broken(span_id):
        raise sqlite3.OperationalError("database or disk is full")

    # The span row is written, then reading it back fails: all of it is rolled back.
    monkeypatch.setattr(project, "span_record", broken)
    with pytest.raises(EditError, match="disk is full.*the file is as it was"):
        labelling.add(*phrase(labelling, "KPCh"), "ORG")
    monkeypatch.undo()
    assert file_state(project) == before
    assert labelling.spans == spans
    # Listeners were shown the document as the file holds it.
    [change] = labelling.changes[told:]
    assert change.reloaded and change.span_count == 1


def test_a_failed_undo_changes_nothing_and_can_be_tried_again(labelling, monkeypatch):
    project = labelling.project
    edit = labelling.add(*phrase(labelling, "Xi Jinping"), "PERSON")
    delete = labelling.delete(edit.spans[0].after.id)
    before = file_state(project)

    def read_only(records):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(project, "restore_spans", read_only)
    with pytest.raises(EditError, match="readonly"):
        labelling.undo(delete)
    assert file_state(project) == before and labelling.spans == []
    monkeypatch.undo()
    labelling.undo(delete)
    assert [s.id for s in labelling.spans] == [edit.spans[0].after.id]


def test_a_stale_view_is_refused_and_shown_as_the_file_is(labelling):
    project = labelling.project
    edit = labelling.add(*phrase(labelling, "Xi Jinping"), "PERSON")
    span_id = edit.spans[0].after.id
    # Another program deletes the span behind the window's back.
    with closing(sqlite3.connect(project.path)) as other, other:
        other.execute("DELETE FROM spans WHERE id = ?", [span_id])
    assert labelling.span(span_id) is not None  # the service does not know yet
    before = file_state(project)
    with pytest.raises(EditError, match="no span"):
        labelling.relabel(span_id, "ORG")
    assert labelling.spans == [] and labelling.changes[-1].reloaded
    # Undoing the add finds the row gone: refused, nothing written.
    with pytest.raises(EditError, match="changed in the file"):
        labelling.undo(edit)
    assert file_state(project) == before


def test_undo_refuses_a_span_changed_by_another_program(labelling):
    project = labelling.project
    span_id = with_span(labelling)
    relabel = labelling.relabel(span_id, "ORG")
    with closing(sqlite3.connect(project.path)) as other, other:
        other.execute("UPDATE spans SET label = 'DATE' WHERE id = ?", [span_id])
    with pytest.raises(EditError, match="changed in the file"):
        labelling.undo(relabel)
    assert [s.label for s in labelling.spans] == ["DATE"]


def test_a_duplicate_is_refused_without_a_write(labelling):
    with_span(labelling)
    before = span_table(labelling.project)
    with pytest.raises(EditError, match="exists already") as error:
        labelling.add(*phrase(labelling, "Xi Jinping"), "PERSON")
    assert isinstance(error.value.__cause__, DuplicateSpanError)
    assert span_table(labelling.project) == before


def test_edits_of_another_annotator_are_refused(labelling, seeded_project):
    doc_id = labelling.document.id
    bobs = seeded_project.add_span(doc_id, "bob", 0, 2, "PERSON")
    with pytest.raises(EditError, match="belongs to 'bob'"):
        labelling.delete(bobs.id)
    assert seeded_project.spans(doc_id, "bob") == [bobs]


def test_reading_never_adds_an_annotator_the_first_write_does(seeded_project):
    doc_id = seeded_project.document_by_name(POLISH).id
    labelling = Labelling(seeded_project, "carol")
    labelling.open(doc_id)
    seeded_project.document_rows("carol")
    seeded_project.document_count("carol", Status.DONE)
    assert labelling.status() is Status.TODO and labelling.spans == []
    assert "carol" not in annotator_names(seeded_project)
    labelling.add(0, 2, "PERSON")
    assert "carol" in annotator_names(seeded_project)


def test_a_failed_first_write_adds_no_annotator(seeded_project, monkeypatch):
    labelling = Labelling(seeded_project, "carol")
    labelling.open(seeded_project.document_by_name(POLISH).id)
    with pytest.raises(EditError, match="unknown label"):
        labelling.add(0, 2, "NOPE")
    with pytest.raises(EditError, match="past the end"):
        labelling.add(0, 10**6, "PERSON")

    def broken(span_id):
        raise sqlite3.OperationalError("disk I/O error")

    # The annotator row and the span are written, then the edit fails.
    monkeypatch.setattr(seeded_project, "span_record", broken)
    with pytest.raises(EditError, match="disk I/O error"):
        labelling.add(0, 2, "PERSON")
    monkeypatch.undo()
    assert "carol" not in annotator_names(seeded_project)
    assert status_table(seeded_project) == [] and span_table(seeded_project) == []
    # No id of the rolled-back row lingers: the next write makes the annotator.
    labelling.add(0, 2, "PERSON")
    assert seeded_project.spans(labelling.document.id, "carol")[0].annotator == "carol"


def test_undo_of_an_edit_on_another_document_tells_its_count_and_status(labelling, seeded_project):
    edit = labelling.add(*phrase(labelling, "Xi Jinping"), "PERSON")
    shown = labelling.open(seeded_project.document_ids()[0])
    assert shown.id != edit.document_id
    labelling.undo(edit)
    change = labelling.changes[-1]
    assert (change.document_id, change.span_count, change.status) == \
        (edit.document_id, 0, Status.TODO)
    assert labelling.spans == []  # the open document is not touched


def test_a_file_locked_by_another_program_refuses_the_edit_cleanly(labelling):
    """A real failure, no stand-in: another connection holds the write lock
    until our wait for it runs out."""
    project = labelling.project
    with_span(labelling)
    before, spans = file_state(project), labelling.spans
    with closing(sqlite3.connect(project.path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(EditError, match="locked"):
            labelling.add(*phrase(labelling, "KPCh"), "ORG")
        other.execute("ROLLBACK")
    assert file_state(project) == before and labelling.spans == spans
    labelling.add(*phrase(labelling, "KPCh"), "ORG")  # free again: the edit goes through
    assert len(labelling.spans) == 2


def test_edits_among_many_spans_keep_the_order_and_counts_the_file_has(labelling, seeded_project):
    """A document of many spans takes each edit in place (no sort, no count
    query): the spans and counts told stay what reading the file gives."""
    doc = labelling.document
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", doc.text)][:60]
    for n, (start, end) in enumerate(words[:40]):
        labelling.add(start, end, "PERSON", Origin.SUGGESTED if n % 3 else Origin.MANUAL)
    made = labelling.spans
    edits = [labelling.add(*words[45], "ORG"), labelling.relabel(made[5].id, "DATE"),
             labelling.move(made[9].id, made[9].start, made[9].end - 1),
             labelling.delete(made[20].id), labelling.accept(made[1].id), labelling.reject(made[2].id)]
    for edit in edits[::-1]:
        labelling.undo(edit)
    for edit in edits:
        labelling.redo(edit)
    for edit in edits[:2:-1]:
        labelling.undo(edit)

    def stored():
        spans = seeded_project.spans(doc.id, "alice")
        return sorted(spans, key=lambda s: (s.start, -s.end, s.label))

    assert labelling.spans == stored()
    change = labelling.changes[-1]
    suggestions = sum(s.is_suggestion for s in stored())
    assert (change.span_count, change.suggestion_count) == (len(stored()) - suggestions, suggestions)
    assert (change.span_count, change.suggestion_count) == seeded_project.span_and_suggestion_counts(
        doc.id, "alice")



def test_every_edit_and_import_is_counted_in_the_file(labelling):
    """Merge tells an older copy of a file by this count (fewer edits)."""
    from annotator.core.model import DocumentRecord, Span
    from annotator.store.team_queries import EDITS

    project = labelling.project
    before = int(project.info(EDITS) or 0)
    span_id = with_span(labelling)
    assert int(project.info(EDITS)) == before + 1
    labelling.delete(span_id)
    assert int(project.info(EDITS)) == before + 2
    project.import_records([DocumentRecord("new", "Ala ma kota.", [Span(0, 3, "PERSON")])])
    assert int(project.info(EDITS)) == before + 3
