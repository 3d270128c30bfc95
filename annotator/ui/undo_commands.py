"""One QUndoCommand per span edit. Each writes to the project at once (redo
runs on push) and keeps the stored row, so undoing a delete brings back the
same row, id and timestamps included."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from annotator.core.model import Span
from annotator.store import Project


class SpanListener(Protocol):
    """What commands tell after each write, so the view follows."""

    def span_added(self, document_id: int, span: Span) -> None: ...
    def span_removed(self, document_id: int, span: Span) -> None: ...
    def span_changed(self, document_id: int, span: Span) -> None: ...


class AddSpanCommand(QUndoCommand):
    def __init__(self, project: Project, listener: SpanListener, document_id: int,
                 annotator: str, span: Span):
        super().__init__(f"Add {span.label}")
        self._project, self._listener = project, listener
        self._document_id, self._annotator, self._span = document_id, annotator, span
        self._row: dict | None = None  # the stored row, once undone

    def redo(self) -> None:
        if self._row is None:
            s = self._span
            stored = self._project.add_span(self._document_id, self._annotator, s.start, s.end,
                                            s.label, s.origin)
        else:
            stored = self._project.put_span(self._row)
        self._span = stored
        self._listener.span_added(self._document_id, stored)

    def undo(self) -> None:
        self._row = self._project.take_span(self._span.id)
        self._listener.span_removed(self._document_id, self._span)


class DeleteSpanCommand(QUndoCommand):
    def __init__(self, project: Project, listener: SpanListener, document_id: int, span: Span):
        super().__init__(f"Delete {span.label}")
        self._project, self._listener = project, listener
        self._document_id, self._span = document_id, span
        self._row: dict | None = None

    def redo(self) -> None:
        self._row = self._project.take_span(self._span.id)
        self._listener.span_removed(self._document_id, self._span)

    def undo(self) -> None:
        restored = self._project.put_span(self._row)
        self._listener.span_added(self._document_id, restored)


class RelabelSpanCommand(QUndoCommand):
    def __init__(self, project: Project, listener: SpanListener, document_id: int,
                 span: Span, label: str):
        super().__init__(f"Relabel {span.label} as {label}")
        self._project, self._listener = project, listener
        self._document_id, self._span_id = document_id, span.id
        self._old, self._new = span.label, label
        self._old_time = project.span_updated_at(span.id)
        self._new_time: str | None = None  # set by the first redo

    def redo(self) -> None:
        self._apply(self._new, self._new_time)
        self._new_time = self._project.span_updated_at(self._span_id)

    def undo(self) -> None:
        self._apply(self._old, self._old_time)

    def _apply(self, label: str, updated_at: str | None) -> None:
        span = self._project.relabel_span(self._span_id, label, updated_at)
        self._listener.span_changed(self._document_id, span)
