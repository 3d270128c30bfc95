"""One entity, many mentions, without Qt: mentions proposed from a label are
grouped with it; accepting, rejecting or relabelling the whole entity is one
edit whose undo and redo restore the file exactly; schema-8 files migrate."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest

from annotator.core.model import Origin
from annotator.store import Project
from annotator.store.editing import Labelling, entity_name
from annotator.store.schema import SCHEMA_VERSION
from annotator.suggest.sources import mention_spans
from tests.helpers.files import file_state, rejection_table, span_table, status_table
from tests.helpers.old_schema import (ONE_DOCUMENT, PERSON_LABEL, instant_ms,
                                      write_file_at_schema)

POLISH = "pl-2021-06-02-xi-tokayev-phone-call"
NAME = "Kassymem-Jomartem Tokajewem"


@pytest.fixture
def labelling(seeded_project):
    service = Labelling(seeded_project, "alice")
    service.open(seeded_project.document_by_name(POLISH).id)
    return service


def label_and_propose(labelling, phrase=NAME, label="PERSON"):
    """What the window does after a label: the label, then its mentions."""
    start = labelling.document.text.index(phrase)
    added = labelling.add(start, start + len(phrase), label)
    source = added.spans[0].after.span
    proposed = labelling.suggest_mentions(
        source.id, mention_spans(labelling.document, [(phrase, label)]))
    return source, added.then(proposed)


def test_mentions_proposed_from_a_label_are_one_entity_with_it(labelling):
    source, _ = label_and_propose(labelling)
    members = labelling.entity_members(source.id)
    texts = [labelling.document.text[s.start:s.end] for s in members]
    # The full name, then "Tokajew" twice (short forms after it).
    assert texts == [NAME, "Tokajew", "Tokajew"]
    assert all(s.entity == source.id for s in members)
    assert [s.is_suggestion for s in members] == [False, True, True]
    assert entity_name(members, labelling.document.text) == NAME
    # The file holds the grouping, per span.
    stored = labelling.project.spans(labelling.document.id, "alice")
    assert {s.entity for s in stored} == {source.id}


def test_a_second_name_is_an_entity_of_its_own(labelling):
    tokajew, _ = label_and_propose(labelling)
    xi, _ = label_and_propose(labelling, "Xi Jinping")
    assert tokajew.id != xi.id
    assert len(labelling.entity_members(xi.id)) > 3
    assert all(s.entity in (tokajew.id, xi.id) for s in labelling.spans)


def test_accepting_a_single_mention_keeps_its_entity(labelling):
    source, _ = label_and_propose(labelling)
    mention = labelling.entity_members(source.id)[1]
    labelling.accept(mention.id)
    assert labelling.span(mention.id).entity == source.id
    assert labelling.span(mention.id).origin is Origin.MANUAL


def undo_redo_exactly(labelling, write):
    before = file_state(labelling.project)
    edit = write()
    after = file_state(labelling.project)
    assert after != before
    time.sleep(0.003)  # timestamps have millisecond resolution: a rewrite would show
    labelling.undo(edit)
    assert file_state(labelling.project) == before
    labelling.redo(edit)
    assert file_state(labelling.project) == after
    return edit


def test_accept_entity_is_one_edit_and_undo_restores_exactly(labelling):
    source, _ = label_and_propose(labelling)
    edit = undo_redo_exactly(labelling, lambda: labelling.accept_entity(source.id))
    assert edit.name == f"Accept «{NAME}» (3 mentions)"
    assert len(edit.spans) == 2
    assert not any(s.is_suggestion for s in labelling.entity_members(source.id))
    assert labelling.accept_entity(source.id) is None  # nothing open any more


def test_reject_entity_remembers_each_place_and_keeps_the_label(labelling):
    source, _ = label_and_propose(labelling)
    edit = undo_redo_exactly(labelling, lambda: labelling.reject_entity(source.id))
    assert [s.id for s in labelling.entity_members(source.id)] == [source.id]
    assert len(rejection_table(labelling.project)) == 2 == len(edit.rejected)


def test_relabel_entity_changes_every_mention_in_one_edit(labelling):
    source, _ = label_and_propose(labelling)
    edit = undo_redo_exactly(labelling, lambda: labelling.relabel_entity(source.id, "ORG"))
    assert len(edit.spans) == 3
    members = labelling.entity_members(source.id)
    assert {s.label for s in members} == {"ORG"}
    assert [s.is_suggestion for s in members] == [False, True, True]  # still open
    assert labelling.relabel_entity(source.id, "ORG") is None


def test_the_label_and_its_proposals_undo_as_one_step(labelling):
    before = span_table(labelling.project), status_table(labelling.project)
    _, edit = label_and_propose(labelling)
    # The label is in the edit once: added already grouped.
    assert len(edit.spans) == 3 and edit.spans[0].after.span.entity == edit.spans[0].span_id
    labelling.undo(edit)
    assert (span_table(labelling.project), status_table(labelling.project)) == before
    assert labelling.spans == []  # what the service holds follows the file
    labelling.redo(edit)
    assert len(labelling.spans) == 3 and len({s.entity for s in labelling.spans}) == 1
    assert labelling.spans == labelling.project.spans(labelling.document.id, "alice")
    labelling.undo(edit)
    # Labelling the name again proposes its mentions again.
    _, again = label_and_propose(labelling)
    assert len(again.spans) == 3


def test_deleting_the_last_label_of_an_entity_takes_its_open_mentions_with_it(labelling):
    source, _ = label_and_propose(labelling)
    edit = undo_redo_exactly(labelling, lambda: labelling.delete(source.id))
    # Proposed as mentions of that label's name, they would name nothing now.
    assert len(edit.spans) == 3
    assert labelling.spans == []
    assert labelling.project.spans(labelling.document.id, "alice") == []


def test_an_entity_with_another_label_keeps_its_open_mentions(labelling):
    source, _ = label_and_propose(labelling)
    accepted, still_open = labelling.entity_members(source.id)[1:]
    labelling.accept(accepted.id)
    edit = labelling.delete(source.id)
    assert len(edit.spans) == 1
    assert [s.id for s in labelling.entity_members(source.id)] == [accepted.id, still_open.id]
    # Deleting an open mention alone takes nothing else.
    assert len(labelling.delete(still_open.id).spans) == 1


def test_a_mention_can_leave_its_entity_and_join_it_again(labelling):
    source, _ = label_and_propose(labelling)
    mention = labelling.entity_members(source.id)[2]
    out = undo_redo_exactly(labelling, lambda: labelling.set_entity([mention.id], None))
    assert out.name == "Ungroup mention"
    assert labelling.span(mention.id).entity is None
    assert len(labelling.entity_members(source.id)) == 2
    labelling.set_entity([mention.id], source.id)
    assert len(labelling.entity_members(source.id)) == 3


def test_a_failed_relabel_of_the_entity_changes_nothing(labelling):
    source, _ = label_and_propose(labelling)
    mention = labelling.entity_members(source.id)[1]
    # An ORG span at one mention's place, written by another program (a label
    # key there would replace the proposal): relabelling that mention would
    # duplicate it.
    labelling.project.add_span(labelling.document.id, labelling.annotator, mention.start,
                               mention.end, "ORG")
    before = file_state(labelling.project)
    with pytest.raises(Exception, match="exists already"):
        labelling.relabel_entity(source.id, "ORG")
    assert file_state(labelling.project) == before
    assert {s.label for s in labelling.entity_members(source.id)} == {"PERSON"}


# -- the file ---------------------------------------------------------------------

def schema_8_file(path) -> None:
    write_file_at_schema(path, 8, PERSON_LABEL + ONE_DOCUMENT + (
        'INSERT INTO spans (id, document_id, annotator_id, start, "end", label, origin, '
        "reason, confidence) VALUES (4, 1, 1, 0, 2, 'PERSON', 'manual', '', 1.0), "
        "(6, 1, 1, 7, 9, 'PERSON', 'suggested', 'mention of «Xi»', 0.8);"))


def test_a_schema_8_file_migrates_with_its_spans_in_no_entity(tmp_path):
    path = tmp_path / "eight.db"
    schema_8_file(path)
    with closing(sqlite3.connect(path)) as conn:
        rows_before = conn.execute("SELECT * FROM spans ORDER BY id").fetchall()
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        assert project.integrity_problems() == []
        spans = project.spans(1, "alice")
        assert [(s.id, s.entity) for s in spans] == [(4, None), (6, None)]
        service = Labelling(project, "alice")
        service.open(1)
        service.set_entity([4, 6], 4)
    with closing(sqlite3.connect(path)) as conn:
        rows_after = conn.execute("SELECT * FROM spans ORDER BY id").fetchall()
        assert [row[-1] for row in rows_after] == [4, 4]
        # Every column of before is kept as it was (the creation time as the same
        # instant in milliseconds), but the stamp of the edit.
        assert [row[:7] + row[9:11] for row in rows_after] == [
            row[:7] + row[9:11] for row in rows_before]
        assert [row[7] for row in rows_after] == [instant_ms(row[7]) for row in rows_before]
        assert "spans_entity" in {r[1] for r in conn.execute("PRAGMA index_list(spans)")}


def test_a_file_of_a_newer_schema_is_still_refused(tmp_path):
    path = tmp_path / "new.db"
    Project.open(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(Exception, match="newer version"):
        Project.open(path)


def test_imported_groups_get_ids_of_their_own_per_document(project):
    from annotator.core.model import DocumentRecord, Span

    record = lambda name, text: DocumentRecord(  # noqa: E731
        name, text, [Span(0, 2, "PERSON", entity=7), Span(7, 9, "PERSON", entity=7),
                     Span(3, 6, "PERSON")], annotator="alice", annotated=True)
    project.import_records([record("a", "Xi met Xi"), record("b", "Xi saw Xi")])
    for name in ("a", "b"):
        document = project.document_by_name(name)
        spans = project.spans(document.id, "alice")
        first, middle, last = spans
        assert first.entity == last.entity == first.id  # the group's first span
        assert middle.entity is None
    a, b = (project.spans(project.document_by_name(n).id, "alice")[0] for n in ("a", "b"))
    assert a.entity != b.entity


# -- annotator suggest --mentions ----------------------------------------------------

def test_suggest_mentions_on_the_command_line_groups_each_name_per_document(
        tmp_path, seeds_dir, capsys):
    from annotator.cli import main

    db = tmp_path / "p.db"
    assert main(["import", str(db), str(seeds_dir)]) == 0
    with Project.open(db) as project:
        service = Labelling(project, "alice")
        service.open(project.document_by_name(POLISH).id)
        start = service.document.text.index(NAME)
        service.add(start, start + len(NAME), "PERSON")
        start = service.document.text.index("Xi Jinping")
        service.add(start, start + len("Xi Jinping"), "PERSON")
    capsys.readouterr()
    assert main(["suggest", str(db), "--annotator", "alice", "--mentions"]) == 0
    assert "grouped as" in capsys.readouterr().out
    with Project.open(db) as project:
        document = project.document_by_name(POLISH)
        spans = project.spans(document.id, "alice")
        by_entity: dict = {}
        for span in spans:
            by_entity.setdefault(span.entity, []).append(document.text[span.start:span.end])
        labels = {s.id: s for s in spans if not s.is_suggestion}
        # Each label heads the group of its own mentions (its id is the entity's).
        assert set(by_entity) >= set(labels) and None not in by_entity
        tokajew = next(i for i, s in labels.items() if s.end - s.start == len(NAME))
        assert by_entity[tokajew] == [NAME, "Tokajew", "Tokajew"]
        xi = next(i for i in labels if i != tokajew)
        assert by_entity[xi][0] == "Xi Jinping" and len(by_entity[xi]) > 3
        assert set(by_entity[xi]) == {"Xi Jinping", "Xi"}
        # No provisional id stays in the file.
        assert all(e > 0 for e in by_entity)
        # In a document without the label, a name's mentions are a group of their own.
        other = [s for d in project.document_ids() if d != document.id
                 for s in project.spans(d, "alice")]
        assert all(s.entity is None or s.entity > 0 for s in other)
    # Again: nothing new, and the groups stay as they were.
    assert main(["suggest", str(db), "--annotator", "alice", "--mentions"]) == 0
    with Project.open(db) as project:
        assert project.spans(document.id, "alice") == spans


# -- merge ---------------------------------------------------------------------------

def test_merge_carries_a_layer_s_entities_and_follows_their_changes(tmp_path, seeds_dir):
    from annotator.formats.registry import read_paths
    from annotator.store.merge import merge_projects

    source_path, review_path = tmp_path / "alice.db", tmp_path / "review.db"
    with Project.open(source_path) as source:
        source.import_records(read_paths([seeds_dir]))
        service = Labelling(source, "alice")
        service.open(source.document_by_name(POLISH).id)
        label, _ = label_and_propose(service)
        service.accept_entity(label.id)
        alone = service.entity_members(label.id)[-1]

    def groups(path):
        with Project.open(path) as project:
            document = project.document_by_name(POLISH)
            spans = project.spans(document.id, "alice")
            found: dict = {}
            for s in spans:
                found.setdefault(s.entity, []).append((s.start, s.end))
            return sorted(found.values())

    with Project.open(review_path) as review:
        merge_projects(review, [source_path])
    assert groups(review_path) == groups(source_path) and len(groups(source_path)) == 1
    # The annotator takes one mention out of the entity; merging again follows.
    with Project.open(source_path) as source:
        service = Labelling(source, "alice")
        service.open(source.document_by_name(POLISH).id)
        service.set_entity([alone.id], None)
    with Project.open(review_path) as review:
        merge_projects(review, [source_path])
    assert groups(review_path) == groups(source_path) and len(groups(source_path)) == 2


def test_relabelling_the_only_label_of_an_entity_relabels_its_open_mentions(labelling):
    source, _ = label_and_propose(labelling)
    edit = undo_redo_exactly(labelling, lambda: labelling.relabel(source.id, "ORG"))
    assert len(edit.spans) == 3  # the label and its two open mentions, one undo step
    assert [(s.label, s.is_suggestion) for s in labelling.entity_members(source.id)] == [
        ("ORG", False), ("ORG", True), ("ORG", True)]


def test_relabelling_one_of_several_labels_of_an_entity_leaves_the_mentions(labelling):
    source, _ = label_and_propose(labelling)
    accepted, still_open = labelling.entity_members(source.id)[1:]
    labelling.accept(accepted.id)
    assert len(labelling.relabel(source.id, "ORG").spans) == 1
    assert labelling.span(still_open.id).label == "PERSON"


def test_accepting_a_suggestion_with_another_label(labelling):
    source, _ = label_and_propose(labelling)
    proposal = labelling.entity_members(source.id)[1]
    edit = undo_redo_exactly(labelling, lambda: labelling.accept(proposal.id, "ORG"))
    assert edit.name == "Accept PERSON as ORG"
    accepted = labelling.span(proposal.id)
    assert (accepted.label, accepted.origin) == ("ORG", Origin.MANUAL)
