"""``annotator check PROJECT.db [--annotator NAME]``: spans whose edge cuts a
word (imported, or made letter by letter), so nobody trains on a cut word
unknowingly. Exit status 1 when any is found, 0 when none."""

from __future__ import annotations

import argparse

from annotator.commands.common import EXIT_OK, fail
from annotator.core.word_edges import cut_words, span_cuts
from annotator.store import Project, ProjectError

EXIT_FOUND = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="list spans whose edge cuts a word (exit status 1 when any)")
    parser.add_argument("project")
    parser.add_argument("--annotator", help="only this annotator's spans (default: everyone's)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = 0
    try:
        with Project.open(args.project, create=False) as project:
            if args.annotator is not None and args.annotator not in project.annotators():
                return fail(f"{args.project}: no annotator named {args.annotator!r} "
                            f"(there are: {', '.join(project.annotators()) or 'none'})")
            for doc in project.iter_documents():
                for span in project.spans(doc.id, args.annotator):
                    cuts = span_cuts(doc.text, span.start, span.end)
                    if cuts:
                        found += 1
                        piece = doc.text[span.start:span.end].replace("\n", " ")
                        print(f"{doc.name}\t{span.start}-{span.end}\t{span.label}\t{span.annotator}"
                              f"\t«{piece}»\tcuts {cut_words(doc.text, cuts)}")
    except ProjectError as error:
        return fail(error)
    if found:
        print(f"{found} span{'s' if found != 1 else ''} cut a word")
        return EXIT_FOUND
    print("No span cuts a word.")
    return EXIT_OK
