"""Undo for adjudication: each decision is one command that remembers the
reviewer's state of the document (gold spans and decided places) before and
after, so undo and redo restore it exactly (same rows, same ids), through the
store's one way of bringing spans back."""

from __future__ import annotations

from collections.abc import Callable

from annotator.store.adjudication import Adjudication, GoldSnapshot
from annotator.ui.undo_commands import Report, StoreCommand


class GoldDecisionCommand(StoreCommand):
    def __init__(self, adjudication: Adjudication, document_id: int, text: str,
                 before: GoldSnapshot, after: GoldSnapshot, changed: Callable[[int], None],
                 report: Report):
        super().__init__(text, report)
        self._adjudication, self._document_id = adjudication, document_id
        self._before, self._after, self._changed = before, after, changed

    @classmethod
    def decide(cls, adjudication: Adjudication, document_id: int, text: str,
               decision: Callable[[], object], changed: Callable[[int], None],
               report: Report) -> GoldDecisionCommand:
        """Make the decision now (a store error propagates, nothing is written);
        the command undoes and redoes it."""
        before = adjudication.snapshot(document_id)
        decision()
        return cls(adjudication, document_id, text, before,
                   adjudication.snapshot(document_id), changed, report)

    def redo(self) -> None:
        super().redo()
        self._changed(self._document_id)

    def undo(self) -> None:
        super().undo()
        self._changed(self._document_id)

    def write_redo(self) -> None:
        self._adjudication.restore(self._document_id, self._after)

    def write_undo(self) -> None:
        self._adjudication.restore(self._document_id, self._before)
