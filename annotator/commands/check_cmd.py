"""``annotator check PROJECT.db [--annotator NAME]``: spans whose edge cuts a
word (imported, or made letter by letter), so nobody trains on a cut word
unknowingly; exit status 1 when any is found, 0 when none. Also listed, to
look at: spans that start after a proclitic whose rest stands alone nowhere
in the project («شار» of بشار: offsets one letter late, likely); a proclitic
and a name's first letter look alike, so these leave the exit status be."""

from __future__ import annotations

import argparse

from annotator.commands.common import EXIT_OK, fail
from annotator.core.model import Span
from annotator.core.tokenize import token_columns
from annotator.core.word_edges import (
    cut_words,
    doubtful_clitic_start,
    is_clitic_boundary,
    span_cuts,
)
from annotator.store import Project, ProjectError
from annotator.store.session import open_to_read

EXIT_FOUND = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="list spans whose edge cuts a word (exit status 1 when any)")
    parser.add_argument("project")
    parser.add_argument("--annotator", help="only this annotator's spans (default: everyone's)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = 0
    doubtful: list[tuple[str, Span, str]] = []  # (the document's name, the span, its text)
    try:
        with open_to_read(args.project) as project:
            if args.annotator is not None and args.annotator not in project.annotators():
                return fail(f"{args.project}: no annotator named {args.annotator!r} "
                            f"(there are: {', '.join(project.annotators()) or 'none'})")
            for doc in project.iter_documents():
                for span in project.spans(doc.id, args.annotator):
                    cuts = span_cuts(doc.text, span.start, span.end)
                    if cuts:
                        found += 1
                        print(f"{_where(doc.name, span, doc.text)}\tcuts {cut_words(doc.text, cuts)}")
                    elif is_clitic_boundary(doc.text, span.start):
                        doubtful.append((doc.name, span, doc.text))
            late = _late_starts(project, doubtful) if doubtful else []
    except ProjectError as error:
        return fail(error)
    for name, span, text, word, rest in late:
        print(f"{_where(name, span, text)}\tstarts inside «{word}»: «{rest}» stands nowhere alone "
              "in the project; is its first letter the name's own?")
    said = f"{found} span{'s' if found != 1 else ''} cut a word" if found else "No span cuts a word"
    if late:
        said += (f"; {len(late)} may start a letter late (listed to look at: a proclitic and a "
                 "name's first letter look alike)")
    print(f"{said}.")
    return EXIT_FOUND if found else EXIT_OK


def _where(name: str, span: Span, text: str) -> str:
    piece = text[span.start:span.end].replace("\n", " ")
    return f"{name}\t{span.start}-{span.end}\t{span.label}\t{span.annotator}\t«{piece}»"


def _late_starts(project: Project, candidates: list[tuple[str, Span, str]]) -> list[tuple]:
    """The spans of ``candidates`` (each starting right after a proclitic)
    whose word's rest stands alone in no document of the project."""
    words: set[str] = set()
    for _, text in project.document_texts():
        words.update(token_columns(text).texts)
    late = []
    for name, span, text in candidates:
        doubt = doubtful_clitic_start(text, span.start, words)
        if doubt is not None:
            late.append((name, span, text, *doubt))
    return late
