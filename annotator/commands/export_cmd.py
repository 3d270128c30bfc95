"""``annotator export PROJECT.db --format FMT --out PATH``: training data, with
a report of every span adjusted or left out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.commands.format_options import add_format_options, chosen_options, listed
from annotator.formats import catalog
from annotator.formats.export import export_project
from annotator.formats.writing import ExportError, sidecar
from annotator.store import ProjectError
from annotator.store.session import open_to_read


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help=f"write training data ({', '.join(catalog.export_choices())})",
        description="Write one annotator's spans (or the gold layer) as training data. "
        "Every span is written or listed in OUT.report.json with what was done to it.")
    parser.add_argument("project", help="the project file")
    parser.add_argument("--format", required=True, choices=catalog.export_choices(),
                        help="output format")
    folders = [f.name for f in catalog.writers() if f.folder]
    parser.add_argument("--out", required=True,
                        help="output file" + (f" (a folder for {listed(folders)})" if folders else ""))
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--annotator", help="whose spans (default: the only annotator)")
    who.add_argument("--gold", action="store_true", help="the adjudicated (gold) spans")
    add_format_options(parser, catalog.write_options())
    parser.add_argument("--done-only", action="store_true",
                        help="only documents the annotator marked done")
    parser.add_argument("--with-suggestions", action="store_true",
                        help="also write the suggestions not yet accepted (left out by default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = chosen_options(args, catalog.write_options())
    for option, users in catalog.write_options():
        if option.name in options and args.format not in users:
            # Taken and ignored, it would leave the output unlike what was asked.
            return fail(ExportError(f"--{option.name} does not apply to {args.format} (it is "
                                    f"for {listed(users)})"))
    try:
        with open_to_read(args.project) as project:
            report = export_project(
                project, args.format, Path(args.out), annotator=args.annotator, gold=args.gold,
                done_only=args.done_only, with_suggestions=args.with_suggestions, **options)
    except (ExportError, ProjectError) as error:
        return fail(error)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for line in report.summary_lines():
        print(line)
    print(f"  report: {sidecar(Path(args.out), 'report.json')}")
    return EXIT_OK
