"""The command line's options of readers and writers, made from the format
catalog: ``--NAME`` for each, with its choices, its default and the formats
that take it in its help."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from annotator.formats.declaration import Option, OptionError

Declared = Sequence[tuple[Option, tuple[str, ...]]]  # an option and the formats taking it


def listed(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    *most, last = names
    return f"{', '.join(most)} and {last}" if most else last


def _dest(option: Option) -> str:
    return f"format_option_{option.name}"  # apart from the command's own arguments


def _checked(option: Option):
    def check(text: str) -> str:
        try:
            option.value(text)
        except OptionError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        return text
    return check


def add_format_options(parser: argparse.ArgumentParser, declared: Declared) -> None:
    for option, users in declared:
        default = f" (default: {option.default})" if option.default is not None else ""
        arguments = {"dest": _dest(option), "default": None,
                     "help": f"{option.help}; for {listed(users)}{default}"}
        if option.choices:
            arguments["choices"] = option.values
        else:
            arguments["type"] = _checked(option)
            arguments["metavar"] = option.metavar or option.name.upper()
        parser.add_argument(f"--{option.name}", **arguments)


def chosen_options(args: argparse.Namespace, declared: Declared) -> dict[str, str]:
    """The options given on the command line, by name (defaults left out)."""
    values = {option.name: getattr(args, _dest(option)) for option, _ in declared}
    return {name: value for name, value in values.items() if value is not None}
