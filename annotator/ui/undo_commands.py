"""The Edit menu's history of span edits: each command wraps one
:class:`~annotator.store.editing.Edit` that the labelling service has already
written; undo and redo are calls of the service.

A failed undo or redo (the file cannot be written, or was changed by another
program) is reported through ``failed`` instead of raising inside Qt; the
editor then steps the stack back over it, so the history stays what the file
holds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.store.editing import Edit, EditError, Labelling


class EditCommand(QUndoCommand):
    def __init__(self, labelling: Labelling, edit: Edit,
                 failed: Callable[[EditCommand, EditError], None]):
        super().__init__(edit.name)
        self._labelling, self.edit, self._failed = labelling, edit, failed
        # Pushed after the service wrote the edit: the first redo has nothing to do.
        self.skip_next = True

    def redo(self) -> None:
        self._run(self._labelling.redo)

    def undo(self) -> None:
        self._run(self._labelling.undo)

    def _run(self, step: Callable[[Edit], None]) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        try:
            step(self.edit)
        except EditError as error:
            self._failed(self, error)
