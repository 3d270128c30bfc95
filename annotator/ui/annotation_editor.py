"""Labelling one document in the window: turns key presses and clicks into
calls of the labelling service (:mod:`annotator.store.editing`), keeps them on
the undo stack, and draws what the service says changed in the text view."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.model import Document, Span, Status
from annotator.core.offsets import snap_selection
from annotator.store import Project
from annotator.store.editing import Change, Edit, EditError, Labelling
from annotator.suggest.preload import preload_in_background
from annotator.ui.text_view import AnnotationView
from annotator.ui.undo_commands import EditCommand, step


class AnnotationEditor(QObject):
    message = Signal(str)  # a hint for the status bar
    failed = Signal(str)  # a write that did not happen; the view shows the file as it is
    saved = Signal()
    # Undo or redo is about to change another document than the one shown:
    # the window shows that one first, so no step is taken out of sight.
    documentWanted = Signal(int)

    def __init__(self, project: Project, annotator: str, view: AnnotationView, parent=None):
        super().__init__(parent)
        self.project, self.annotator, self.view = project, annotator, view
        self.labelling = Labelling(project, annotator)
        self.undo_stack = QUndoStack(self)
        self.labels = project.labels()
        self._shown: int | None = None  # the document the view shows
        self.read_only_reason: str | None = None  # set when the file is open read-only
        # Called after a new label is saved; what it proposes (an Edit of the
        # service) is undone together with the label.
        self.after_label = None
        # A window that is starting loads the lemmatizer after its first
        # paint (warm_up_dictionary), not when it shows its first document.
        self.warm_up_later = False
        # The view listens first: the span list reads its selection after it.
        self._unsubscribe = self.labelling.subscribe(self._on_change)
        view.labelKeyPressed.connect(self.apply_label)
        view.entityLabelKeyPressed.connect(self.relabel_entity)
        view.deleteRequested.connect(self.delete_selected)
        view.nextSpanRequested.connect(self.step_span)

    def detach(self) -> None:
        """Stop listening to the view: another project's editor takes over,
        and this one must never write to a closed project."""
        self.view.labelKeyPressed.disconnect(self.apply_label)
        self.view.entityLabelKeyPressed.disconnect(self.relabel_entity)
        self.view.deleteRequested.disconnect(self.delete_selected)
        self.view.nextSpanRequested.disconnect(self.step_span)
        self._unsubscribe()
        self.undo_stack.clear()
        self.labelling.close()

    @property
    def document(self) -> Document | None:
        return self.labelling.document

    # -- documents -----------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            return
        self.labelling.open(document_id)
        if not self.warm_up_later:
            self.warm_up_dictionary()

    def warm_up_dictionary(self) -> None:
        """Load the suggesters and the open document's lemmatizer dictionary
        (seconds for Polish) in a thread while the annotator reads, so that
        neither the start nor the first label waits for them."""
        self.warm_up_later = False
        if self.document is not None:
            # Once the window has painted (or at once for a later document),
            # without holding up the document's first paint.
            lang = self.document.lang
            QTimer.singleShot(0, lambda: preload_in_background(lang))

    def colors(self) -> dict[str, str]:
        return {label.key: label.color for label in self.labels}

    def names(self) -> dict[str, str]:
        return {label.key: label.name for label in self.labels}

    def set_direction_override(self, direction) -> None:
        if self.document is None or self.refused_read_only():
            return
        self.project.set_direction_override(self.document.id, direction)
        self.document.direction_override = direction
        self.view.set_direction(self.document.direction, direction)
        self.saved.emit()

    def toggle_done(self) -> Status | None:
        if self.document is None:
            return None
        status = Status.IN_PROGRESS if self.labelling.status() is Status.DONE else Status.DONE
        # On the undo stack: Ctrl+Z right after it takes back the mark, not the edit before.
        return status if self._edit(lambda: self.labelling.set_status(status)) else None

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
        span = self._selected()
        if span is None:
            self.message.emit(self.tr("Select some text first, then press a label key."))
        elif span.is_suggestion:
            # A label key on a proposal accepts it with that label: relabelled
            # and left a proposal, it looked labelled and was never exported.
            if span.label != label and self.labelling.has(span.start, span.end, label):
                self.message.emit(self.tr("That text is already labelled {0}.").format(label))
                return
            self._edit(lambda: self.labelling.accept(span.id, label))
        elif span.label != label:
            if self.labelling.has(span.start, span.end, label):
                self.message.emit(self.tr("That text is already labelled {0}.").format(label))
                return
            edit = self._edit(lambda: self.labelling.relabel(span.id, label))
            followers = _proposals_taken_along(edit, span.id)
            if followers:
                self.message.emit(self.tr("Relabelled {0}, and the {1} mentions proposed from it "
                                          "with it.").format(label, followers))

    def relabel_entity(self, index: int) -> None:
        """Alt + a label key: give every mention of the selected span's entity that label."""
        if self.document is None or not 0 <= index < len(self.labels):
            return
        span = self._selected()
        if span is None or span.entity is None:
            self.message.emit(self.tr("Select a span whose name was labelled with its other mentions; "
                                      "Alt + a label key relabels them all."))
            return
        label = self.labels[index].key
        if all(s.label == label for s in self.labelling.entity_members(span.entity)):
            self.message.emit(self.tr("Every mention is labelled {0} already.").format(label))
            return
        self._edit(lambda: self.labelling.relabel_entity(span.entity, label))

    def _add(self, selection: tuple[int, int], label: str) -> None:
        snapped = snap_selection(self.document.text, *selection, words=self.view.snaps_to_words)
        if snapped is None:
            self.message.emit(self.tr("The selection holds no text to label."))
            return
        start, end = snapped
        proposed_here = next((s for s in self.labelling.spans if s.is_suggestion
                              and s.key == (start, end, label)), None)
        if proposed_here is not None:
            # The words of a proposal, its label's key: the proposal accepted
            # (refused as "already labelled", it stayed out of every export).
            self._edit(lambda: self.labelling.accept(proposed_here.id, label))
            return
        if self.labelling.has(start, end, label):
            self.message.emit(self.tr("That text is already labelled {0}.").format(label))
            return
        beside = [s.label for s in self.labelling.spans
                  if (s.start, s.end) == (start, end) and not s.is_suggestion]
        edit = self._edit(lambda: self.labelling.add(start, end, label), push=False)
        if edit is None:
            return
        proposed = self.after_label(edit) if self.after_label else None
        self.push(edit.then(proposed) if proposed else edit)
        if beside:
            # Two labels on the same words are allowed, but seldom meant.
            self.message.emit(self.tr("{0} added beside {1} on the same words; to change the label "
                                      "instead, click the span, then press the key (Ctrl+Z takes this "
                                      "back).").format(label, ", ".join(beside)))

    def push(self, edit: Edit) -> None:
        """Put an edit the service has made on the undo stack."""
        self.undo_stack.push(EditCommand(self.labelling, edit, self.failed.emit))

    def delete_selected(self) -> None:
        span = self._selected()
        if self.document is None or span is None:
            self.message.emit(self.tr("Click a span first to delete it."))
            return
        edit = self._edit(lambda: self.labelling.delete(span.id))
        followers = _proposals_taken_along(edit, span.id)
        if followers:
            self.message.emit(self.tr("{0} deleted, and the {1} mentions proposed from it (Ctrl+Z "
                                      "brings them back).").format(span.label, followers))

    def step_span(self, direction: int) -> None:
        spans = self.labelling.spans
        if not spans:
            return
        current = self._selected()
        if current is None:
            target = spans[0] if direction > 0 else spans[-1]
        else:
            index = next(i for i, s in enumerate(spans) if s.id == current.id)
            target = spans[(index + direction) % len(spans)]
        self.view.select_span(target)

    def _selected(self) -> Span | None:
        """The selected span as the service holds it (``None`` once it is gone)."""
        span = self.view.selected_span()
        return self.labelling.span(span.id) if span else None

    def refused_read_only(self) -> bool:
        """Say in the status bar why nothing happens in a read-only project."""
        if self.read_only_reason is None:
            return False
        self.message.emit(self.tr("Nothing changed: the project is read-only ({0}).").format(self.read_only_reason))
        return True

    def _edit(self, write, push: bool = True) -> Edit | None:
        """Run one write of the service; on success it goes on the undo stack."""
        if self.refused_read_only():
            return None
        try:
            edit = write()
        except EditError as error:
            self.failed.emit(str(error))
            return None
        if push and edit is not None:
            self.push(edit)
        return edit

    # -- undo ----------------------------------------------------------------

    def undo(self) -> None:
        text = self.undo_stack.undoText()
        self._show_document_of(self.undo_stack.index() - 1)
        if step(self.undo_stack, back=True) and text:
            # Says what was undone, in place of what the edit had said
            # ("11 other mentions proposed"), no longer true.
            self.message.emit(self.tr("Undone: {0}").format(text))

    def redo(self) -> None:
        text = self.undo_stack.redoText()
        self._show_document_of(self.undo_stack.index())
        if step(self.undo_stack, back=False) and text:
            self.message.emit(self.tr("Redone: {0}").format(text))

    def _show_document_of(self, index: int) -> None:
        edit = getattr(self.undo_stack.command(index), "edit", None)
        if edit is not None and (self.document is None or edit.document_id != self.document.id):
            self.documentWanted.emit(edit.document_id)

    # -- what the service reports --------------------------------------------

    def _on_change(self, change: Change) -> None:
        doc = self.document
        if doc is None or change.document_id != doc.id:
            if not change.reloaded:
                self.saved.emit()
            return
        view = self.view
        if change.reloaded:
            if self._shown != doc.id:
                self._shown = doc.id
                view.show_document(doc.text, doc.direction, doc.direction_override,
                                   self.labelling.spans, self.colors(), top_first=True)
            else:
                # Read again after a failed write: the selection stays if its span does.
                view.set_spans(self.labelling.spans)
                view.select_span(self._selected())
            return
        if change.removed:
            view.remove_spans([span.id for span in change.removed])
            view.select_span(None)
        chosen = view.selected_span()
        for span in change.updated:
            view.replace_span(span)  # each selected in turn
        if chosen is not None and len(change.updated) > 1:
            # An entity relabelled at once: the span the annotator chose stays chosen.
            kept = next((span for span in change.updated if span.id == chosen.id), None)
            if kept is not None:
                view.select_span(kept)
        # Proposed, not made: the selection goes to what was made.
        made = [span for span in change.added if not span.is_suggestion]
        # All at once: a label can come with hundreds of proposed mentions.
        view.add_spans(change.added, select=made[-1] if made else None)
        self.saved.emit()


def _proposals_taken_along(edit: Edit | None, span_id: int) -> int:
    """How many open proposals an edit of the span ``span_id`` changed with
    it (its entity's mentions follow a delete or relabel of its only label)."""
    if edit is None:
        return 0
    return sum(1 for change in edit.spans
               if change.span_id != span_id and change.before is not None
               and change.before.span.is_suggestion)
