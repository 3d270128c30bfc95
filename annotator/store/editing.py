"""Labelling: one annotator's edits of the document in hand.

GUI-free, like :mod:`annotator.store.adjudication`. Each edit (add, relabel,
move an edge, delete, accept or reject a suggestion, set the status) is one
transaction and comes back as an :class:`Edit`: what the file held before and
after, so ``undo(edit)`` and ``redo(edit)`` put the rows back exactly (ids and
timestamps included). After every write, and after every failed one, the
listeners are told what changed with a :class:`Change`; the text view, the span
list and the document list listen here, not to each other.

A failed write raises :class:`EditError` with the file as it was, and the
listeners get the document as the file holds it (``Change.reloaded``), so no
half-applied edit stays on screen. Undo and redo check that the rows are still
what the edit left (another program may have changed the file): if not they
refuse, in the same way.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import repeat

from annotator.core.model import Document, Origin, Span, Status, place_in_order, reading_order
from annotator.core.offsets import SpanBoundsError
from annotator.store.repository import Project, ProjectError, SpanRecord, StatusRecord


class EditError(ProjectError):
    """An edit, undo or redo that did not happen; the file is as it was."""


@dataclass(frozen=True)
class SpanChange:
    """One span before and after an edit; ``None``: not there (added or deleted)."""

    before: SpanRecord | None
    after: SpanRecord | None

    @property
    def span_id(self) -> int:
        return (self.before or self.after).id


@dataclass(frozen=True)
class StatusChange:
    before: StatusRecord | None  # None: no status row (to do)
    after: StatusRecord | None


@dataclass(frozen=True)
class Edit:
    """One user action as the file took it: enough to undo and redo it exactly."""

    name: str  # for the Edit menu: "Add PERSON"
    document_id: int
    spans: tuple[SpanChange, ...] = ()
    status: StatusChange | None = None
    # Places (start, end, label) whose rejection this edit remembers / forgets.
    rejected: tuple[Place, ...] = ()
    unrejected: tuple[Place, ...] = ()

    def inverse(self) -> Edit:
        return Edit(f"Undo {self.name}", self.document_id,
                    tuple(SpanChange(c.after, c.before) for c in reversed(self.spans)),
                    StatusChange(self.status.after, self.status.before) if self.status else None,
                    rejected=self.unrejected, unrejected=self.rejected)

    def then(self, other: Edit) -> Edit:
        """This edit and ``other`` after it, as one step of the undo history
        (a label and the mentions it proposed)."""
        status = self.status
        if other.status is not None:
            status = StatusChange(self.status.before if self.status else other.status.before,
                                  other.status.after)
        return Edit(self.name, self.document_id, _net(self.spans + other.spans), status,
                    self.rejected + other.rejected, self.unrejected + other.unrejected)


def _net(changes: tuple[SpanChange, ...]) -> tuple[SpanChange, ...]:
    """One change per span, from its first ``before`` to its last ``after``
    (a label, then grouped with its mentions: added as grouped), so undo and
    the listeners see each span once."""
    merged: dict[int, SpanChange] = {}
    for change in changes:
        first = merged.get(change.span_id)
        merged[change.span_id] = change if first is None else SpanChange(first.before,
                                                                         change.after)
    return tuple(c for c in merged.values() if c.before is not None or c.after is not None)


@dataclass(frozen=True)
class Change:
    """What listeners are told after a write, or after the document was read
    again (opened, or after a failed write: ``reloaded``)."""

    document_id: int
    status: Status
    span_count: int  # labels: suggestions not accepted yet are not spans
    added: tuple[Span, ...] = ()
    removed: tuple[Span, ...] = ()
    updated: tuple[Span, ...] = ()
    reloaded: bool = False
    suggestion_count: int = 0  # suggestions still open
    # Other documents the edit changed (a label's mentions proposed in the
    # whole project): their counts are to be read again.
    others: tuple[int, ...] = ()


Listener = Callable[[Change], None]
Place = tuple[int, int, str]


class Labelling:
    """The spans of ``annotator`` on the open document, and every edit of them."""

    def __init__(self, project: Project, annotator: str):
        self.project, self.annotator = project, annotator
        self.document: Document | None = None
        self._spans: dict[int, Span] = {}
        self._sorted: list[Span] | None = None  # _spans by position; None: to sort again
        self._counts = (0, 0)  # (labels, open suggestions) of _spans
        self._listeners: list[Listener] = []

    # -- listening -----------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after each change, in the order of subscription;
        returns what unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _tell(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- reading -------------------------------------------------------------

    @property
    def spans(self) -> list[Span]:
        """The open document's spans of this annotator, by position."""
        return list(self._in_order())

    def _in_order(self) -> list[Span]:
        """The spans by position, sorted once per change (every listener
        reads them after each edit, and a document can hold thousands)."""
        if self._sorted is None:
            self._sorted = sorted(self._spans.values(), key=reading_order)
        return self._sorted

    @property
    def suggestions(self) -> list[Span]:
        """The open document's suggestions not yet accepted or rejected, by position."""
        return [span for span in self._in_order() if span.is_suggestion]

    def span(self, span_id: int | None) -> Span | None:
        return self._spans.get(span_id)

    def has(self, start: int, end: int, label: str) -> bool:
        spans = self._in_order()
        at = bisect_left(spans, (start, -end, label), key=reading_order)
        return at < len(spans) and spans[at].key == (start, end, label)

    def status(self) -> Status:
        self._require_document()
        return self.project.status(self.document.id, self.annotator)

    def open(self, document_id: int) -> Document:
        """Read a document and its spans; listeners get them as ``reloaded``."""
        self.document = self.project.document(document_id)
        self.reload()
        return self.document

    def close(self) -> None:
        self.document, self._spans, self._sorted, self._counts = None, {}, None, (0, 0)

    def reload(self) -> None:
        """Read the open document's spans again, as the file holds them now."""
        if self.document is None:
            return
        spans = self.project.spans(self.document.id, self.annotator)
        self._spans, self._sorted = {span.id: span for span in spans}, None
        suggestions = sum(span.is_suggestion for span in spans)
        self._counts = (len(spans) - suggestions, suggestions)
        self._tell(Change(self.document.id, self.project.status(self.document.id, self.annotator),
                          len(spans) - suggestions, reloaded=True,
                          suggestion_count=suggestions))

    # -- edits ---------------------------------------------------------------

    def add(self, start: int, end: int, label: str, origin: Origin = Origin.MANUAL) -> Edit:
        """Label ``[start, end)``. The open suggestions of that label it
        overlaps go, and those of any label on the same words (not remembered
        as rejected): the label decided the place, where «24 يونيو» stayed
        proposed beside «24 يونيو 2016», and KPCh proposed ORG under the
        annotator's INITIATIVE."""
        document_id = self._require_document()
        superseded = [s.id for s in self._in_order() if s.is_suggestion and (
                      (s.label == label and s.start < end and start < s.end)
                      or (s.start, s.end) == (start, end))] if origin is Origin.MANUAL else []

        def work() -> Edit:
            before = self.project.status_record(document_id, self.annotator)
            gone = [self._own(i) for i in superseded]
            self.project.delete_spans(superseded)
            span = self.project.add_span(document_id, self.annotator, start, end, label, origin)
            after = self.project.status_record(document_id, self.annotator)
            return Edit(f"Add {label}", document_id,
                        (*(SpanChange(r, None) for r in gone),
                         SpanChange(None, self.project.span_record(span.id))),
                        StatusChange(before, after) if before != after else None)

        return self._write(work)

    def relabel(self, span_id: int, label: str) -> Edit:
        """Give a span another label. The open mentions proposed for its
        entity, when it is the entity's only label, follow it: they were
        proposed as that name with its label (one undo step)."""
        def work() -> Edit:
            before = self._own(span_id)
            followers = [r for r in self._proposed_by_alone(before) if r.span.label != label]
            changes = tuple(SpanChange(r, self.project.update_span(r.id, label=label))
                            for r in (before, *followers))
            return Edit(f"Relabel {before.span.label} as {label}", before.document_id, changes)

        return self._write(work)

    def move(self, span_id: int, start: int, end: int) -> Edit:
        """Move a span's edges (one or both)."""
        return self._update(span_id, "Move {old}", start=start, end=end)

    def suggest(self, proposals: Sequence[Span]) -> Edit | None:
        """Store ``proposals`` (spans with a reason and a confidence) as
        suggestions, except where this annotator already has a span that
        overlaps, or rejected that suggestion before; ``None`` when none is new."""
        document_id = self._require_document()

        def work() -> Edit | None:
            rejected = self.project.rejected_places(document_id, self.annotator)
            # By start (the order _overlaps_any bisects on), without a sort.
            taken = [(s.start, s.end) for s in self._in_order()]
            longest = max((end - start for start, end in taken), default=0)
            new = []
            for span in sorted(proposals, key=reading_order):
                if span.key in rejected or _overlaps_any(span, taken, longest):
                    continue
                longest = max(longest, span.end - span.start)
                insort(taken, (span.start, span.end))
                new.append(span)
            if not new:
                return None
            # One insert and one read for all: a name can come back hundreds of times.
            changes = [SpanChange(None, record) for record in self.project.insert_spans(
                document_id, self.annotator, new, Origin.SUGGESTED)]
            return Edit(f"Suggest {len(changes)} span{'' if len(changes) == 1 else 's'}",
                        document_id, tuple(changes))

        return self._write(work)

    def proposed_elsewhere(self, edit: Edit | None, since: int, name: str) -> Edit | None:
        """``edit`` (a label and its mentions here) with the suggestions
        stored after span id ``since`` in this annotator's other documents
        (its mentions proposed in the whole project), so that one undo takes
        them back with it; ``None`` when there is neither."""
        here = edit.document_id if edit is not None else self._require_document()
        records = [r for r in self.project.span_records_after(since, self.annotator)
                   if r.document_id != here and r.span.is_suggestion]
        if not records:
            return edit
        elsewhere = Edit(name, here, tuple(SpanChange(None, r) for r in records))
        return elsewhere if edit is None else edit.then(elsewhere)

    def suggest_mentions(self, source_id: int, proposals: Sequence[Span]) -> Edit | None:
        """Propose the other mentions of the name the span ``source_id`` labels,
        grouped with it as one entity: the source's own, or a new one (its
        id) that the source joins. ``None`` when no proposal is new."""
        source = self._spans.get(source_id)
        if source is None:
            return self.suggest(proposals)
        entity = source.entity if source.entity is not None else source.id
        suggested = self.suggest([replace(p, entity=entity) for p in proposals])
        if suggested is None or source.entity is not None:
            return suggested
        return suggested.then(self.set_entity([source_id], entity))

    def entity_members(self, entity: int | None) -> list[Span]:
        """The open document's spans of an entity, by position."""
        return [] if entity is None else [s for s in self.spans if s.entity == entity]

    def _open_mentions(self, entity: int) -> list[int]:
        return [s.id for s in self.entity_members(entity) if s.is_suggestion]

    def accept_entity(self, entity: int) -> Edit | None:
        """Accept every open suggestion of an entity, as one edit."""
        ids = self._open_mentions(entity)
        if not ids:
            return None
        return self._write(lambda: self._accepting(
            [self._own_suggestion(i) for i in ids], f"Accept {self._entity_name(entity)}"))

    def reject_entity(self, entity: int) -> Edit | None:
        """Reject every open suggestion of an entity (its labels stay), as one edit."""
        ids = self._open_mentions(entity)
        if not ids:
            return None
        name = f"Reject {self._entity_name(entity)}"
        return self._write(lambda: self._rejecting([self._own_suggestion(i) for i in ids], name))

    def relabel_entity(self, entity: int, label: str) -> Edit | None:
        """Give every mention of an entity (labels and suggestions) ``label``,
        as one edit; ``None`` when all have it already."""
        ids = [s.id for s in self.entity_members(entity) if s.label != label]
        if not ids:
            return None
        return self._updating(ids, f"Relabel {self._entity_name(entity)} as {label}", label=label)

    def set_entity(self, span_ids: Sequence[int], entity: int | None) -> Edit | None:
        """Put spans into an entity (``None``: take them out of theirs), as one edit."""
        ids = [i for i in span_ids if self._spans.get(i) and self._spans[i].entity != entity]
        if not ids:
            return None
        name = "Group mentions" if entity is not None else "Ungroup mention"
        return self._updating(ids, name, entity=entity)

    def _updating(self, ids: Sequence[int], name: str, **fields) -> Edit | None:
        """One edit that sets ``fields`` (label, entity) on each span of ``ids``."""
        def work() -> Edit:
            befores = [self._own(i) for i in ids]
            changes = tuple(SpanChange(b, self.project.update_span(b.id, **fields))
                            for b in befores)
            return Edit(name, befores[0].document_id, changes)

        return self._write(work)

    def accept(self, span_id: int, label: str | None = None) -> Edit:
        """Accept a suggested span: it becomes the annotator's own (manual),
        with ``label`` when given (a label key pressed on a suggestion)."""
        def work() -> Edit:
            before = self._own_suggestion(span_id)
            if label is None or label == before.span.label:
                return self._accepting([before], f"Accept {before.span.label}")
            return self._accepting([before], f"Accept {before.span.label} as {label}", label=label)

        return self._write(work)

    def accept_all(self) -> Edit | None:
        """Accept every suggestion of the open document, as one edit."""
        self._require_document()
        ids = [span.id for span in self.suggestions]
        if not ids:
            return None
        return self._write(lambda: self._accepting(
            [self._own_suggestion(i) for i in ids], f"Accept {len(ids)} suggestions"))

    def delete(self, span_id: int) -> Edit:
        """Delete a span; a suggestion deleted is rejected (remembered, so
        proposing again does not bring it back)."""
        span = self._spans.get(span_id)
        if span is not None and span.is_suggestion:
            return self.reject(span_id)
        return self._delete(span_id, "Delete")

    def reject(self, span_id: int) -> Edit:
        """Reject a suggested span: it is deleted, and the place is remembered
        so proposing again does not bring it back."""
        def work() -> Edit:
            return self._rejecting([self._own_suggestion(span_id)], "Reject {label}")

        return self._write(work)

    def reject_all(self) -> Edit | None:
        """Reject every suggestion of the open document, as one edit."""
        ids = [span.id for span in self.suggestions]
        if not ids:
            return None
        return self._write(lambda: self._rejecting(
            [self._own_suggestion(i) for i in ids], f"Reject {len(ids)} suggestions"))

    def set_status(self, status: Status) -> Edit:
        document_id = self._require_document()

        def work() -> Edit:
            before = self.project.status_record(document_id, self.annotator)
            self.project.set_status(document_id, self.annotator, status)
            after = self.project.status_record(document_id, self.annotator)
            return Edit(f"Mark {Status(status).value.replace('_', ' ')}", document_id,
                        status=StatusChange(before, after))

        return self._write(work)

    def undo(self, edit: Edit) -> None:
        self._write(lambda: self._apply(edit.inverse()))

    def redo(self, edit: Edit) -> None:
        self._write(lambda: self._apply(edit))

    # -- inside ----------------------------------------------------------------

    def _require_document(self) -> int:
        if self.document is None:
            raise EditError("no document is open")
        return self.document.id

    def _own(self, span_id: int) -> SpanRecord:
        record = self.project.span_record(span_id)
        if record.span.annotator != self.annotator:
            raise EditError(f"span {span_id} belongs to {record.span.annotator!r}")
        return record

    def _entity_name(self, entity: int) -> str:
        """"«Tokajew» (6 mentions)", for the Edit menu."""
        members = self.entity_members(entity)
        return f"«{entity_name(members, self.document.text)}» ({len(members)} mentions)"

    def _own_suggestion(self, span_id: int) -> SpanRecord:
        record = self._own(span_id)
        if not record.span.is_suggestion:
            raise EditError(f"the {record.span.label} span is not a suggestion")
        return record

    def _accepting(self, records: list[SpanRecord], name: str, **fields) -> Edit:
        before_status = self.project.status_record(records[0].document_id, self.annotator)
        changes = tuple(SpanChange(r, self.project.update_span(r.id, origin=Origin.MANUAL,
                                                               **fields))
                        for r in records)
        # An accepted suggestion is a label: the document is in progress.
        document_id = records[0].document_id
        if before_status is None or before_status.status is Status.TODO:
            self.project.set_status(document_id, self.annotator, Status.IN_PROGRESS)
        after_status = self.project.status_record(document_id, self.annotator)
        return Edit(name, document_id, changes,
                    StatusChange(before_status, after_status)
                    if before_status != after_status else None)

    def _rejecting(self, records: list[SpanRecord], name: str) -> Edit:
        document_id = records[0].document_id
        places = tuple(r.span.key for r in records)
        self.project.delete_spans([r.id for r in records])
        self.project.remember_rejections(document_id, self.annotator, places)
        return Edit(name.format(label=records[0].span.label), document_id,
                    tuple(SpanChange(r, None) for r in records), rejected=places)

    def _update(self, span_id: int, name: str, **changes) -> Edit:
        def work() -> Edit:
            before = self._own(span_id)
            after = self.project.update_span(span_id, **changes)
            return Edit(name.format(old=before.span.label), before.document_id,
                        (SpanChange(before, after),))

        return self._write(work)

    def _delete(self, span_id: int, verb: str) -> Edit:
        def work() -> Edit:
            before = self._own(span_id)
            proposed = self._proposed_by_alone(before)
            self.project.delete_spans([span_id, *(r.id for r in proposed)])
            return Edit(f"{verb} {before.span.label}", before.document_id,
                        (SpanChange(before, None), *(SpanChange(r, None) for r in proposed)))

        return self._write(work)

    def _proposed_by_alone(self, record: SpanRecord) -> list[SpanRecord]:
        """The open mentions proposed for ``record``'s entity when it is the
        entity's last label: they were proposed as mentions of its name and,
        with it gone, would name nothing. They go with it (one undo step)."""
        span = record.span
        if span.is_suggestion or span.entity is None:
            return []
        members = [m for m in self.entity_members(span.entity) if m.id != record.id]
        if any(not m.is_suggestion for m in members):
            return []  # another label of the entity still stands for it
        return [self._own(m.id) for m in members]

    def _apply(self, edit: Edit) -> Edit:
        """Make the rows of ``edit`` go from its ``before`` to its ``after``;
        refuse if the file no longer holds ``before``."""
        status_now = self.project.status_record(edit.document_id, self.annotator)
        ids = [change.span_id for change in edit.spans]
        if len(set(ids)) < len(ids):
            # One span changed twice in one edit: each step needs the file as
            # the step before left it.
            for change in edit.spans:
                self._apply_spans([change])
        else:
            self._apply_spans(edit.spans)
        if edit.rejected:
            self.project.remember_rejections(edit.document_id, self.annotator, edit.rejected)
        if edit.unrejected:
            self.project.forget_rejections(edit.document_id, self.annotator, edit.unrejected)
        # A status changed since (marked done later) is left as it is.
        if edit.status is not None and status_now == edit.status.before:
            self.project.restore_status(edit.document_id, self.annotator, edit.status.after)
        return edit

    def _apply_spans(self, changes: Sequence[SpanChange]) -> None:
        """Check that the file holds every ``before``, then write the
        ``after``s in as few statements as their order allows."""
        now = self.project.find_span_records(c.span_id for c in changes)
        if any(now.get(c.span_id) != c.before for c in changes):
            raise EditError("the span was changed in the file meanwhile (by another "
                            "program?); the view now shows the file as it is")
        # Runs of deletes and of restores, in the edit's order (a delete can
        # free the place a restore takes).
        run: list[SpanChange] = []
        for change in [*changes, None]:
            if run and (change is None or (change.after is None) != (run[0].after is None)):
                if run[0].after is None:
                    self.project.delete_spans([c.span_id for c in run])
                else:
                    self.project.restore_spans([c.after for c in run])
                run = []
            if change is not None:
                run.append(change)

    def _write(self, work: Callable[[], Edit | None]) -> Edit | None:
        """Run ``work`` in one transaction; tell the listeners what it changed,
        or, when it fails, show them the file as it is and raise EditError."""
        try:
            with self.project.transaction():
                edit = work()
                if edit is not None:
                    self.project.count_edit()
        except (ProjectError, SpanBoundsError, sqlite3.Error) as error:
            self._after_failure()
            if isinstance(error, EditError):
                raise
            raise EditError(_describe(error, self.project)) from error
        if edit is None:
            return None
        self._tell(self._change_of(edit))
        return edit

    def _after_failure(self) -> None:
        try:
            self.reload()
        except (ProjectError, sqlite3.Error):
            pass  # the file cannot be read either; the edit's error says enough

    def _change_of(self, edit: Edit) -> Change:
        added, removed, updated = [], [], []
        others = set()
        for change in edit.spans:
            record = change.before or change.after
            if record.document_id != edit.document_id:
                others.add(record.document_id)  # not the edit's document: not its spans
                continue
            if change.before is None:
                added.append(change.after.span)
            elif change.after is None:
                removed.append(change.before.span)
            else:
                updated.append(change.after.span)
        if self.document is not None and self.document.id == edit.document_id:
            self._take(removed + updated, added + updated)
            labels, suggestions = self._counts
        else:
            labels, suggestions = self.project.span_and_suggestion_counts(edit.document_id,
                                                                          self.annotator)
        return Change(edit.document_id, self.project.status(edit.document_id, self.annotator),
                      labels, tuple(added), tuple(removed), tuple(updated),
                      suggestion_count=suggestions, others=tuple(sorted(others)))

    def _take(self, gone: list[Span], new: list[Span]) -> None:
        """The open document's spans after an edit: ``gone`` out (by id),
        ``new`` in. A few go into their places in the sorted list and the
        counts change by what changed, so one edit does not walk thousands."""
        gone = [old for old in map(self._spans.pop, (s.id for s in gone), repeat(None)) if old]
        for span in new:
            self._spans[span.id] = span
        labels, suggestions = self._counts
        for span, step in [*((s, -1) for s in gone), *((s, 1) for s in new)]:
            if span.is_suggestion:
                suggestions += step
            else:
                labels += step
        self._counts = (labels, suggestions)
        in_order = self._sorted
        if in_order is None or (len(gone) + len(new)) * 8 >= len(in_order):
            self._sorted = None  # many: sorted again once, when next read
            return
        for span in gone:
            del in_order[place_in_order(in_order, span)]
        for span in new:
            insort(in_order, span, key=reading_order)


def entity_name(members: Sequence[Span], text: str) -> str:
    """What an entity is called: the text of the span it was made from (its id
    is the entity's), else of its first label, else of its first mention."""
    if not members:
        return ""
    entity = members[0].entity
    named = (next((s for s in members if s.id == entity), None)
             or next((s for s in members if not s.is_suggestion), None) or members[0])
    return text[named.start:named.end].replace("\n", " ")


def _overlaps_any(span: Span, taken: list[tuple[int, int]], longest: int) -> bool:
    """Whether ``span`` overlaps one of ``taken`` ((start, end) pairs sorted
    by start, none longer than ``longest``): only those starting at most ``longest``
    before it can reach it, so a big document is not scanned from its top."""
    first = bisect_left(taken, (span.start - longest, -1))
    k = bisect_left(taken, (span.end, -1))  # those starting before span's end
    return any(end > span.start for _, end in taken[first:k])


def _describe(error: Exception, project: Project) -> str:
    if isinstance(error, sqlite3.Error):
        where = project.path.name if project.path else "the project"
        return f"{where}: the edit could not be saved ({error}); the file is as it was"
    return str(error)
