"""What a format is: its name, the files it reads, its reader and writer, and
the options each takes. A format module declares one :class:`Format` (or a
few); ``catalog`` lists them, and the registry, the command line and both
dialogs are made from that list.

An option is declared once too, with what the command line and a dialog
need to offer it: ``--NAME`` with its choices or a free value, a title and a
tooltip. A reader or writer gets the chosen values as keywords (readers) or
in :class:`~annotator.formats.writing.ExportOptions` (writers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from annotator.core.model import DocumentRecord
from annotator.formats.problems import ProblemList

if TYPE_CHECKING:
    from annotator.formats.writing import Writer


class Reader(Protocol):
    """Reads one file: its records, each problem added to ``problems``;
    the format's read options come as keywords."""

    def __call__(self, path: Path, problems: ProblemList, **options) -> Iterator[DocumentRecord]:
        ...


class OptionError(ValueError):
    """A value an option does not take, said in one line for the user."""


@dataclass(frozen=True)
class Choice:
    value: str
    title: str  # what a dialog shows


@dataclass(frozen=True)
class Option:
    """One option of a reader or writer. With ``choices`` the value is one of
    them; without, it is free text that ``parse`` turns into the value (and
    rejects with :class:`OptionError`)."""

    name: str  # the keyword, and --NAME on the command line
    title: str  # a dialog's label, with & before its mnemonic
    help: str  # the command line's help and a dialog's tooltip
    default: str | None = None
    choices: tuple[Choice, ...] = ()
    parse: Callable[[str], object] | None = None
    metavar: str | None = None  # how the command line's help names a free value

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def value(self, given: object = None) -> object:
        """``given`` (or the default when it is None), checked and parsed."""
        if given is None:
            given = self.default
        if given is None:
            return None
        if self.choices:
            if given not in self.values:
                *most, last = self.values
                listed = f"{', '.join(most)} or {last}" if most else last
                raise OptionError(f"unknown {self.name} {given!r}; choose {listed}")
            return given
        return self.parse(given) if self.parse else given


@dataclass(frozen=True)
class Format:
    """One format: read, written, or both."""

    name: str  # what --format takes
    title: str  # what a dialog shows
    extensions: tuple[str, ...] = ()  # the files its reader takes, lower case with the dot
    # Files its reader reads along with one it takes (brat's NAME.txt beside
    # NAME.ann): with --format auto they are no documents of their own.
    companions: tuple[str, ...] = ()
    reader: Reader | None = None
    writer: type[Writer] | None = None
    read_options: tuple[Option, ...] = ()
    write_options: tuple[Option, ...] = ()
    output_ending: str = ""  # ends an export's suggested name: project-alice.conll
    folder: bool = False  # the writer writes a folder, not a file
    sidecars: tuple[str, ...] = ()  # files the writer writes next to its output
    # The writer keeps which spans name one entity (a span's entity group);
    # an export to a format that does not says so in its report.
    entities: bool = False

    @property
    def readable(self) -> bool:
        return self.reader is not None

    @property
    def writable(self) -> bool:
        return self.writer is not None

    def read_values(self, given: dict[str, object]) -> dict[str, object]:
        """The reader's keywords: each of its options, given or default."""
        return {option.name: option.value(given.get(option.name))
                for option in self.read_options}
