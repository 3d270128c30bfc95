"""``annotator progress PROJECT.db [--json]``: who is where in a team project."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.store import ProjectError
from annotator.store.progress import ProgressReport, project_progress
from annotator.store.session import open_to_read


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "progress", help="per annotator and per document: assigned, in progress, done",
        description="Progress of a team project from its master (or review) file: per "
        "annotator the documents assigned, in progress and done, spans per label and when "
        "their file was last collected; per document who has it and in what state; agreement "
        "over the documents two annotators or more have finished.")
    parser.add_argument("project")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--png", metavar="FILE", help="also draw the progress view into a PNG")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open_to_read(args.project) as project:
            report = project_progress(project)
        if args.png:
            from annotator.ui.progress_view import render_progress  # Qt only for the picture

            render_progress(Path(args.project), Path(args.png))
    except (ProjectError, OSError) as error:
        return fail(error)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_progress(report))
    return EXIT_OK


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_progress(report: ProgressReport) -> str:
    counts = report.counts()
    lines = [f"{len(report.documents)} documents: "
             + ", ".join(f"{n} {state.replace('_', ' ')}" for state, n in counts.items()), "",
             f"{'annotator':<16} {'assigned':>8} {'to do':>6} {'in progress':>11} {'done':>5} "
             f"{'spans':>6}  last collected"]
    for a in report.annotators:
        extra = f" (+{a.unassigned_edits} not assigned)" if a.unassigned_edits else ""
        assigned = a.assigned if report.assignments else "-"  # no assignment in this file
        lines.append(f"{a.name:<16} {assigned:>8} {a.todo:>6} {a.in_progress:>11} "
                     f"{a.done:>5} {sum(a.spans_by_label.values()):>6}  "
                     f"{a.last_collected or 'never'}{extra}")
    if report.agreement is None:
        lines += ["", "agreement: no document finished by two annotators yet"]
    else:
        lines += ["", f"agreement over {report.finished_overlaps} documents finished by two "
                  "annotators or more:"]
        for pair in report.agreement["pairs"]:
            if pair["documents"]:
                lines.append(f"  {pair['a']} / {pair['b']}: {pair['documents']} documents, "
                             f"exact F1 {_number(pair['exact_f1']['micro'])}, "
                             f"token kappa {_number(pair['token_kappa'])}")
    return "\n".join(lines)
