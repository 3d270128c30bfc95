"""``annotator backups PROJECT.db [--restore N]``: list the automatic backups
of a project (newest first), or put one back. A restore backs up the file as
it is first, so it can itself be undone."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.commands.common import EXIT_OK, fail
from annotator.store import ProjectError
from annotator.store.backups import KEEP, backup_count, folder_for, list_backups, restore_backup
from annotator.store.locking import InUseError, ProjectLock


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backups", help=f"list the automatic backups of a project (the last {KEEP} openings) "
        "or restore one")
    parser.add_argument("project")
    parser.add_argument("--restore", type=int, metavar="N",
                        help="put backup N (1: the newest) back into the project file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.project)
    if args.restore is None:
        found = list_backups(path)
        if not found and not path.exists():
            return fail(f"{path}: no such project file, and no backups of one there")
        if not found:
            print(f"{path}: no backups yet (one is made each time the window opens it)")
        for backup in found:
            print(backup.describe())
        if found:
            print(f"  in {folder_for(path)}")
        return EXIT_OK
    if not path.exists():
        # Said before the lock is taken: no lock file is left beside a file that is not there.
        count = backup_count(path)
        if not 1 <= args.restore <= count:
            return fail(f"{path}: no backup number {args.restore} (there are {count})")
    try:
        lock = ProjectLock.take(path)
    except InUseError as error:
        return fail(f"{path}: is open in a window ({error.holder}); close it first")
    except OSError as error:
        return fail(f"{path}: cannot be changed ({error.strerror})")
    try:
        chosen, before = restore_backup(path, args.restore)
    except (ProjectError, OSError) as error:
        return fail(error)
    finally:
        lock.release()
    print(f"{path}: restored backup {chosen.describe()}; {before}")
    return EXIT_OK
