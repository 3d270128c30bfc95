"""``annotator render PROJECT.db --doc NAME --out FILE.png``: no display needed."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.store import ProjectError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("render", help="draw a document as the window shows it (PNG)")
    parser.add_argument("project")
    parser.add_argument("--doc", required=True, help="document name")
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--annotator", help="whose spans (default: who has the most)")
    parser.add_argument("--width", type=int, default=900, help="text width in pixels")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Qt is loaded only for this command.
    from annotator.ui.render import render_document

    try:
        out = render_document(Path(args.project), args.doc, Path(args.out), args.annotator, args.width)
    except (ProjectError, OSError) as error:
        return fail(error)
    print(out)
    return EXIT_OK
