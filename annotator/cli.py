"""The command line. ``annotator [PROJECT.db]`` opens the window; the
subcommands work without a display."""

from __future__ import annotations

import argparse
import sys

from annotator import __version__
from annotator.commands import export_cmd, import_cmd, render_cmd, stats_cmd
from annotator.commands import agreement_cmd, backups_cmd, check_cmd, merge_cmd, suggest_cmd

# Each module adds its subparser; list new commands here.
COMMANDS = (import_cmd, export_cmd, stats_cmd, render_cmd, merge_cmd, agreement_cmd,
            suggest_cmd, check_cmd, backups_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Named-entity annotation of right-to-left and left-to-right text. "
        "Without a command, opens the window on PROJECT.db (or the sample project).",
        usage="annotator [PROJECT.db] | annotator COMMAND ...",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if argv and (argv[0] in _command_names(parser) or argv[0].startswith("-")):
        args = parser.parse_args(argv)
        return args.run(args)
    if len(argv) > 1:
        parser.error(f"unknown command {argv[0]!r}")
    from annotator.app import run_gui

    return run_gui(argv[0] if argv else None)


if __name__ == "__main__":
    sys.exit(main())
