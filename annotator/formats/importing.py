"""Importing files into a project: what the command line and the window's
import dialog both call. All or nothing: records are stored as they are
read, in batches, inside one transaction that a problem anywhere in the
files rolls back, so memory does not grow with the files and a bad line
leaves the project as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.formats import catalog
from annotator.formats.problems import InputError, Problem, ProblemList
from annotator.formats.reading import ReadContext, Records
from annotator.formats.registry import read_paths, stream_paths
from annotator.store import Project
from annotator.store.import_run import ImportSummary

Options = Mapping[str, object]  # read options by name (see the catalog)


def read_for_import(paths: Iterable[str | Path], fmt: str = catalog.AUTO,
                    options: Options | None = None) -> Records:
    """Every record of ``paths`` (with the readers' notes), or
    :class:`InputError` with one problem per line (file and line named)."""
    if fmt not in catalog.import_choices():
        raise ValueError(f"unknown format {fmt!r}")
    return read_paths([Path(p) for p in paths], fmt, options)


def unknown_labels(project: Project, records: list[DocumentRecord]) -> list[Problem]:
    """One problem per label the project does not have, at the first record
    that uses it (for projects with a fixed scheme: ``--strict-labels``)."""
    known = {label.key for label in project.labels()}
    problems: dict[str, Problem] = {}
    for record in records:
        for span in record.spans:
            if span.label not in known and span.label not in problems:
                problems[span.label] = Problem(
                    record.source or record.name, record.line or 0,
                    f"label {span.label!r} is not in the project (--strict-labels); "
                    f"its labels: {', '.join(sorted(known)) or 'none'}")
    return list(problems.values())


def store_records(project: Project, records: list[DocumentRecord],
                  annotator: str | None = None, strict_labels: bool = False) -> ImportSummary:
    """Store read records in one transaction; ``annotator``, when given, names
    the layer their spans join (over the annotator a file names). Labels the
    project lacks are added, or with ``strict_labels`` refused
    (:class:`InputError`, nothing stored)."""
    if strict_labels:
        problems = unknown_labels(project, records)
        if problems:
            raise InputError(problems)
    return project.import_records(records, annotator=annotator or None)


def import_paths(project: Project, paths: Iterable[str | Path], fmt: str = catalog.AUTO,
                 annotator: str | None = None, options: Options | None = None,
                 notes: list[Problem] | None = None, strict_labels: bool = False,
                 progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Read and store as one transaction: :class:`InputError` (nothing
    stored) or the summary; the readers' notes are added to ``notes`` when
    it is given. ``progress`` hears the number of records stored so far
    after each batch (an exception it raises cancels the import)."""
    if fmt not in catalog.import_choices():
        raise ValueError(f"unknown format {fmt!r}")
    problems = ReadContext()
    records = stream_paths([Path(p) for p in paths], fmt, options, problems)
    if strict_labels:
        records = _known_labels_only(project, records, problems)
    if annotator:
        records = _one_layer_each(records, annotator, problems)
    try:
        return project.import_records(records, annotator=annotator or None, progress=progress)
    finally:  # a failed import's notes too: how a file was read explains its problems
        if notes is not None:
            notes.extend(problems.notes)


def _one_layer_each(records: Iterator[DocumentRecord], annotator: str,
                    problems: ProblemList) -> Iterator[DocumentRecord]:
    """``records``, with a problem for a record that holds several people's
    layers (a Label Studio task annotated twice): ``--annotator`` would put
    their work in one layer, where it would look like one person's overlaps."""
    first: DocumentRecord | None = None
    for record in records:
        if record.layer == 0:
            first = record
        elif first is not None and record.annotator != first.annotator:
            problems.add(record.source or record.name, record.line or 0,
                         f"this document holds the work of several annotators "
                         f"({first.annotator or 'unnamed'}, {record.annotator or 'unnamed'}); "
                         f"--annotator {annotator} would put it all in one layer: import it "
                         "without --annotator to keep each their own")
            first = None  # told once per document
        if not problems:
            yield record
    if problems:
        raise InputError(problems)


def _known_labels_only(project: Project, records: Iterator[DocumentRecord],
                       problems: ProblemList) -> Iterator[DocumentRecord]:
    """``records``, with a problem for each label the project does not have
    (at the first record that uses it); none is given once there is one.
    The problems are raised with the readers' when the records end."""
    known = {label.key for label in project.labels()}
    told: set[str] = set()
    for record in records:
        for span in record.spans:
            if span.label not in known and span.label not in told:
                told.add(span.label)
                problems.add(record.source or record.name, record.line or 0,
                             f"label {span.label!r} is not in the project (--strict-labels); "
                             f"its labels: {', '.join(sorted(known)) or 'none'}")
        if not problems:
            yield record
    if problems:
        raise InputError(problems)


def summary_line(summary: ImportSummary) -> str:
    """What was stored: spans given twice in the files, or already in the
    project, are counted apart from the new ones."""
    repeated = (f", {summary.documents_repeated} of them repeating a text earlier in the files"
                if summary.documents_repeated else "")
    line = (f"imported {summary.documents_added} new documents"
            f" ({summary.documents_existing} already present{repeated}),"
            f" {summary.spans_added} new spans")
    apart = [f"{count} {what}" for count, what in (
        (summary.spans_duplicate, "duplicates in the files"),
        (summary.spans_present, "already in the project")) if count]
    line += f" ({', '.join(apart)}: not stored again)" if apart else ""
    if summary.suggestions_added:
        line += (f"; {summary.suggestions_added} of the new spans are suggestions, to accept or "
                 "reject in the window")
    if summary.suggestions_rejected:
        line += (f"; {summary.suggestions_rejected} suggestions the annotator had rejected "
                 "there were not stored again")
    if summary.labels_trimmed:
        shown = ", ".join(f"{given!r} as {key!r}" for given, key in summary.labels_trimmed.items())
        line += ("; labels given with spaces at their ends or odd spaces inside were read with "
                 f"single plain spaces ({shown})")
    if summary.spans_from_repeats:
        # One text is one document: a repeat's spans join the earlier record's.
        line += (f"; {summary.spans_from_repeats} of the new spans came with a repeated text "
                 f"(first at {summary.first_repeat}) and were added to the spans of its earlier "
                 "record: check that document for spans that overlap")
    return line


def reading_choices(notes: list[Problem]) -> list[Problem]:
    """The notes that say how a file was read (a .txt read as CoNLL), which
    explain a failed import's problems; not those of what was left out."""
    return [n for n in notes if not n.message.startswith("not imported")]


def note_lines(notes: list[Problem]) -> list[str]:
    """Notes of what was read as it is but not kept, or read in a chosen way."""
    return [f"note: {n}" for n in notes]
