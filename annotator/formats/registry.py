"""Format names to readers and writers, and reading whole paths (files or folders)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.formats import brat, conll, hf, jsonl, labelstudio, spacy_docbin, txt
from annotator.formats.problems import InputError, ProblemList
from annotator.formats.reading import ReadContext, ReadOptions, Records
from annotator.formats.writing import Writer

Reader = Callable[[Path, ProblemList], Iterator[DocumentRecord]]

READERS: dict[str, tuple[Reader, tuple[str, ...]]] = {
    "txt": (txt.read, txt.EXTENSIONS),
    "jsonl": (jsonl.read, jsonl.EXTENSIONS),
    # doccano JSONL is told apart from native JSONL line by line.
    "doccano": (jsonl.read, jsonl.EXTENSIONS),
    "conll": (conll.read, conll.EXTENSIONS),
    "brat": (brat.read, brat.EXTENSIONS),
    "labelstudio": (labelstudio.read, labelstudio.EXTENSIONS),
}

WRITERS: dict[str, type[Writer]] = {
    "jsonl": jsonl.JsonlWriter,
    "doccano": jsonl.DoccanoWriter,
    "conll": conll.ConllWriter,
    "hf": hf.HfWriter,
    "spacy": spacy_docbin.SpacyWriter,
    "brat": brat.BratWriter,  # writes a folder
}


def register_reader(name: str, reader: Reader, extensions: tuple[str, ...]) -> None:
    READERS[name] = (reader, extensions)


def reader_for(path: Path, fmt: str) -> Reader | None:
    if fmt != "auto":
        return READERS[fmt][0]
    suffix = path.suffix.lower()
    for reader, extensions in READERS.values():
        if suffix in extensions:
            return reader
    return None


def expand_paths(paths: Iterable[Path], fmt: str, problems: ProblemList) -> list[Path]:
    """Files named directly, and inside folders every file a reader takes."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*"))
                     if p.is_file() and not p.name.startswith(".") and reader_for(p, fmt)
                     and (fmt == "auto" or p.suffix.lower() in READERS[fmt][1])]
            if not found:
                problems.add(path, 0, "no files to import in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.add(path, 0, "no such file or folder")
    if fmt == "auto":
        # A brat pair is one document: its .ann reads the .txt beside it.
        annotated = {p.with_suffix("") for p in files if p.suffix.lower() == ".ann"}
        files = [p for p in files if not (p.suffix.lower() == ".txt" and p.with_suffix("") in annotated)]
    return files


def read_paths(paths: Iterable[Path], fmt: str = "auto",
               options: ReadOptions | None = None) -> Records:
    """Every record of every path, with the readers' notes, or
    :class:`InputError` with all problems."""
    if fmt != "auto" and fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}")
    problems = ReadContext(options)
    records = Records()
    for path in expand_paths([Path(p) for p in paths], fmt, problems):
        reader = reader_for(path, fmt)
        if reader is None:
            problems.add(path, 0, f"unknown file type {path.suffix!r}; name one with --format")
            continue
        records.extend(reader(path, problems))
    if problems:
        raise InputError(problems)
    records.notes = problems.notes
    return records
