"""``annotator assign MASTER.db --to A B ... --out FOLDER``: one project file
per annotator; all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.store import Project, ProjectError
from annotator.store.assignments import (
    finish_interrupted,
    plan_assignment,
    write_assignment,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "assign", help="hand documents out to annotators, one project file each",
        description="Write one project file per annotator with their share of the documents "
        "not handed out yet, the labels and the project's identity (so merge knows where each "
        "file belongs), and record who has which document in the master file. Run it again "
        "for a new batch or a changed team: it writes new files and never overwrites one.")
    parser.add_argument("master", help="the master project file")
    parser.add_argument("--to", nargs="+", required=True, metavar="NAME",
                        help="the annotators (their files are named after them)")
    parser.add_argument("--out", required=True, metavar="FOLDER",
                        help="where the annotators' files are written")
    parser.add_argument("--overlap", type=float,
                        help="fraction of documents given to two annotators (default 0.1 "
                        "for two annotators or more)")
    parser.add_argument("--per-annotator", type=int, metavar="N",
                        help="at most N new documents per annotator this round")
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed (default 0)")
    parser.add_argument("--dry-run", action="store_true", help="show the numbers, write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with Project.open(args.master, create=False) as project:
            finished = [] if args.dry_run else finish_interrupted(project, Path(args.out))
            if finished:
                for path in finished:
                    print(f"{path}: written before, now in place (the last assign was "
                          "interrupted before it could put it there)")
                print("The interrupted round is complete; run assign again for a new one.")
                return EXIT_OK
            plan = plan_assignment(project, args.to, args.out, args.overlap,
                                   args.per_annotator, args.seed)
            if not args.dry_run:
                write_assignment(project, plan)
    except ProjectError as error:
        return fail(error)
    print("\n".join(plan.lines()))
    if args.dry_run:
        print("dry run: nothing written")
    return EXIT_OK
