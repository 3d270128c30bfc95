"""Disagreements of one document, as the adjudication window lists them."""

from annotator.core.disagreements import (
    BOUNDARY,
    LABEL,
    MISSING,
    MIXED,
    Candidate,
    find_disagreements,
)
from annotator.core.model import Span

# "Xi Jinping met Tokayev in Astana on Wednesday ."
#  0  3       11  15      23 26     33 36        46


def layers(**by_name):
    return {name: [Span(*key, id=i, annotator=name) for i, key in enumerate(keys)]
            for name, keys in by_name.items()}


def test_agreed_spans_and_each_kind_of_group():
    found = find_disagreements(layers(
        alice=[(0, 10, "PERSON"), (15, 22, "PERSON"), (26, 32, "ORG"), (36, 45, "DATE")],
        bob=[(0, 10, "PERSON"), (15, 22, "ORG"), (33, 45, "DATE")],
        carol=[(0, 10, "PERSON"), (15, 22, "PERSON"), (36, 45, "DATE")],
    ))
    assert found.annotators == ("alice", "bob", "carol")
    assert found.agreed == (Candidate(0, 10, "PERSON", ("alice", "bob", "carol")),)
    kinds = [(g.start, g.end, g.kind) for g in found.groups]
    assert kinds == [(15, 22, LABEL), (26, 32, MISSING), (33, 45, BOUNDARY)]
    label_group, missing_group, boundary_group = found.groups
    assert label_group.candidates == (Candidate(15, 22, "ORG", ("bob",)),
                                      Candidate(15, 22, "PERSON", ("alice", "carol")))
    assert label_group.missing == ()
    assert missing_group.missing == ("bob", "carol")
    assert {name: [s.key for s in spans]
            for name, spans in boundary_group.by_annotator().items()} == {
        "alice": [(36, 45, "DATE")], "bob": [(33, 45, "DATE")], "carol": [(36, 45, "DATE")]}
    assert found.score == 3 / 4


def test_overlap_chains_make_one_group_and_mixed_kind():
    found = find_disagreements(layers(
        alice=[(0, 10, "PERSON"), (11, 14, "ORG")],
        bob=[(3, 14, "ORG")],
    ))
    [group] = found.groups
    assert (group.start, group.end, group.kind) == (0, 14, MIXED)
    assert [s.annotator for s in group.spans] == ["alice", "bob", "alice"]
    assert found.score == 1.0


def test_nothing_marked_and_single_annotator():
    found = find_disagreements({"alice": [], "bob": []})
    assert found.agreed == () and found.groups == () and found.score == 0.0
    # An annotator with no entry marked nothing: everything of the other is missing.
    found = find_disagreements(layers(alice=[(0, 2, "PERSON")]), ["alice", "bob"])
    [group] = found.groups
    assert group.kind == MISSING and group.missing == ("bob",)
    # Touching spans (end == start) do not overlap.
    found = find_disagreements(layers(alice=[(0, 2, "PERSON"), (2, 4, "ORG")], bob=[]))
    assert len(found.groups) == 2


def test_spans_keep_their_ids_for_the_window():
    found = find_disagreements(layers(alice=[(0, 2, "PERSON")], bob=[(0, 3, "PERSON")]))
    [group] = found.groups
    assert [(s.annotator, s.id) for s in group.spans] == [("bob", 0), ("alice", 0)]
