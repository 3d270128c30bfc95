"""What a reader is handed besides the path: the problems list it adds to,
the notes it leaves for the import summary, and the user's reading options.

A problem stops the import (nothing is stored); a note is something the
user must hear about although the import goes on: what a file holds that
the project does not keep (brat relations, Label Studio rectangles, model
predictions), or a choice the reader made (a ``.txt`` read as CoNLL, the
columns it took).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.formats.problems import Problem, ProblemList


@dataclass(frozen=True)
class ReadOptions:
    # ``--columns`` as the user wrote it (``token=2,tag=3``); None: detect.
    columns: str | None = None


class ReadContext(ProblemList):
    """A :class:`ProblemList` (readers take it as ``problems``) that also
    carries notes and options. A plain ProblemList works too: a reader asks
    with :func:`note` and :func:`options_of`."""

    def __init__(self, options: ReadOptions | None = None):
        super().__init__()
        self.options = options or ReadOptions()
        self.notes: list[Problem] = []


def note(problems: ProblemList, path: object, line: int, message: str) -> None:
    """Leave a note for the summary (dropped when the caller keeps none)."""
    notes = getattr(problems, "notes", None)
    if notes is not None:
        notes.append(Problem(str(path), line, message))


def options_of(problems: ProblemList) -> ReadOptions:
    return getattr(problems, "options", None) or ReadOptions()


class Records(list):
    """The records read, with the notes the readers left."""

    def __init__(self, records=(), notes: list[Problem] | None = None):
        super().__init__(records)
        self.notes: list[Problem] = list(notes or [])
