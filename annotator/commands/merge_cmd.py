"""``annotator merge REVIEW.db SOURCE.db... [--rename OLD=NEW]``: all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.store import Project, ProjectError
from annotator.store.merge import merge_projects


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "merge", help="bring annotators' project files together for review",
        description="Merge annotators' project files into a review project: documents by "
        "the sha256 of their text, each annotator's spans and statuses as their own layer. "
        "Merging a file again brings its annotator's layer up to date. Nothing is stored "
        "unless the whole merge succeeds.")
    parser.add_argument("review", help="the review project file (created if missing)")
    parser.add_argument("sources", nargs="+", help="annotators' project files (read only)")
    parser.add_argument("--rename", action="append", default=[], metavar="OLD=NEW",
                        help="merge annotator OLD of the sources as NEW (repeatable)")
    parser.add_argument("--older", action="store_true",
                        help="merge a copy of a file older than the one merged before (its "
                        "annotator's later work is taken back)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    renames = {}
    for item in args.rename:
        old, sep, new = item.partition("=")
        if not sep or not old.strip() or not new.strip():
            return fail(f"--rename {item}: expected OLD=NEW")
        renames[old.strip()] = new.strip()
    review_path = Path(args.review)
    created = not review_path.exists()
    try:
        with Project.open(review_path) as review:
            summary = merge_projects(review, args.sources, renames, older=args.older)
    except BaseException as error:
        if created:  # leave nothing behind, as import does (a full disk too)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{review_path}{suffix}").unlink(missing_ok=True)
        if isinstance(error, ProjectError):
            return fail(error)
        raise
    print(f"{review_path}: {summary.documents_added} new documents"
          + (f", new labels {', '.join(summary.labels_added)}" if summary.labels_added else ""))
    for layer in summary.layers:
        name = layer.source_annotator
        shown = name if name == layer.annotator else f"{name} as {layer.annotator}"
        print(f"  {layer.source}: {shown}: +{layer.spans_added} -{layer.spans_removed} spans, "
              f"{layer.statuses_changed} statuses changed")
        if layer.kept:
            print(f"  note: {layer.source} holds edits of {shown} on {len(layer.kept)} "
                  f"documents where the review has other work of theirs, not merged from this "
                  f"file (merge their own file for those): {', '.join(layer.kept)}")
    if summary.guidelines_added:
        print(f"  guidelines taken for {', '.join(summary.guidelines_added)}")
    if summary.guidelines_differing:
        print(f"  note: guidelines of {', '.join(summary.guidelines_differing)} differ in a "
              "returned file; the review's are kept (edit them in Project > Labels)")
    by_annotator: dict[str, list[str]] = {}
    for annotator, document in summary.unassigned:
        by_annotator.setdefault(annotator, []).append(document)
    for annotator, documents in by_annotator.items():
        print(f"  note: {annotator} edited {len(documents)} documents not assigned to them "
              f"(accepted): {', '.join(documents)}")
    if not summary.changed:
        print(f"{review_path}: nothing changed")
    return EXIT_OK
