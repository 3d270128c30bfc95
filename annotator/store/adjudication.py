"""Adjudication: the reviewer's decisions, written into the gold layer.

GUI-free: the adjudication window lists documents with ``ranked_documents``,
shows ``disagreements(document_id)`` next to ``gold(document_id)``, and calls
one method per decision. Every method that writes is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.disagreements import (
    Candidate,
    DisagreementGroup,
    DocumentDisagreements,
    find_disagreements,
)
from annotator.core.model import GOLD_ANNOTATOR, Origin, Span, Status
from annotator.store.layers import document_annotators, iter_document_layers, layer_annotators
from annotator.store.repository import Project, ProjectError, SpanRecord, StatusRecord

SpanKey = tuple[int, int, str]


@dataclass(frozen=True)
class GoldSnapshot:
    """The reviewer's state of one document: gold spans (with ids), the
    places decided and whether it is settled. Undo restores a snapshot exactly."""

    spans: tuple[SpanRecord, ...]
    places: frozenset[tuple[int, int]]
    status: StatusRecord | None = None  # the gold layer's status row (None: to do)


@dataclass(frozen=True)
class DocumentReview:
    """One line of the adjudication list."""

    document_id: int
    score: float          # DocumentDisagreements.score: 0 agreed ... 1 all disputed
    disagreements: int    # number of groups
    agreed: int           # number of agreed spans
    annotators: tuple[str, ...]  # the compared annotators who annotated it
    undecided: int = 0    # groups no decision has covered yet


class Adjudication:
    """Compare ``annotators`` (default: everyone with a layer except gold) and
    write decisions as gold spans with origin ``adjudicated``."""

    def __init__(self, project: Project, annotators: Sequence[str] | None = None):
        self.project = project
        if annotators is None:
            annotators = [a for a in layer_annotators(project) if a != GOLD_ANNOTATOR]
        if GOLD_ANNOTATOR in annotators:
            raise ProjectError("the gold layer is the result of adjudication, not an input")
        self.annotators = tuple(annotators)

    # -- reading -------------------------------------------------------------

    def ranked_documents(self, min_annotators: int = 2) -> list[DocumentReview]:
        """Documents annotated by at least ``min_annotators`` of the compared
        annotators, most disputed first (then most groups, then import order)."""
        reviews = []
        decided = self.project.decided_places_by_document()
        for document in iter_document_layers(self.project, self.annotators, min_annotators):
            found = find_disagreements(document.layers, tuple(document.layers))
            places = decided.get(document.document_id, set())
            undecided = sum(not self.is_decided(document.document_id, group, places)
                            for group in found.groups)
            reviews.append(DocumentReview(document.document_id, found.score, len(found.groups),
                                          len(found.agreed), found.annotators, undecided))
        reviews.sort(key=lambda r: (-r.score, -r.disagreements, r.document_id))
        return reviews

    def disagreements(self, document_id: int) -> DocumentDisagreements:
        """Agreed spans and disagreement groups among the annotators who
        annotated this document."""
        present = document_annotators(self.project, document_id)
        layers = {name: self.project.spans(document_id, name) for name in self.annotators
                  if name in present}
        return find_disagreements(layers, tuple(layers))

    def gold(self, document_id: int) -> list[Span]:
        return self.project.spans(document_id, GOLD_ANNOTATOR)

    def decided_places(self, document_id: int) -> set[tuple[int, int]]:
        return self.project.decided_places(document_id)

    def is_decided(self, document_id: int, group: DisagreementGroup,
                   places: set[tuple[int, int]] | None = None) -> bool:
        """A group is settled once decisions covered all of it. A version an
        annotator added after the decision (merged again) that reaches past
        the place decided makes it a group the reviewer has not seen: open."""
        places = self.decided_places(document_id) if places is None else places
        return _covered(group.start, group.end, places)

    def snapshot(self, document_id: int) -> GoldSnapshot:
        return GoldSnapshot(tuple(self.project.span_records(document_id, GOLD_ANNOTATOR)),
                            frozenset(self.decided_places(document_id)),
                            self.project.status_record(document_id, GOLD_ANNOTATOR))

    def restore(self, document_id: int, snapshot: GoldSnapshot) -> None:
        """Make the gold layer and decided places exactly ``snapshot``, in one
        transaction, keeping span ids and timestamps."""
        wanted = {record.id: record for record in snapshot.spans}
        with self.project.transaction():
            current = self.project.span_records(document_id, GOLD_ANNOTATOR)
            differing = [r.id for r in current if wanted.get(r.id) != r]
            self.project.delete_spans(differing)
            kept = {r.id for r in current} - set(differing)
            for record in snapshot.spans:
                if record.id not in kept:
                    self.project.restore_span(record)
            self.project.set_decided_places(document_id, snapshot.places)
            self.project.restore_status(document_id, GOLD_ANNOTATOR, snapshot.status)

    # -- decisions -----------------------------------------------------------

    def accept(self, document_id: int, start: int, end: int, label: str,
               settles: DisagreementGroup | None = None) -> Span:
        """Put a span into gold (no-op returning the existing span if it is
        there); ``settles`` names the group this edit decides."""
        with self.project.transaction():
            if settles is not None:
                self.project.mark_decided(document_id, settles.start, settles.end)
            return self._accept(document_id, (start, end, label))

    def accept_agreed(self, document_id: int) -> list[Span]:
        """Copy every span all annotators agree on into gold, but for those at
        a place the reviewer decided (see :meth:`agreed_missing`); returns the
        new ones."""
        missing = self.agreed_missing(document_id)
        with self.project.transaction():
            return [self._accept(document_id, c.key) for c in missing]

    def resolve(self, document_id: int, group: DisagreementGroup,
                chosen: Iterable[Candidate | SpanKey]) -> list[Span]:
        """Decide one group: gold spans overlapping the group's extent become
        exactly ``chosen`` (nothing chosen: no entity there). Returns the gold
        spans of the group afterwards."""
        keys = {c.key if isinstance(c, Candidate) else tuple(c) for c in chosen}
        # What every annotator marked is no part of the group, though it may
        # hold it (a name inside an agreed organisation): it stays.
        agreed = {c.key for c in self.disagreements(document_id).agreed}
        with self.project.transaction():
            self.project.mark_decided(document_id, group.start, group.end)
            for span in self.gold(document_id):
                overlaps = span.start < group.end and group.start < span.end
                if overlaps and span.key not in keys and span.key not in agreed:
                    self.project.delete_span(span.id)
            return [self._accept(document_id, key) for key in sorted(keys)]

    def edit(self, document_id: int, group: DisagreementGroup, start: int, end: int,
             label: str) -> Span:
        """Decide one group with a span of the reviewer's own: the gold spans
        overlapping the group's extent (an earlier decision) become exactly
        this one."""
        [span] = self.resolve(document_id, group, [(start, end, label)])
        return span

    def remove(self, span_id: int) -> Span:
        """Take a span out of gold. A decided place the span was the last
        gold span of is open again: "no entity here" is said by a rejection
        (``resolve`` with nothing chosen), never by taking a span out."""
        record = self.project.span_record(span_id)
        span, document_id = record.span, record.document_id
        if span.annotator != GOLD_ANNOTATOR:
            raise ProjectError(f"span {span_id} belongs to {span.annotator!r}, not to gold")
        with self.project.transaction():
            self.project.delete_span(span_id)
            places = self.decided_places(document_id)
            left = self.gold(document_id)
            still = {(start, end) for start, end in places
                     if not _overlaps(span, start, end)
                     or any(_overlaps(other, start, end) for other in left)}
            if still != places:
                self.project.set_decided_places(document_id, still)
        return span

    def agreed_missing(self, document_id: int, found: DocumentDisagreements | None = None,
                       places: set[tuple[int, int]] | None = None) -> list[Candidate]:
        """The spans all annotators agree on that gold does not hold, but for
        those within places the reviewer decided (a decision there may have
        taken one out: that was the reviewer's word, which annotators who
        came to agree after it, merged again, do not overturn). An agreed
        span reaching past them (an organisation around a disputed name) is
        no part of the decision. ``found`` and ``places``: the document's
        disagreements and decided places, when the caller has read them."""
        gold = {span.key for span in self.gold(document_id)}
        places = self.decided_places(document_id) if places is None else places
        found = self.disagreements(document_id) if found is None else found
        return [c for c in found.agreed
                if c.key not in gold and not _covered(c.start, c.end, places)]

    def finish(self, document_id: int) -> None:
        """Mark the gold version of a document done."""
        self.project.set_status(document_id, GOLD_ANNOTATOR, Status.DONE)

    def _accept(self, document_id: int, key: SpanKey) -> Span:
        for span in self.gold(document_id):
            if span.key == key:
                return span
        start, end, label = key
        return self.project.add_span(document_id, GOLD_ANNOTATOR, start, end, label,
                                     origin=Origin.ADJUDICATED)


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def _covered(start: int, end: int, places: Iterable[tuple[int, int]]) -> bool:
    """``[start, end)`` lies within the union of ``places``."""
    reached = start
    for a, b in sorted(places):
        if a > reached:
            break
        reached = max(reached, b)
        if reached >= end:
            return True
    return False
