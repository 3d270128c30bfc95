"""Exporting a project: one annotator's (or the gold) spans to a training format.

``export_project`` is what the command line and the export dialog call. It
reads the project only; it writes the output (whole or not at all) and the
report next to it, ``OUT.report.json``, which lists every span that was
adjusted or left out.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import GOLD_ANNOTATOR, Span, Status
from annotator.core.offsets import SpanBoundsError, check_bounds
from annotator.core.tagging import Scheme
from annotator.formats import catalog
from annotator.formats.declaration import Format, OptionError
from annotator.formats.report import ExportReport
from annotator.formats.writing import ExportError, ExportOptions, output_target, sidecar
from annotator.store import Project
from annotator.store.adjudication import Adjudication
from annotator.store.own_files import overwrite_problem

Progress = Callable[[int, int], None]  # (documents done, documents in all)


def export_project(project: Project, fmt: str, out: str | Path, *, annotator: str | None = None,
                   gold: bool = False, done_only: bool = False, progress: Progress | None = None,
                   with_suggestions: bool = False, **options: str) -> ExportReport:
    """Write the export and its report; :class:`ExportError` says why not.
    ``options`` are the catalog's write options by name (``scheme="bioes"``);
    one not given takes its default. Suggestions not yet accepted are left
    out (and counted in the report) unless ``with_suggestions``."""
    chosen = _writer_format(fmt)
    values = _option_values(options)
    who = resolve_annotator(project, annotator, gold)
    if done_only and who is None:
        raise ExportError("--done-only needs an annotator (--annotator NAME or --gold)")
    out = Path(out)
    if out.name in ("", ".."):  # "." or "..": the folder by its own name
        out = Path(os.path.abspath(out))
    _check_writable(out, chosen.folder)
    sidecars = [sidecar(out, extra) for extra in chosen.sidecars + ("report.json",)]
    for target in sidecars:
        output_target(target)
    for target in (out, *sidecars):
        problem = overwrite_problem(target, project.path)
        if problem is not None:
            raise ExportError(problem)
    # The report names the options the format takes: a JSONL report saying
    # "bioes" would claim a scheme its spans never had.
    taken = {option.name for option in chosen.write_options}
    report = ExportReport(fmt, str(out), who,
                          values["scheme"] if "scheme" in taken else None,
                          values["clitics"] if "clitics" in taken else None, done_only,
                          with_suggestions=with_suggestions)
    # In the order the labels were added: hf's tag ids stay the same when
    # labels are moved up or down (the keys 1-9 follow the list's order).
    labels = sorted(project.labels(), key=lambda label: label.added)
    settings = ExportOptions(who, tuple(label.key for label in labels),
                             Scheme(values["scheme"]), values["clitics"], values)
    total = project.document_count(who, Status.DONE) if done_only else project.document_count()
    if done_only and total == 0:
        report.warnings.append(f"no document is marked done by {who}; the output is empty")
    try:
        writer = chosen.writer(out, settings, report)
    except OSError as error:
        raise ExportError(f"{out}: cannot write ({error.strerror or error})") from error
    adjudication = Adjudication(project) if who == GOLD_ANNOTATOR else None
    # Gold of a document nobody reviewed is no finding of "no entity": said.
    reviewed = set(project.annotated_documents([who])) if adjudication is not None else set()
    unreviewed = 0
    try:
        done = 0
        for document in project.iter_documents():
            if done_only and project.status(document.id, who) is not Status.DONE:
                continue
            spans = _checked_spans(project, document, who, report, with_suggestions)
            if not chosen.entities:
                report.entities_not_written += sum(s.entity is not None for s in spans)
            if adjudication is not None:
                _note_open_disagreements(project, adjudication, document, report)
                unreviewed += document.id not in reviewed
            skipped = len(report.skipped)
            writer.add(document, spans)
            if len(report.skipped) == skipped:
                report.documents += 1
            done += 1
            if progress:
                progress(done, total)
        if unreviewed:
            report.warnings.append(
                f"{unreviewed} documents were never reviewed: gold holds nothing of them, so "
                "they are written with no spans; settle them in the review (the documents one "
                "annotator labelled are listed there too), or add --done-only to write only "
                "the settled ones")
        # The report is written (under its temporary name) before the output
        # takes its place: a full disk then fails the whole export, where a
        # complete new output without its report was left for a trainer.
        writer.conclude()  # its last warnings, before the report is written
        report.files = [str(path) for path in (out, *sidecars[:-1])]
        report_file = report.prepare(sidecars[-1])
    except OSError as error:
        writer.abort()
        raise ExportError(f"{out}: cannot write ({error.strerror or error})") from error
    except BaseException:
        writer.abort()
        raise
    try:
        writer.finish()
    except BaseException as error:
        writer.abort()
        report_file.abort()
        if isinstance(error, OSError):
            raise ExportError(f"{out}: cannot write ({error.strerror or error})") from error
        raise
    report_file.commit()
    return report


def _writer_format(fmt: str) -> Format:
    try:
        chosen = catalog.get(fmt)
    except KeyError:
        chosen = None
    if chosen is None or not chosen.writable:
        names = ", ".join(catalog.export_choices())
        raise ExportError(f"unknown format {fmt!r}; choose one of {names}")
    return chosen


def _option_values(given: dict[str, str]) -> dict[str, object]:
    """Every write option of the catalog, given or default, checked."""
    values = {}
    for option, _ in catalog.write_options():
        try:
            values[option.name] = option.value(given.pop(option.name, None))
        except OptionError as error:
            raise ExportError(str(error)) from None
    if given:
        raise TypeError(f"unknown export options: {', '.join(sorted(given))}")
    return values


def _note_open_disagreements(project: Project, adjudication: Adjudication, document,
                             report: ExportReport) -> None:
    """A gold document marked settled while some disagreements were left
    open, or without spans every annotator agreed on (the offer to put them
    in declined), goes into the report, so its gaps are known."""
    if project.status(document.id, GOLD_ANNOTATOR) is not Status.DONE:
        return
    places = adjudication.decided_places(document.id)
    found = adjudication.disagreements(document.id)  # read once for both questions
    open_groups = sum(1 for group in found.groups
                      if not adjudication.is_decided(document.id, group, places))
    if open_groups:
        report.settled_with_open[document.name] = open_groups
    missing = len(adjudication.agreed_missing(document.id, found, places))
    if missing:
        report.settled_without_agreed[document.name] = missing


def resolve_annotator(project: Project, annotator: str | None, gold: bool) -> str | None:
    """Whose spans: the one named, the gold layer, or the only annotator there is."""
    known = project.annotators()
    if gold and annotator:
        raise ExportError("choose either an annotator or --gold, not both")
    if gold:
        if GOLD_ANNOTATOR not in known:
            raise ExportError("the project has no gold (adjudicated) spans yet")
        return GOLD_ANNOTATOR
    if annotator is not None:
        if annotator not in known:
            names = ", ".join(known) or "none yet"
            raise ExportError(f"unknown annotator {annotator!r} (the project has: {names})")
        return annotator
    if len(known) > 1:
        raise ExportError(f"the project has several annotators ({', '.join(known)}): "
                          "choose one with --annotator NAME or --gold")
    return known[0] if known else None


def _checked_spans(project: Project, document, who: str | None, report: ExportReport,
                   with_suggestions: bool = False) -> list[Span]:
    """The document's spans within its text; any other is reported, never written.
    Open suggestions are not labels: counted, and written only when asked."""
    if who is None:
        spans = []
    else:
        spans = project.spans(document.id, who)
        report.open_suggestions += sum(1 for span in spans if span.is_suggestion)
        if not with_suggestions:
            spans = [span for span in spans if not span.is_suggestion]
    report.spans += len(spans)
    if not spans:
        report.empty_documents += 1
    good = []
    for span in spans:
        try:
            check_bounds(span.start, span.end, len(document.text))
        except SpanBoundsError as error:
            report.add(document.name, span.start, span.end, span.label,
                       document.text[span.start:span.end], "out-of-bounds", str(error))
            continue
        good.append(span)
    return good


def _check_writable(out: Path, folder: bool) -> None:
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"{out}: the folder {parent} does not exist")
    if folder:
        if out.is_file():
            raise ExportError(f"{out}: is a file; this format writes a folder")
        output_target(out, folder=True)
    elif out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file name")
    else:
        output_target(out)
