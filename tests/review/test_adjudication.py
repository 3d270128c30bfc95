"""The adjudication service: decisions land in the gold layer."""

import pytest

from annotator.core.disagreements import LABEL
from annotator.core.model import GOLD_ANNOTATOR, DocumentRecord, Origin, Span, Status
from annotator.store import ProjectError
from annotator.store.adjudication import Adjudication

XI = "Xi Jinping met Tokayev in Astana on Wednesday."
CPC = "The Communist Party of China praised the Belt and Road Initiative."
QUIET = "Nothing happened."


@pytest.fixture
def review(project):
    def add(annotator, text, spans):
        project.import_records([DocumentRecord(text[:6], text, spans=[Span(*s) for s in spans],
                                               annotator=annotator)])

    add("alice", XI, [(0, 10, "PERSON"), (15, 22, "PERSON")])
    add("bob", XI, [(0, 10, "PERSON"), (15, 22, "ORG")])
    add("alice", CPC, [(4, 28, "ORG")])
    add("bob", CPC, [(4, 28, "ORG")])
    add("alice", QUIET, [])
    quiet = project.document_by_name(QUIET[:6]).id
    project.set_status(quiet, "alice", Status.DONE)
    project.set_status(quiet, "bob", Status.DONE)
    return project


def doc_id(project, text):
    return next(d.id for d in project.iter_documents() if d.text == text)


def test_documents_are_ranked_most_disputed_first(review):
    adjudication = Adjudication(review)
    assert adjudication.annotators == ("alice", "bob")
    ranked = adjudication.ranked_documents()
    assert [(r.document_id, r.score, r.disagreements, r.agreed) for r in ranked] == [
        (doc_id(review, XI), 0.5, 1, 1),
        (doc_id(review, CPC), 0.0, 0, 1),
        (doc_id(review, QUIET), 0.0, 0, 0),
    ]
    assert ranked[0].annotators == ("alice", "bob")


def test_gold_is_never_an_input(review):
    xi = doc_id(review, XI)
    Adjudication(review).accept(xi, 0, 10, "PERSON")
    assert Adjudication(review).annotators == ("alice", "bob")
    with pytest.raises(ProjectError):
        Adjudication(review, ["alice", GOLD_ANNOTATOR])


def test_accept_agreed_then_resolve_a_group(review):
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    found = adjudication.disagreements(xi)
    [group] = found.groups
    assert group.kind == LABEL
    added = adjudication.accept_agreed(xi)
    assert [(s.key, s.annotator, s.origin) for s in added] == [
        ((0, 10, "PERSON"), GOLD_ANNOTATOR, Origin.ADJUDICATED)]
    assert adjudication.accept_agreed(xi) == []  # nothing new the second time
    person = next(c for c in group.candidates if c.label == "PERSON")
    adjudication.resolve(xi, group, [person])
    assert [s.key for s in adjudication.gold(xi)] == [(0, 10, "PERSON"), (15, 22, "PERSON")]
    # Changing one's mind replaces the gold spans of the group, and only those.
    adjudication.resolve(xi, group, [(15, 22, "ORG")])
    assert [s.key for s in adjudication.gold(xi)] == [(0, 10, "PERSON"), (15, 22, "ORG")]
    adjudication.resolve(xi, group, [])
    assert [s.key for s in adjudication.gold(xi)] == [(0, 10, "PERSON")]
    # The annotators' layers are untouched, and gold does not count as an annotator.
    assert [s.key for s in review.spans(xi, "bob")] == [(0, 10, "PERSON"), (15, 22, "ORG")]
    assert len(adjudication.disagreements(xi).groups) == 1


def test_accept_remove_and_finish(review):
    adjudication = Adjudication(review)
    cpc = doc_id(review, CPC)
    span = adjudication.accept(cpc, 41, 65, "INITIATIVE")
    assert adjudication.accept(cpc, 41, 65, "INITIATIVE") == span
    assert review.status(cpc, GOLD_ANNOTATOR) == Status.IN_PROGRESS
    with pytest.raises(ProjectError, match="belongs to 'alice'"):
        adjudication.remove(review.spans(cpc, "alice")[0].id)
    adjudication.remove(span.id)
    assert adjudication.gold(cpc) == []
    adjudication.finish(cpc)
    assert review.status(cpc, GOLD_ANNOTATOR) == Status.DONE


def test_a_failed_decision_changes_nothing(review):
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    adjudication.accept_agreed(xi)
    [group] = adjudication.disagreements(xi).groups
    adjudication.resolve(xi, group, [(15, 22, "PERSON")])
    # Deletes PERSON, adds ORG, then fails on ZZZ: all of it is undone.
    with pytest.raises(ProjectError, match="unknown label"):
        adjudication.resolve(xi, group, [(15, 22, "ORG"), (15, 22, "ZZZ")])
    assert [s.key for s in adjudication.gold(xi)] == [(0, 10, "PERSON"), (15, 22, "PERSON")]
    # The project stays usable after the rollback.
    adjudication.resolve(xi, group, [(15, 22, "ORG")])
    assert [s.key for s in adjudication.gold(xi)] == [(0, 10, "PERSON"), (15, 22, "ORG")]


def test_only_annotators_of_the_document_are_compared(review):
    # carol annotated another document only: she is not "missing" here.
    review.import_records([DocumentRecord("other", "Another text.", spans=[Span(0, 7, "ORG")],
                                          annotator="carol")])
    adjudication = Adjudication(review)
    assert adjudication.annotators == ("alice", "bob", "carol")
    found = adjudication.disagreements(doc_id(review, CPC))
    assert found.annotators == ("alice", "bob") and found.groups == ()
    [carol_only] = [r for r in adjudication.ranked_documents(min_annotators=1)
                    if r.annotators == ("carol",)]
    assert carol_only.agreed == 1


def test_a_rejected_group_counts_as_settled_and_stays_so(review, project_path):
    from annotator.store import Project

    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    [group] = adjudication.disagreements(xi).groups
    assert not adjudication.is_decided(xi, group)
    adjudication.resolve(xi, group, [])  # no entity there
    assert adjudication.gold(xi) == []
    assert adjudication.is_decided(xi, group)
    with Project.open(project_path) as reopened:
        again = Adjudication(reopened)
        assert again.is_decided(xi, again.disagreements(xi).groups[0])


def test_snapshot_and_restore_bring_back_spans_ids_and_places(review):
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    adjudication.accept_agreed(xi)
    before = adjudication.snapshot(xi)
    [group] = adjudication.disagreements(xi).groups
    adjudication.resolve(xi, group, group.candidates)
    after = adjudication.snapshot(xi)
    assert len(after.spans) == len(before.spans) + 2 and after.places
    adjudication.restore(xi, before)
    assert adjudication.snapshot(xi) == before
    adjudication.restore(xi, after)
    assert adjudication.snapshot(xi) == after


def test_an_edit_replaces_the_gold_of_its_place(review):
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    adjudication.accept_agreed(xi)  # Xi Jinping, outside the disputed place
    [group] = adjudication.disagreements(xi).groups
    adjudication.resolve(xi, group, [group.candidates[0]])
    span = adjudication.edit(xi, group, 15, 21, "ORG")
    assert (span.key, span.origin) == ((15, 21, "ORG"), Origin.ADJUDICATED)
    assert sorted(s.key for s in adjudication.gold(xi)) == [(0, 10, "PERSON"), (15, 21, "ORG")]
    assert adjudication.is_decided(xi, group)
    # Edited again, the place still holds one span.
    adjudication.edit(xi, group, 15, 22, "PERSON")
    assert sorted(s.key for s in adjudication.gold(xi)) == [(0, 10, "PERSON"),
                                                           (15, 22, "PERSON")]


def test_taking_out_the_gold_span_of_a_decided_place_opens_it_again(review):
    # Delete is "take this span out", not "no entity here" (that is R): a
    # place left with no gold span must not count settled unseen.
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    adjudication.accept_agreed(xi)
    [group] = adjudication.disagreements(xi).groups
    [kept] = adjudication.resolve(xi, group, [(15, 22, "PERSON")])
    assert adjudication.is_decided(xi, group)
    outside = next(s for s in adjudication.gold(xi) if s.key == (0, 10, "PERSON"))
    adjudication.remove(outside.id)  # not at the place: it stays settled
    assert adjudication.is_decided(xi, group)
    adjudication.remove(kept.id)
    assert adjudication.gold(xi) == []
    assert not adjudication.is_decided(xi, group)
    assert adjudication.ranked_documents()[0].undecided == 1


def test_a_place_keeping_another_gold_span_stays_settled(review):
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    [group] = adjudication.disagreements(xi).groups
    both = adjudication.resolve(xi, group, group.candidates)
    adjudication.remove(both[0].id)
    assert adjudication.is_decided(xi, group)
    adjudication.remove(both[1].id)
    assert not adjudication.is_decided(xi, group)


def _merged_again(project, annotator, text, spans):
    """An annotator's layer of one document replaced, as a merge of their
    changed file leaves it."""
    document = doc_id(project, text)
    for span in project.spans(document, annotator):
        project.delete_span(span.id)
    for start, end, label in spans:
        project.add_span(document, annotator, start, end, label)


def test_annotators_who_agree_after_a_decision_do_not_overturn_it(review):
    """Decided 15-22 ORG; merged again, both now say PERSON there: A keeps the
    reviewer's ORG, and adds no second label beside it."""
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    [group] = adjudication.disagreements(xi).groups
    adjudication.resolve(xi, group, [(15, 22, "ORG")])
    _merged_again(review, "bob", XI, [(0, 10, "PERSON"), (15, 22, "PERSON")])
    assert adjudication.disagreements(xi).groups == ()
    added = adjudication.accept_agreed(xi)
    assert [s.key for s in added] == [(0, 10, "PERSON")]
    assert sorted(s.key for s in adjudication.gold(xi)) == [(0, 10, "PERSON"), (15, 22, "ORG")]


def test_a_version_added_after_the_decision_that_reaches_past_it_is_open(review):
    """Rejected 15-22; merged again, bob's new version covers "Tokayev in
    Astana": a place the reviewer never saw, so it is to settle."""
    adjudication = Adjudication(review)
    xi = doc_id(review, XI)
    [group] = adjudication.disagreements(xi).groups
    adjudication.resolve(xi, group, [])
    _merged_again(review, "bob", XI, [(0, 10, "PERSON"), (15, 22, "ORG"), (15, 32, "DATE")])
    [wider] = adjudication.disagreements(xi).groups
    assert (wider.start, wider.end) == (15, 32)
    assert not adjudication.is_decided(xi, wider)
    assert [r.undecided for r in adjudication.ranked_documents() if r.document_id == xi] == [1]
    adjudication.resolve(xi, wider, [(15, 22, "PERSON")])
    assert adjudication.is_decided(xi, wider)


ORG_TEXT = "The Shanghai Cooperation Organisation met in Astana."


@pytest.fixture
def nested(project):
    """alice and carol agree on the organisation; carol also marked the
    city name inside it."""
    for annotator, spans in (("alice", [(4, 37, "ORG")]),
                             ("carol", [(4, 37, "ORG"), (4, 12, "LOC")])):
        project.import_records([DocumentRecord("sco", ORG_TEXT, [Span(*s) for s in spans],
                                               annotator=annotator)])
    return project, project.document_by_name("sco").id


@pytest.mark.parametrize("chosen", [[], [(4, 12, "LOC")]])
def test_a_decision_inside_an_agreed_span_leaves_it_in_gold(nested, chosen):
    project, sco = nested
    adjudication = Adjudication(project)
    assert [s.key for s in adjudication.accept_agreed(sco)] == [(4, 37, "ORG")]
    [group] = adjudication.disagreements(sco).groups
    assert (group.start, group.end) == (4, 12)
    adjudication.resolve(sco, group, chosen)  # R, or keep carol's version
    assert sorted(s.key for s in adjudication.gold(sco)) == sorted([(4, 37, "ORG"), *chosen])
    adjudication.edit(sco, group, 4, 12, "PERSON")  # E: the reviewer's own span there
    assert sorted(s.key for s in adjudication.gold(sco)) == [(4, 12, "PERSON"), (4, 37, "ORG")]


def test_an_agreed_span_around_a_decided_place_is_accepted_after_it(nested):
    project, sco = nested
    adjudication = Adjudication(project)
    [group] = adjudication.disagreements(sco).groups
    adjudication.resolve(sco, group, [])  # R first, then A
    assert [c.key for c in adjudication.agreed_missing(sco)] == [(4, 37, "ORG")]
    assert [s.key for s in adjudication.accept_agreed(sco)] == [(4, 37, "ORG")]
