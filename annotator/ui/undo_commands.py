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
from functools import cache

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.store import ProjectError
from annotator.store.editing import Edit, Labelling

Report = Callable[[str], None]


# The store names its edits in English ("Add PERSON", "Suggest 3 spans"); the
# menu shows them in the interface's language, the groups of the pattern
# filling {0}, {1}, … Label keys and entity names stay as they are.
_STEP_FORMS = (
    (r"Undo (.+)", QT_TRANSLATE_NOOP("UndoStep", "Undo {0}")),
    (r"Add (\S+)", QT_TRANSLATE_NOOP("UndoStep", "Add {0}")),
    (r"Relabel («.*») \((\d+) mentions\) as (\S+)",
     QT_TRANSLATE_NOOP("UndoStep", "Relabel {0} ({1} mentions) as {2}")),
    (r"Relabel (\S+) as (\S+)", QT_TRANSLATE_NOOP("UndoStep", "Relabel {0} as {1}")),
    (r"Move (\S+)", QT_TRANSLATE_NOOP("UndoStep", "Move {0}")),
    (r"Suggest 1 span", QT_TRANSLATE_NOOP("UndoStep", "Suggest 1 span")),
    (r"Suggest (\d+) spans", QT_TRANSLATE_NOOP("UndoStep", "Suggest {0} spans")),
    (r"Accept (\d+) suggestions", QT_TRANSLATE_NOOP("UndoStep", "Accept {0} suggestions")),
    (r"Reject (\d+) suggestions", QT_TRANSLATE_NOOP("UndoStep", "Reject {0} suggestions")),
    (r"Accept («.*») \((\d+) mentions\)", QT_TRANSLATE_NOOP("UndoStep", "Accept {0} ({1} mentions)")),
    (r"Reject («.*») \((\d+) mentions\)", QT_TRANSLATE_NOOP("UndoStep", "Reject {0} ({1} mentions)")),
    (r"Accept (\S+) as (\S+)", QT_TRANSLATE_NOOP("UndoStep", "Accept {0} as {1}")),
    (r"Accept (\S+)", QT_TRANSLATE_NOOP("UndoStep", "Accept {0}")),
    (r"Reject (\S+)", QT_TRANSLATE_NOOP("UndoStep", "Reject {0}")),
    (r"Delete (\S+)", QT_TRANSLATE_NOOP("UndoStep", "Delete {0}")),
    (r"Group mentions", QT_TRANSLATE_NOOP("UndoStep", "Group mentions")),
    (r"Ungroup mention", QT_TRANSLATE_NOOP("UndoStep", "Ungroup mention")),
    (r"Mark todo", QT_TRANSLATE_NOOP("UndoStep", "Mark to do")),
    (r"Mark in progress", QT_TRANSLATE_NOOP("UndoStep", "Mark in progress")),
    (r"Mark done", QT_TRANSLATE_NOOP("UndoStep", "Mark done")),
)


@cache
def _steps() -> tuple[tuple[re.Pattern, str], ...]:
    """The forms compiled, on the first edit: a window's start needs none."""
    return tuple((re.compile(pattern, re.S), text) for pattern, text in _STEP_FORMS)


def step_text(name: str) -> str:
    """The Edit menu's text for the store's edit ``name``, translated; a name
    of no known form is shown as it is."""
    for pattern, text in _steps():
        match = pattern.fullmatch(name)
        if match:
            groups = match.groups()
            if text == _STEP_FORMS[0][1]:  # an inverse: "Undo" and the edit it undoes
                groups = (step_text(groups[0]),)
            return QCoreApplication.translate("UndoStep", text).format(*groups)
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


def step(stack: QUndoStack, back: bool) -> bool:
    """Undo (``back``) or redo one command; when its write fails, the stack
    steps over it again without running it: the file still holds what it held.
    Whether a command was undone or redone."""
    index = stack.index() - 1 if back else stack.index()
    if not 0 <= index < stack.count():
        return False
    command = stack.command(index)
    (stack.undo if back else stack.redo)()
    if isinstance(command, StoreCommand) and command.failed:
        command.failed = False
        command.skip_next = True
        (stack.redo if back else stack.undo)()
        return False
    return True


class EditCommand(StoreCommand):
    """One span or status edit of the labelling service."""

    def __init__(self, labelling: Labelling, edit: Edit, report: Report):
        super().__init__(step_text(edit.name), report)
        self._labelling, self.edit = labelling, edit

    def write_redo(self) -> None:
        self._labelling.redo(self.edit)

    def write_undo(self) -> None:
        self._labelling.undo(self.edit)
