"""Labelling one document: turns key presses and clicks into undoable,
immediately saved span edits, and keeps the view in step with the project."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.model import Document, Origin, Span, Status
from annotator.core.offsets import snap_selection
from annotator.store import Project
from annotator.ui.text_view import AnnotationView
from annotator.ui.undo_commands import AddSpanCommand, DeleteSpanCommand, RelabelSpanCommand


class AnnotationEditor(QObject):
    spansChanged = Signal()
    statusChanged = Signal(int, object)  # document id, Status
    message = Signal(str)
    saved = Signal()

    def __init__(self, project: Project, annotator: str, view: AnnotationView, parent=None):
        super().__init__(parent)
        self.project, self.annotator, self.view = project, annotator, view
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.labels = project.labels()
        view.labelKeyPressed.connect(self.apply_label)
        view.deleteRequested.connect(self.delete_selected)
        view.nextSpanRequested.connect(self.step_span)

    def detach(self) -> None:
        """Stop listening to the view: another project's editor takes over,
        and this one must never write to a closed project."""
        self.view.labelKeyPressed.disconnect(self.apply_label)
        self.view.deleteRequested.disconnect(self.delete_selected)
        self.view.nextSpanRequested.disconnect(self.step_span)
        self.undo_stack.clear()
        self.document = None

    # -- documents -----------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            return
        self.document = self.project.document(document_id)
        self.show_current()

    def show_current(self) -> None:
        doc = self.document
        if doc is None:
            return
        self.view.show_document(doc.text, doc.direction, doc.direction_override,
                                self.project.spans(doc.id, self.annotator), self.colors())
        self.spansChanged.emit()

    def colors(self) -> dict[str, str]:
        return {label.key: label.color for label in self.labels}

    def names(self) -> dict[str, str]:
        return {label.key: label.name for label in self.labels}

    def set_direction_override(self, direction) -> None:
        if self.document is None:
            return
        self.project.set_direction_override(self.document.id, direction)
        self.document.direction_override = direction
        self.view.set_direction(self.document.direction, direction)
        self.saved.emit()

    def toggle_done(self) -> Status | None:
        if self.document is None:
            return None
        current = self.project.status(self.document.id, self.annotator)
        status = Status.IN_PROGRESS if current is Status.DONE else Status.DONE
        self.project.set_status(self.document.id, self.annotator, status)
        self.statusChanged.emit(self.document.id, status)
        self.saved.emit()
        return status

    # -- span edits ----------------------------------------------------------

    def apply_label(self, index: int) -> None:
        """A label key or palette click: label the selected text, or relabel
        the selected span."""
        if self.document is None or not 0 <= index < len(self.labels):
            return
        label = self.labels[index].key
        selection = self.view.selection()
        if selection is not None:
            self._add(selection, label)
            return
        span = self.view.selected_span()
        if span is None:
            self.message.emit("Select some text first, then press a label key.")
        elif span.label != label:
            if self._exists(span.start, span.end, label):
                self.message.emit(f"That text is already labelled {label}.")
                return
            self.undo_stack.push(RelabelSpanCommand(self.project, self, self.document.id, span, label))

    def _add(self, selection: tuple[int, int], label: str) -> None:
        snapped = snap_selection(self.document.text, *selection, words=self.view.snaps_to_words)
        if snapped is None:
            self.message.emit("The selection holds no text to label.")
            return
        start, end = snapped
        if self._exists(start, end, label):
            self.message.emit(f"That text is already labelled {label}.")
            return
        span = Span(start, end, label, annotator=self.annotator, origin=Origin.MANUAL)
        self.undo_stack.push(AddSpanCommand(self.project, self, self.document.id, self.annotator, span))

    def _exists(self, start: int, end: int, label: str) -> bool:
        return any(s.key == (start, end, label) for s in self.view.spans)

    def delete_selected(self) -> None:
        span = self.view.selected_span()
        if self.document is None or span is None:
            self.message.emit("Click a span first to delete it.")
            return
        self.undo_stack.push(DeleteSpanCommand(self.project, self, self.document.id, span))

    def step_span(self, direction: int) -> None:
        spans = self.view.spans
        if not spans:
            return
        current = self.view.selected_span()
        if current is None:
            target = spans[0] if direction > 0 else spans[-1]
        else:
            index = next(i for i, s in enumerate(spans) if s.id == current.id)
            target = spans[(index + direction) % len(spans)]
        self.view.select_span(target)

    # -- what the undo commands report (SpanListener) ------------------------

    # The view is updated first: listeners of statusChanged count its spans.

    def span_added(self, document_id: int, span: Span) -> None:
        if self._is_current(document_id):
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)
            self.view.add_span(span)
            self.view.select_span(span)
            self.spansChanged.emit()
        self._after_write(document_id)

    def span_removed(self, document_id: int, span: Span) -> None:
        if self._is_current(document_id):
            self.view.remove_span(span.id)
            self.view.select_span(None)
            self.spansChanged.emit()
        self._after_write(document_id)

    def span_changed(self, document_id: int, span: Span) -> None:
        if self._is_current(document_id):
            self.view.replace_span(span)
            self.spansChanged.emit()
        self._after_write(document_id)

    def _is_current(self, document_id: int) -> bool:
        return self.document is not None and self.document.id == document_id

    def _after_write(self, document_id: int) -> None:
        self.statusChanged.emit(document_id, self.project.status(document_id, self.annotator))
        self.saved.emit()
