"""``annotator suggest PROJECT.db --annotator NAME [--dates] [--gazetteer FILE] [--mentions]
[--doc NAME] [--forget-rejections] [--save-gazetteer FILE]``."""

from __future__ import annotations

import argparse

from annotator.commands.common import EXIT_OK, TerminalProgress, fail
from annotator.formats.problems import InputError
from annotator.store import Project, ProjectError
from annotator.suggest.apply import SourceSummary, apply_suggestions, check_annotator
from annotator.suggest.dates import LABEL as DATE_LABEL
from annotator.suggest.gazetteer import read_gazetteer
from annotator.suggest.sources import (
    date_source,
    gazetteer_source,
    mention_source,
    save_gazetteer,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "suggest", help="pre-annotate dates, gazetteer names and other mentions as suggestions",
        description="Add spans of origin 'suggested' to an annotator's layer, in every "
        "document or one. A place where the annotator already has a span is left alone, so "
        "running it again adds nothing. Nothing is stored unless every input is valid.")
    parser.add_argument("project", help="the project file")
    parser.add_argument("--annotator", required=True, help="whose layer the suggestions join")
    parser.add_argument("--dates", action="store_true", help=f"suggest {DATE_LABEL} spans")
    parser.add_argument("--gazetteer", metavar="FILE",
                        help="suggest every occurrence of the phrases in FILE "
                        "(UTF-8, one 'phrase<TAB>LABEL' a line, # comments)")
    parser.add_argument("--mentions", action="store_true",
                        help="suggest the other mentions of every name the annotator has "
                        "labelled (or accepted), across the project, as the window does")
    parser.add_argument("--doc", metavar="NAME", help="only this document")
    parser.add_argument("--forget-rejections", action="store_true",
                        help="first forget the suggestions the annotator rejected (in --doc, "
                        "or in every document), so they may be proposed again")
    parser.add_argument("--save-gazetteer", metavar="FILE",
                        help="write the names the annotator labelled or accepted to FILE "
                        "as a gazetteer ('phrase<TAB>LABEL' a line)")
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if not (args.dates or args.mentions or args.gazetteer or args.save_gazetteer
            or args.forget_rejections):
        args.parser.error("nothing to do: give --dates, --gazetteer FILE, --mentions, "
                          "--forget-rejections or --save-gazetteer FILE")
    try:
        annotator = check_annotator(args.annotator)
        with Project.open(args.project, create=False) as project:
            labels = [label.key for label in project.labels()]
            sources = []
            if args.dates:
                if DATE_LABEL not in labels:
                    return fail(f"{args.project}: the project has no {DATE_LABEL} label "
                                "for --dates")
                sources.append(date_source(DATE_LABEL))
            if args.gazetteer is not None:
                sources.append(gazetteer_source(read_gazetteer(args.gazetteer, labels)))
            names = [(surface, label) for surface, label, _ in project.labelled_names(annotator)]
            if args.mentions:
                sources.append(mention_source(names))
            documents = None
            if args.doc is not None:
                documents = [project.document_by_name(args.doc).id]
            forgotten = None
            with project.transaction():  # forgetting and proposing: all or nothing
                if args.forget_rejections:
                    forgotten = project.forget_rejections(
                        documents[0] if documents else None, annotator)
                summaries = apply_suggestions(project, annotator, sources, documents,
                                              progress=TerminalProgress("suggest"))
            if args.save_gazetteer:
                try:
                    saved = save_gazetteer(args.save_gazetteer, names)
                except OSError as error:
                    return fail(f"{args.save_gazetteer}: cannot write "
                                f"({error.strerror or error})")
    except InputError as error:
        return fail(*error.lines())
    except ProjectError as error:
        return fail(error)
    if forgotten is not None:
        print(f"{args.project}: {forgotten} rejected suggestion{'' if forgotten == 1 else 's'} "
              f"of {annotator} forgotten{' in ' + args.doc if args.doc else ''}")
    for summary in summaries:
        print(f"{args.project}: {summary_line(summary, annotator)}")
    if args.save_gazetteer:
        print(f"{args.save_gazetteer}: {saved} gazetteer entr{'y' if saved == 1 else 'ies'} "
              f"from the labels of {annotator}")
    return EXIT_OK


def summary_line(summary: SourceSummary, annotator: str) -> str:
    line = f"{summary.added} {summary.name} suggestion{'' if summary.added == 1 else 's'}"
    if summary.entities and summary.added:  # nothing proposed: nothing grouped to speak of
        line += (f" grouped as {summary.entities} entit{'y' if summary.entities == 1 else 'ies'}"
                 " (one per name and document)")
    if summary.skipped:
        line += f" ({summary.skipped} skipped: overlap a span of {annotator})"
    if summary.rejected:
        line += f" ({summary.rejected} rejected before: not proposed again)"
    return line
