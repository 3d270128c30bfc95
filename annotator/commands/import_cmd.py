"""``annotator import PROJECT.db PATH...``: all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.formats.conll_layout import parse_columns
from annotator.formats.importing import (FORMATS, note_lines, read_for_import, store_records,
                                         summary_line)
from annotator.formats.problems import InputError
from annotator.store import Project, ProjectError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="add documents (and their spans) to a project",
        description="Add documents to a project. Nothing is stored unless every file is valid.")
    parser.add_argument("project", help="the project file (created if missing)")
    parser.add_argument("paths", nargs="+", help="files or folders to import")
    parser.add_argument("--annotator", default=None,
                        help="whose layer the imported spans join; given, it wins over the "
                        "annotator named in the file (default: the annotator named in the "
                        "file, else 'imported')")
    parser.add_argument("--format", default="auto", choices=FORMATS,
                        help="input format (default: by file extension)")
    parser.add_argument("--columns", default=None, metavar="token=N,tag=M",
                        help="CoNLL and other token-per-line files: which columns (from 1) hold "
                        "the token and the tags, e.g. token=2,tag=3; tag=3-5 or tag=3- (to the "
                        "end of the line) read nesting levels, outer first (default: detected; "
                        "a file whose columns are ambiguous is refused)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.columns:
        try:
            parse_columns(args.columns)
        except ValueError as error:
            return fail(error)
    try:
        records = read_for_import(args.paths, args.format, args.columns)
    except InputError as error:
        return fail(*error.problems)
    project_path = Path(args.project)
    created = not project_path.exists()
    try:
        with Project.open(project_path) as project:
            summary = store_records(project, records, args.annotator)
    except ProjectError as error:
        if created:
            _remove_project(project_path)
        return fail(error)
    print(f"{project_path}: {summary_line(summary)}")
    for line in note_lines(records.notes):
        print(line)
    if summary.labels_added:
        print(f"{project_path}: new labels {', '.join(summary.labels_added)}")
    return EXIT_OK


def _remove_project(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
