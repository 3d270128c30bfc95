"""Reading whole paths (files or folders) with the readers of the format
catalog: which format reads which file, and every record or every problem."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.formats import catalog
from annotator.formats.declaration import Format, OptionError
from annotator.formats.problems import InputError, ProblemList
from annotator.formats.reading import ReadContext, Records, note


def format_for(path: Path, fmt: str) -> Format | None:
    """The format named, or with ``auto`` the one that takes the file's extension."""
    if fmt != catalog.AUTO:
        return catalog.get(fmt)
    return catalog.by_extension(path.suffix)


def expand_paths(paths: Iterable[Path], fmt: str, problems: ProblemList) -> list[Path]:
    """Files named directly, and inside folders every file a reader takes
    but the files an export writes beside itself (its report)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*"))
                     if p.is_file() and not p.name.startswith(".") and format_for(p, fmt)
                     and (fmt == catalog.AUTO or p.suffix.lower() in catalog.get(fmt).extensions)]
            endings = catalog.sidecar_endings()
            beside = [p for p in found if _beside_an_export(p, endings)]
            for p in beside:
                note(problems, p, 0, "not imported: written by an export beside its output "
                                     "(name the file to import it)")
            found = [p for p in found if p not in beside]
            if not found:
                problems.add(path, 0, "no files to import in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.add(path, 0, "no such file or folder")
    if fmt == catalog.AUTO:
        files = _without_companions(_with_their_annotations(files, problems))
    return files


def _with_their_annotations(files: list[Path], problems: ProblemList) -> list[Path]:
    """A brat text named alone (``corpus/*.txt``) is read with the ``.ann``
    beside it: read as plain text, every annotation of the corpus was lost
    without a word."""
    named = set(files)
    out, taken = [], []
    for path in files:
        annotations = path.with_suffix(".ann")
        if path.suffix.lower() == ".txt" and annotations not in named and annotations.is_file():
            taken.append(path)
            out.append(annotations)
        else:
            out.append(path)
    if taken:
        first, others = taken[0], len(taken) - 1
        more = f", as are the {others} other texts named" if others > 1 else (
            ", as is the other text named" if others else "")
        note(problems, first, 0, f"read with the brat annotations beside it "
                                 f"({first.with_suffix('.ann').name}){more}; give --format txt "
                                 "to import the text alone")
    return out


def _beside_an_export(path: Path, endings: tuple[str, ...]) -> bool:
    """``train.jsonl.report.json`` next to ``train.jsonl``: an export's report
    (or another file a writer adds, by ``endings``), not data."""
    name = path.name
    return any(name.endswith(ending) and path.with_name(name[: -len(ending)]).exists()
               for ending in endings)


def _without_companions(files: list[Path]) -> list[Path]:
    """``files`` but those another file's reader reads along with it (a
    brat pair is one document: its .ann reads the .txt beside it)."""
    companion_of: set[tuple[Path, str]] = set()  # (path without suffix, companion suffix)
    for path in files:
        found = catalog.by_extension(path.suffix)
        for suffix in found.companions if found else ():
            companion_of.add((path.with_suffix(""), suffix))
    return [p for p in files if (p.with_suffix(""), p.suffix.lower()) not in companion_of]


def stream_paths(paths: Iterable[Path], fmt: str = catalog.AUTO,
                 options: Mapping[str, object] | None = None,
                 problems: ReadContext | None = None) -> Iterator[DocumentRecord]:
    """Every record of every path, one at a time as the readers give them,
    then :class:`InputError` with all problems if there were any (raised
    after the last file is read, so that every problem is found; no record
    is given once one is). ``options`` are read options by name; each reader
    gets those it takes. The readers' notes go to ``problems.notes``."""
    if fmt != catalog.AUTO and fmt not in catalog.import_choices():
        raise ValueError(f"unknown format {fmt!r}")
    options = dict(options or {})
    problems = ReadContext() if problems is None else problems
    for path in expand_paths([Path(p) for p in paths], fmt, problems):
        found = format_for(path, fmt)
        if found is None:
            problems.add(path, 0, f"unknown file type {path.suffix!r}; name one with --format")
            continue
        try:
            values = found.read_values(options)
        except OptionError as error:
            problems.add(path, 0, str(error))
            continue
        for record in found.reader(path, problems, **values):
            if not problems:
                yield record
    if problems:
        raise InputError(problems)


def read_paths(paths: Iterable[Path], fmt: str = catalog.AUTO,
               options: Mapping[str, object] | None = None) -> Records:
    """Every record of every path, with the readers' notes, or
    :class:`InputError` with all problems (held in memory: an import
    streams with :func:`stream_paths` instead)."""
    problems = ReadContext()
    records = Records(stream_paths(paths, fmt, options, problems))
    records.notes = problems.notes
    return records
