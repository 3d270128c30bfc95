"""What a reader is handed besides the path and its options: the problems
list it adds to, which also keeps the notes it leaves for the import summary.

A problem stops the import (nothing is stored); a note is something the
user must hear about although the import goes on: what a file holds that
the project does not keep (brat relations, Label Studio rectangles, model
predictions), or a choice the reader made (a ``.txt`` read as CoNLL, the
columns it took). A reader's options (``--columns``...) come as keywords,
declared in the format catalog.
"""

from __future__ import annotations

from annotator.formats.problems import Problem, ProblemList


class ReadContext(ProblemList):
    """A :class:`ProblemList` (readers take it as ``problems``) that also
    keeps notes. A plain ProblemList works too: a reader leaves a note with
    :func:`note`, which drops it there."""

    def __init__(self):
        super().__init__()
        self.notes: list[Problem] = []


def note(problems: ProblemList, path: object, line: int, message: str) -> None:
    """Leave a note for the summary (dropped when the caller keeps none)."""
    notes = getattr(problems, "notes", None)
    if notes is not None:
        notes.append(Problem(str(path), line, message))


class Records(list):
    """The records read, with the notes the readers left."""

    def __init__(self, records=(), notes: list[Problem] | None = None):
        super().__init__(records)
        self.notes: list[Problem] = list(notes or [])
