"""Undo for adjudication: each decision is one command that remembers the gold
spans of the document before and after, so undo and redo restore them
exactly (same rows, same ids)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.model import GOLD_ANNOTATOR, Span
from annotator.store import Project


def restore_gold(project: Project, document_id: int, target: list[Span]) -> None:
    """Make the gold layer of a document exactly ``target``, in one transaction."""
    wanted = {span.id: span for span in target}
    with project.transaction():
        for span in project.spans(document_id, GOLD_ANNOTATOR):
            if span.id not in wanted or wanted[span.id].key != span.key:
                project.delete_span(span.id)
        present = {span.id for span in project.spans(document_id, GOLD_ANNOTATOR)}
        for span in target:
            if span.id not in present:
                project.add_span(document_id, GOLD_ANNOTATOR, span.start, span.end, span.label,
                                 span.origin, span_id=span.id)


class GoldDecisionCommand(QUndoCommand):
    def __init__(self, project: Project, document_id: int, text: str,
                 decide: Callable[[], object], changed: Callable[[int], None]):
        super().__init__(text)
        self._project, self._document_id = project, document_id
        self._decide, self._changed = decide, changed
        self._before: list[Span] | None = None
        self._after: list[Span] = []

    def redo(self) -> None:
        if self._before is None:
            self._before = self._project.spans(self._document_id, GOLD_ANNOTATOR)
            self._decide()
            self._after = self._project.spans(self._document_id, GOLD_ANNOTATOR)
        else:
            restore_gold(self._project, self._document_id, self._after)
        self._changed(self._document_id)

    def undo(self) -> None:
        restore_gold(self._project, self._document_id, self._before or [])
        self._changed(self._document_id)
