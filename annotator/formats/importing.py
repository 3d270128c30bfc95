"""Importing files into a project: what the command line and the window's
import dialog both call. All or nothing: every file is read and checked
before anything is stored."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.formats import catalog
from annotator.formats.problems import InputError, Problem
from annotator.formats.reading import Records
from annotator.formats.registry import read_paths
from annotator.store import Project
from annotator.store.repository import ImportSummary

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
                 notes: list[Problem] | None = None, strict_labels: bool = False) -> ImportSummary:
    """Read, check, then store: :class:`InputError` (nothing stored) or the
    summary; the readers' notes are added to ``notes`` when it is given."""
    records = read_for_import(paths, fmt, options)
    if notes is not None:
        notes.extend(records.notes)
    return store_records(project, records, annotator, strict_labels)


def summary_line(summary: ImportSummary) -> str:
    """What was stored: spans given twice in the files, or already in the
    project, are counted apart from the new ones."""
    line = (f"imported {summary.documents_added} new documents"
            f" ({summary.documents_existing} already present), {summary.spans_added} new spans")
    apart = [f"{count} {what}" for count, what in (
        (summary.spans_duplicate, "duplicates in the files"),
        (summary.spans_present, "already in the project")) if count]
    return line + (f" ({', '.join(apart)}: not stored again)" if apart else "")


def note_lines(notes: list[Problem]) -> list[str]:
    """Notes of what was read as it is but not kept, or read in a chosen way."""
    return [f"note: {n}" for n in notes]
