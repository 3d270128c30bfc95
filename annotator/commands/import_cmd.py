"""``annotator import PROJECT.db PATH...``: all or nothing."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.commands.format_options import add_format_options, chosen_options
from annotator.formats import catalog
from annotator.formats.importing import import_paths, note_lines, reading_choices, summary_line
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
    parser.add_argument("--format", default=catalog.AUTO, choices=catalog.import_choices(),
                        help="input format (default: auto, by file extension)")
    parser.add_argument("--strict-labels", action="store_true",
                        help="refuse spans whose label is not in the project (a fixed scheme); "
                        "without it such labels are added and named")
    add_format_options(parser, catalog.read_options())
    parser.set_defaults(run=run)


class _Stopped(Exception):
    """SIGTERM or SIGHUP (a closed terminal) as an exception, so that the
    import's transaction rolls back as it does for Ctrl+C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.status = 128 + signum


def _stop(signum, _frame) -> None:
    raise _Stopped(signum)


def run(args: argparse.Namespace) -> int:
    stops = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s]
    previous = {s: signal.signal(s, _stop) for s in stops}
    try:
        return _run(args)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _run(args: argparse.Namespace) -> int:
    project_path = Path(args.project)
    created = not project_path.exists()
    notes: list = []
    summary = None
    try:
        # Records are stored as they are read, in one transaction: a problem
        # anywhere rolls it back (and a project this run created is removed).
        with Project.open(project_path) as project:
            summary = import_paths(project, args.paths, args.format, args.annotator,
                                   chosen_options(args, catalog.read_options()), notes,
                                   args.strict_labels)
    except (KeyboardInterrupt, _Stopped) as stop:
        if summary is not None:
            raise  # stopped after the transaction was stored: not a rollback to report
        if created:
            _remove_project(project_path)
        print(f"{project_path}: import stopped; nothing was stored", file=sys.stderr)
        return stop.status if isinstance(stop, _Stopped) else 128 + signal.SIGINT
    except InputError as error:
        if created:
            _remove_project(project_path)
        return fail(*error.lines(), *note_lines(reading_choices(notes)))
    except ProjectError as error:
        if created:
            _remove_project(project_path)
        return fail(error)
    print(f"{project_path}: {summary_line(summary)}")
    for line in note_lines(notes):
        print(line)
    if summary.labels_added:
        print(f"{project_path}: new labels {', '.join(summary.labels_added)}")
    return EXIT_OK


def _remove_project(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
