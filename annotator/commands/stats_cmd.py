"""``annotator stats PROJECT.db [--json]``."""

from __future__ import annotations

import argparse
import json

from annotator.commands.common import EXIT_OK, fail
from annotator.store import ProjectError
from annotator.store.session import open_to_read


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("stats", help="count documents, spans and labels")
    parser.add_argument("project")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open_to_read(args.project) as project:
            stats = project.stats()
    except ProjectError as error:
        return fail(error)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"documents  {stats['documents']}")
    print(f"spans      {stats['spans']}")
    print(f"suggested  {stats['open_suggestions']} open (not counted as spans until accepted)")
    print(f"annotators {', '.join(stats['annotators']) or '-'}")
    for title, key in (("labels", "by_label"), ("direction", "by_direction"),
                       ("language", "by_lang"), ("status", "by_status")):
        parts = ", ".join(f"{k} {v}" for k, v in stats[key].items()) or "-"
        print(f"{title:<10} {parts}")
    return EXIT_OK
