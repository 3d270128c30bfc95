"""Undo for adjudication: each decision is one command that remembers the
reviewer's state of the document (gold spans and decided places) before and
after, so undo and redo restore it exactly (same rows, same ids)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.store.adjudication import Adjudication, GoldSnapshot


class GoldDecisionCommand(QUndoCommand):
    def __init__(self, adjudication: Adjudication, document_id: int, text: str,
                 decide: Callable[[], object], changed: Callable[[int], None]):
        super().__init__(text)
        self._adjudication, self._document_id = adjudication, document_id
        self._decide, self._changed = decide, changed
        self._before: GoldSnapshot | None = None
        self._after: GoldSnapshot | None = None

    def redo(self) -> None:
        if self._before is None:
            self._before = self._adjudication.snapshot(self._document_id)
            self._decide()
            self._after = self._adjudication.snapshot(self._document_id)
        else:
            self._adjudication.restore(self._document_id, self._after)
        self._changed(self._document_id)

    def undo(self) -> None:
        self._adjudication.restore(self._document_id, self._before)
        self._changed(self._document_id)
