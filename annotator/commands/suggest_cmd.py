"""``annotator suggest PROJECT.db --annotator NAME [--dates] [--gazetteer FILE] [--doc NAME]``."""

from __future__ import annotations

import argparse
from functools import partial

from annotator.commands.common import EXIT_OK, fail
from annotator.formats.problems import InputError
from annotator.store import Project, ProjectError
from annotator.suggest.apply import Source, SourceSummary, apply_suggestions, check_annotator
from annotator.suggest.dates import LABEL as DATE_LABEL
from annotator.suggest.dates import suggest_dates
from annotator.suggest.gazetteer import read_gazetteer


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "suggest", help="pre-annotate dates and gazetteer names as suggested spans",
        description="Add spans of origin 'suggested' to an annotator's layer, in every "
        "document or one. A place where the annotator already has a span is left alone, so "
        "running it again adds nothing. Nothing is stored unless every input is valid.")
    parser.add_argument("project", help="the project file")
    parser.add_argument("--annotator", required=True, help="whose layer the suggestions join")
    parser.add_argument("--dates", action="store_true", help=f"suggest {DATE_LABEL} spans")
    parser.add_argument("--gazetteer", metavar="FILE",
                        help="suggest every occurrence of the phrases in FILE "
                        "(UTF-8, one 'phrase<TAB>LABEL' a line, # comments)")
    parser.add_argument("--doc", metavar="NAME", help="only this document")
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if not args.dates and args.gazetteer is None:
        args.parser.error("nothing to suggest: give --dates, --gazetteer FILE or both")
    try:
        annotator = check_annotator(args.annotator)
        with Project.open(args.project, create=False) as project:
            labels = [label.key for label in project.labels()]
            sources = []
            if args.dates:
                if DATE_LABEL not in labels:
                    return fail(f"{args.project}: the project has no {DATE_LABEL} label "
                                "for --dates")
                sources.append(Source("date", partial(suggest_dates, label=DATE_LABEL)))
            if args.gazetteer is not None:
                sources.append(Source("gazetteer", read_gazetteer(args.gazetteer, labels).find))
            documents = None
            if args.doc is not None:
                documents = [project.document_by_name(args.doc).id]
            summaries = apply_suggestions(project, annotator, sources, documents)
    except InputError as error:
        return fail(*error.problems)
    except ProjectError as error:
        return fail(error)
    for summary in summaries:
        print(f"{args.project}: {summary_line(summary, annotator)}")
    return EXIT_OK


def summary_line(summary: SourceSummary, annotator: str) -> str:
    line = f"{summary.added} {summary.name} suggestion{'' if summary.added == 1 else 's'}"
    if summary.skipped:
        line += f" ({summary.skipped} skipped: overlap a span of {annotator})"
    return line
