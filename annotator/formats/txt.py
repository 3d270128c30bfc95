"""Plain text: one document per file, named after the file.

A ``.txt`` whose lines are tokens with tags (a CoNLL file under another
name) is read as CoNLL, with a note: read as prose it would be a document of
tags with no span.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.text import normalize_text
from annotator.formats import conll
from annotator.formats.conll_layout import Layout, looks_like_token_lines
from annotator.formats.declaration import Format
from annotator.formats.options import COLUMNS
from annotator.formats.problems import ProblemList
from annotator.formats.reading import note
from annotator.formats.textfile import read_utf8

EXTENSIONS = (".txt",)


def read(path: Path, problems: ProblemList,
         columns: Layout | None = None) -> Iterator[DocumentRecord]:
    """The file as one document, or as CoNLL (``columns`` as there) when
    its lines are tokens with tags."""
    raw = read_utf8(path, problems)
    if raw is None:
        return
    text = normalize_text(raw)
    if not text.strip():
        problems.add(path, 0, "the file is empty")
        return
    if looks_like_token_lines(text):
        note(problems, path, 0, "read as CoNLL: its lines are tokens with tags")
        yield from conll.read_text(path, text, problems, columns)
        return
    yield DocumentRecord(name=path.stem, text=text, source=str(path), line=1)


FORMAT = Format("txt", "Plain text", EXTENSIONS, reader=read, read_options=(COLUMNS,))
