"""Suggestions in the labelling service, without Qt: proposing, accepting,
rejecting (remembered), all of a document at once, and the undo of each."""

from __future__ import annotations

import time

import pytest

from annotator.core.model import Origin, Span, Status
from annotator.store import Project
from annotator.store.editing import EditError, Labelling
from annotator.store.repository import DuplicateSpanError
from annotator.store.schema import SCHEMA_VERSION
from tests.helpers.files import file_state, rejection_table
from tests.helpers.old_schema import ONE_DOCUMENT, PERSON_LABEL, write_file_at_schema

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"


@pytest.fixture
def labelling(seeded_project):
    service = Labelling(seeded_project, "alice")
    service.open(seeded_project.document_by_name(POLISH).id)
    service.changes = []  # what listeners were told
    service.subscribe(service.changes.append)
    return service


def proposals(labelling, *phrases, label="PERSON"):
    """A proposal at each occurrence of each phrase."""
    text, found = labelling.document.text, []
    for phrase in phrases:
        at = text.find(phrase)
        while at >= 0:
            found.append(Span(at, at + len(phrase), label, reason=f"mention of «{phrase}»",
                              confidence=0.8))
            at = text.find(phrase, at + 1)
    assert found
    return found


def tick():
    time.sleep(0.003)


def test_suggest_stores_reason_and_confidence_and_leaves_the_status_alone(labelling):
    edit = labelling.suggest(proposals(labelling, "Tokajew"))
    spans = labelling.spans
    assert spans and all(s.origin is Origin.SUGGESTED for s in spans)
    assert {(s.reason, s.confidence) for s in spans} == {("mention of «Tokajew»", 0.8)}
    assert labelling.project.spans(labelling.document.id, "alice") == spans
    assert labelling.status() is Status.TODO
    assert labelling.project.open_suggestion_count("alice") == len(spans) == len(edit.spans)
    # Proposing the same again adds nothing.
    assert labelling.suggest(proposals(labelling, "Tokajew")) is None


def test_suggest_leaves_alone_places_that_overlap_a_span(labelling):
    text = labelling.document.text
    start = text.index("Tokajew")
    labelling.add(start, start + len("Tokajew"), "PERSON")
    labelling.suggest(proposals(labelling, "Tokajew"))
    suggested = labelling.suggestions
    assert all(not (s.start < start + 7 and start < s.end) for s in suggested)
    assert len(suggested) == len(proposals(labelling, "Tokajew")) - 1


def test_accept_and_its_undo(labelling):
    labelling.suggest(proposals(labelling, "Tokajew"))
    first = labelling.suggestions[0]
    before = file_state(labelling.project)
    tick()
    edit = labelling.accept(first.id)
    assert labelling.span(first.id).origin is Origin.MANUAL
    assert labelling.status() is Status.IN_PROGRESS  # a label now
    after = file_state(labelling.project)
    tick()
    labelling.undo(edit)
    assert file_state(labelling.project) == before
    assert labelling.span(first.id).origin is Origin.SUGGESTED
    tick()
    labelling.redo(edit)
    assert file_state(labelling.project) == after


def test_a_manual_span_cannot_be_accepted_or_rejected(labelling):
    text = labelling.document.text
    start = text.index("Tokajew")
    span_id = labelling.add(start, start + 7, "PERSON").spans[0].after.id
    for act in (labelling.accept, labelling.reject):
        with pytest.raises(EditError, match="not a suggestion"):
            act(span_id)
    assert labelling.span(span_id).origin is Origin.MANUAL


def test_a_rejected_suggestion_does_not_come_back_unless_asked(labelling):
    labelling.suggest(proposals(labelling, "Tokajew"))
    rejected = labelling.suggestions[0]
    before = file_state(labelling.project)
    edit = labelling.reject(rejected.id)
    assert labelling.span(rejected.id) is None
    assert len(rejection_table(labelling.project)) == 1
    # Proposed again: every other place is there already, the rejected one stays away.
    assert labelling.suggest(proposals(labelling, "Tokajew")) is None
    assert rejected.key not in {s.key for s in labelling.spans}
    # Undo brings the suggestion back and forgets the rejection.
    labelling.undo(edit)
    assert file_state(labelling.project) == before
    assert labelling.span(rejected.id) == rejected
    labelling.redo(edit)
    assert labelling.span(rejected.id) is None
    # Asked: forgetting the document's rejections lets it be proposed again.
    labelling.project.forget_rejections(labelling.document.id, "alice")
    labelling.suggest(proposals(labelling, "Tokajew"))
    assert rejected.key in {s.key for s in labelling.suggestions}


def test_accept_all_and_reject_all_are_one_edit_each(labelling):
    project = labelling.project
    labelling.suggest(proposals(labelling, "Tokajew"))
    labelling.suggest(proposals(labelling, "Chin", label="ORG"))
    count = len(labelling.suggestions)
    assert count >= 3
    before = file_state(project)
    edit = labelling.accept_all()
    assert len(edit.spans) == count and labelling.suggestions == []
    assert all(s.origin is Origin.MANUAL for s in labelling.spans)
    labelling.undo(edit)
    assert file_state(project) == before and len(labelling.suggestions) == count
    edit = labelling.reject_all()
    assert labelling.spans == [] and len(rejection_table(project)) == count
    assert labelling.suggest(proposals(labelling, "Tokajew")) is None
    labelling.undo(edit)
    assert file_state(project) == before
    assert labelling.accept_all() is not None and labelling.accept_all() is None


def test_a_label_and_its_suggestions_undo_as_one_step(labelling):
    text = labelling.document.text
    start = text.index("Tokajew")
    before = file_state(labelling.project)
    added = labelling.add(start, start + 7, "PERSON")
    both = added.then(labelling.suggest(proposals(labelling, "Tokajew")))
    assert len(both.spans) == len(proposals(labelling, "Tokajew"))
    labelling.undo(both)
    assert file_state(labelling.project)[:2] == before[:2] and labelling.spans == []


def test_an_older_file_migrates_to_remember_rejections(tmp_path):
    path = tmp_path / "old.db"
    write_file_at_schema(path, 4, PERSON_LABEL + ONE_DOCUMENT + (
        "INSERT INTO spans (document_id, annotator_id, start, \"end\", label, origin) "
        "VALUES (1, 1, 7, 9, 'PERSON', 'suggested');"))
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        [span] = project.spans(1, "alice")
        assert (span.origin, span.reason, span.confidence) == (Origin.SUGGESTED, "", 1.0)
        service = Labelling(project, "alice")
        service.open(1)
        service.reject(span.id)
        assert project.rejected_places(1, "alice") == {(7, 9, "PERSON")}
        assert project.stats()["open_suggestions"] == 0


def test_counts_of_labels_leave_out_suggestions_and_count_them_apart(labelling):
    project, doc_id = labelling.project, labelling.document.id
    text = labelling.document.text
    start = text.index("Tokajew")
    labelling.add(start, start + 7, "PERSON")
    labelling.suggest(proposals(labelling, "Tokajew"))
    open_count = len(labelling.suggestions)
    assert open_count >= 2
    change = labelling.changes[-1]
    assert (change.span_count, change.suggestion_count) == (1, open_count)
    labelling.accept(labelling.suggestions[0].id)
    change = labelling.changes[-1]
    assert (change.span_count, change.suggestion_count) == (2, open_count - 1)
    assert project.span_count(doc_id, "alice") == 2
    [row] = [r for r in project.document_rows("alice") if r.id == doc_id]
    assert (row.span_count, row.suggestion_count) == (2, open_count - 1)
    [row] = project.document_rows_between("alice", doc_id, doc_id)
    assert (row.span_count, row.suggestion_count) == (2, open_count - 1)
    labelling.reload()
    change = labelling.changes[-1]
    assert change.reloaded and (change.span_count, change.suggestion_count) == (2, open_count - 1)


def test_a_proposal_inside_a_long_span_far_before_is_left_alone(labelling):
    text = labelling.document.text
    at = [i for i in range(len(text)) if text.startswith("Tokajew", i)]
    assert len(at) >= 2
    # One long label from the top to past the second mention, short ones between.
    labelling.add(0, at[1] + 7, "ORG")
    labelling.add(at[1] + 20, at[1] + 22, "PERSON")
    edit = labelling.suggest(proposals(labelling, "Tokajew"))
    suggested = {s.start for s in labelling.suggestions}
    assert at[0] not in suggested and at[1] not in suggested
    assert suggested == set(at[2:]) and (edit is None) == (len(at) == 2)


def test_a_batch_of_suggestions_undoes_and_redoes_to_exactly_the_same_rows(labelling):
    project = labelling.project
    text = labelling.document.text
    start = text.index("Tokajew")
    gone = labelling.add(start, start + 7, "ORG")
    labelling.undo(gone)  # its id is never handed out again
    before = file_state(project)
    both = labelling.add(start, start + 7, "PERSON").then(
        labelling.suggest(proposals(labelling, "Tokajew")))
    after = file_state(project)
    records = [change.after for change in both.spans]
    # Each record is the row as stored, with an id of its own above the removed one's.
    assert [r.span.id for r in records] == sorted({r.span.id for r in records})
    assert min(r.span.id for r in records) > gone.spans[0].after.id
    assert project.find_span_records(r.span.id for r in records) == {
        r.span.id: r for r in records}
    assert all(r.span.reason == "mention of «Tokajew»" and r.span.confidence == 0.8
               for r in records[1:])
    labelling.undo(both)
    assert file_state(project) == before and labelling.spans == []
    tick()
    labelling.redo(both)
    assert file_state(project) == after  # ids and timestamps as they were
    assert [s.id for s in labelling.spans] == [r.span.id for r in records]


def test_a_batch_of_spans_is_stored_all_or_nothing(labelling):
    project, document = labelling.project, labelling.document
    before = file_state(project)
    found = proposals(labelling, "Tokajew")
    # The last row repeats the first: the insert fails after rows went in.
    with pytest.raises(DuplicateSpanError):
        project.insert_spans(document.id, "alice", [*found, found[0]])
    assert file_state(project) == before
    with pytest.raises(EditError, match="past the end of the text"):
        labelling.suggest([*found, Span(0, 10**6, "PERSON", reason="past the end")])
    assert file_state(project) == before and labelling.suggestions == []


def test_a_label_over_an_open_suggestion_of_its_label_takes_its_place(labelling):
    # A date proposed as «2 czerwca» and labelled «2 czerwca 2021»: the
    # proposal is not left beside the label, to be rejected by hand.
    text = labelling.document.text
    labelling.suggest(proposals(labelling, "Tokajew"))
    labelling.suggest(proposals(labelling, "Xi", label="ORG"))
    start = text.index("Tokajew")
    before = file_state(labelling.project)
    edit = labelling.add(start, start + len("Tokajewem"), "PERSON")  # longer than the proposal
    here = [s for s in labelling.spans if s.start < start + 9 and start < s.end]
    assert [(s.label, s.origin) for s in here] == [("PERSON", Origin.MANUAL)]
    assert rejection_table(labelling.project) == []  # taken out, not rejected
    # Proposals of another label, and elsewhere, stay.
    assert any(s.label == "ORG" for s in labelling.suggestions)
    assert len([s for s in labelling.suggestions if s.label == "PERSON"]) == len(
        proposals(labelling, "Tokajew")) - 1
    tick()
    labelling.undo(edit)
    assert file_state(labelling.project) == before
