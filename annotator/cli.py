"""The command line. ``annotator [PROJECT.db]`` opens the window; the
subcommands work without a display."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from annotator import __version__

# Each command's module adds its subparser; list new commands here. Modules
# are imported only when their command runs (or for --help): the formats and
# the store take most of a start-up, and `--version` needs neither.
COMMANDS = {
    "import": "annotator.commands.import_cmd",
    "export": "annotator.commands.export_cmd",
    "stats": "annotator.commands.stats_cmd",
    "render": "annotator.commands.render_cmd",
    "merge": "annotator.commands.merge_cmd",
    "agreement": "annotator.commands.agreement_cmd",
    "suggest": "annotator.commands.suggest_cmd",
    "check": "annotator.commands.check_cmd",
    "assign": "annotator.commands.assign_cmd",
    "progress": "annotator.commands.progress_cmd",
    "backups": "annotator.commands.backups_cmd",
}


def build_parser(commands=None) -> argparse.ArgumentParser:
    """The parser with ``commands`` (names; default: all of them)."""
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Named-entity annotation of right-to-left and left-to-right text. "
        "Without a command, opens the window on PROJECT.db (or the sample project).",
        usage="annotator [PROJECT.db] | annotator COMMAND ...",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS if commands is None else commands:
        importlib.import_module(COMMANDS[name]).register(subparsers)
    return parser


def _announce_upgrades() -> None:
    """A big file of an older version is upgraded as a command opens it,
    which takes seconds: the command says so first, rather than seem to hang."""
    from annotator.store.repository import Project
    from annotator.store.session import lengthy_upgrade

    def say(path) -> None:
        if lengthy_upgrade(path):
            print(f"{path}: upgrading to this version's format (once; a big project takes a few "
                  "seconds)", file=sys.stderr)

    Project.announce_upgrade = say


# The status of a tool stopped by SIGPIPE (128 + 13), as a shell reports it.
EXIT_PIPE_CLOSED = 141


def main(argv: list[str] | None = None) -> int:
    try:
        status = _run(sys.argv[1:] if argv is None else argv)
        sys.stdout.flush()  # a reader gone away shows here, not at the interpreter's exit
        return status
    except BrokenPipeError:
        # ``annotator stats p.db | head -1``: the reader has what it wanted.
        # No traceback; stdout goes nowhere so that the exit's flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE_CLOSED


def _run_command(args, command: str) -> int:
    """A subcommand, whose write the system may refuse (a full disk, a
    read-only file, another writer): one line and status 2, not a traceback."""
    import sqlite3

    try:
        return args.run(args)
    except BrokenPipeError:
        raise
    except (sqlite3.Error, OSError) as error:
        from annotator.commands.common import system_failure

        where = next((getattr(args, name) for name in ("project", "review", "master")
                      if getattr(args, name, None)), command)  # the file the command writes
        return system_failure(where, error)


def _run(argv: list[str]) -> int:
    if argv and argv[0] == "--version":
        print(f"annotator {__version__}")
        return 0
    if argv and argv[0] in COMMANDS:
        args = build_parser([argv[0]]).parse_args(argv)
        _announce_upgrades()
        return _run_command(args, argv[0])
    if argv and argv[0].startswith("-"):
        args = build_parser().parse_args(argv)
        return args.run(args)
    if len(argv) > 1:
        build_parser([]).error(f"unknown command {argv[0]!r}")
    from annotator.app import run_gui

    return run_gui(argv[0] if argv else None)


if __name__ == "__main__":
    sys.exit(main())

