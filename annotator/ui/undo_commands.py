"""Undo history over the store's services.

Each command wraps a write the service has already made when it is pushed
(so its first redo does nothing); undo and redo are calls of the service. A
failed undo or redo (the file cannot be written, or was changed by another
program) is reported, never raised inside Qt, and :func:`step` moves the stack
back over it, so the history stays what the file holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.store import ProjectError
from annotator.store.editing import Edit, Labelling

Report = Callable[[str], None]


class StoreCommand(QUndoCommand):
    def __init__(self, text: str, report: Report):
        super().__init__(text)
        self._report = report
        self.skip_next = True  # pushed after the write: the first redo has nothing to do
        self.failed = False

    def write_redo(self) -> None:
        raise NotImplementedError

    def write_undo(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.write_redo)

    def undo(self) -> None:
        self._run(self.write_undo)

    def _run(self, write: Callable[[], None]) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        try:
            write()
        except (ProjectError, sqlite3.Error) as error:
            self.failed = True
            self._report(str(error))


def step(stack: QUndoStack, back: bool) -> None:
    """Undo (``back``) or redo one command; when its write fails, the stack
    steps over it again without running it: the file still holds what it held."""
    index = stack.index() - 1 if back else stack.index()
    if not 0 <= index < stack.count():
        return
    command = stack.command(index)
    (stack.undo if back else stack.redo)()
    if isinstance(command, StoreCommand) and command.failed:
        command.failed = False
        command.skip_next = True
        (stack.redo if back else stack.undo)()


class EditCommand(StoreCommand):
    """One span or status edit of the labelling service."""

    def __init__(self, labelling: Labelling, edit: Edit, report: Report):
        super().__init__(edit.name, report)
        self._labelling, self.edit = labelling, edit

    def write_redo(self) -> None:
        self._labelling.redo(self.edit)

    def write_undo(self) -> None:
        self._labelling.undo(self.edit)
