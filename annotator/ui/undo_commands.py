"""Undo history over the store's services.

Each command wraps a write the service has already made when it is pushed
(so its first redo does nothing); undo and redo are calls of the service. A
failed undo or redo (the file cannot be written, or was changed by another
program) is reported, never raised inside Qt, and :func:`step` moves the stack
back over it, so the history stays what the file holds."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.store import ProjectError
from annotator.store.editing import Edit, Labelling

Report = Callable[[str], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("UndoStep", text)


# The store names its edits in English ("Add PERSON", "Suggest 3 spans"); the
# menu shows them in the interface's language. Label keys stay as they are.
_STEPS: tuple[tuple[str, Callable[[re.Match], str]], ...] = (
    (r"Undo (.+)", lambda m: _tr("Undo {0}").format(step_text(m[1]))),
    (r"Add (\S+)", lambda m: _tr("Add {0}").format(m[1])),
    (r"Relabel («.*») \((\d+) mentions\) as (\S+)",
     lambda m: _tr("Relabel {0} ({1} mentions) as {2}").format(m[1], m[2], m[3])),
    (r"Relabel (\S+) as (\S+)", lambda m: _tr("Relabel {0} as {1}").format(m[1], m[2])),
    (r"Move (\S+)", lambda m: _tr("Move {0}").format(m[1])),
    (r"Suggest 1 span", lambda m: _tr("Suggest 1 span")),
    (r"Suggest (\d+) spans", lambda m: _tr("Suggest {0} spans").format(m[1])),
    (r"Accept (\d+) suggestions", lambda m: _tr("Accept {0} suggestions").format(m[1])),
    (r"Reject (\d+) suggestions", lambda m: _tr("Reject {0} suggestions").format(m[1])),
    (r"Accept («.*») \((\d+) mentions\)",
     lambda m: _tr("Accept {0} ({1} mentions)").format(m[1], m[2])),
    (r"Reject («.*») \((\d+) mentions\)",
     lambda m: _tr("Reject {0} ({1} mentions)").format(m[1], m[2])),
    (r"Accept (\S+)", lambda m: _tr("Accept {0}").format(m[1])),
    (r"Reject (\S+)", lambda m: _tr("Reject {0}").format(m[1])),
    (r"Delete (\S+)", lambda m: _tr("Delete {0}").format(m[1])),
    (r"Group mentions", lambda m: _tr("Group mentions")),
    (r"Ungroup mention", lambda m: _tr("Ungroup mention")),
    (r"Mark todo", lambda m: _tr("Mark to do")),
    (r"Mark in progress", lambda m: _tr("Mark in progress")),
    (r"Mark done", lambda m: _tr("Mark done")),
)


def step_text(name: str) -> str:
    """The Edit menu's text for the store's edit ``name``, translated; a name
    of no known form is shown as it is."""
    for pattern, text in _STEPS:
        match = re.fullmatch(pattern, name, re.S)
        if match:
            return text(match)
    return name


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
        super().__init__(step_text(edit.name), report)
        self._labelling, self.edit = labelling, edit

    def write_redo(self) -> None:
        self._labelling.redo(self.edit)

    def write_undo(self) -> None:
        self._labelling.undo(self.edit)
