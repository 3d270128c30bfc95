"""Plain text: one document per file, named after the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.text import normalize_text
from annotator.formats.declaration import Format
from annotator.formats.problems import ProblemList
from annotator.formats.textfile import read_utf8

EXTENSIONS = (".txt",)


def read(path: Path, problems: ProblemList) -> Iterator[DocumentRecord]:
    raw = read_utf8(path, problems)
    if raw is None:
        return
    text = normalize_text(raw)
    if not text.strip():
        problems.add(path, 0, "the file is empty")
        return
    yield DocumentRecord(name=path.stem, text=text, source=str(path), line=1)


FORMAT = Format("txt", "Plain text", EXTENSIONS, reader=read)
