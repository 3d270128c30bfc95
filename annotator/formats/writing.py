"""What every writer shares: its options, the writer protocol, and (from
``files``) its error and files that appear whole or not at all."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import regex

from annotator.core.model import Document, Span
from annotator.core.tagging import Scheme
# Re-exported: every writer needs them along with Writer.
from annotator.formats.files import (  # noqa: F401
    AtomicFile,
    ExportError,
    output_target,
    sidecar,
    write_atomic,
)
from annotator.formats.report import ExportReport

@dataclass(frozen=True)
class ExportOptions:
    annotator: str | None
    labels: tuple[str, ...]  # the project's label keys, in the project's order
    scheme: Scheme = Scheme.IOB2
    clitics: str = "split"
    # Every write option of the catalog by name, for a writer whose option
    # has no field of its own here.
    values: Mapping[str, object] = field(default_factory=dict)


_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
# What json.dumps(obj, ensure_ascii=False) writes, made once and without the
# check for an object inside itself (the rows written are trees).
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def json_line(obj: object) -> str:
    """One JSON line, readable as UTF-8, that no reader splits: the line
    breaks JSON leaves raw (U+2028, U+2029, U+0085) are escaped."""
    line = _ENCODER.encode(obj)
    for raw, escaped in _LINE_BREAKS.items():
        line = line.replace(raw, escaped)
    return line + "\n"


class Writer:
    """One export: ``add`` each document with the spans to write, then
    ``conclude``, then ``finish`` (the files written) or ``abort``."""

    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        self.out = out
        self.options = options
        self.report = report

    def add(self, document: Document, spans: list[Span]) -> None:
        raise NotImplementedError

    def conclude(self) -> None:
        """Add to the report what is known only once every document is in
        (the report is written next, before the output takes its place)."""

    def finish(self) -> list[Path]:
        raise NotImplementedError

    def abort(self) -> None:
        pass


class SingleFileWriter(Writer):
    """A writer whose output is one text (or binary) file, streamed."""

    binary = False

    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        super().__init__(out, options, report)
        self.file = AtomicFile(out, binary=self.binary)

    def finish(self) -> list[Path]:
        return [self.file.commit()]

    def abort(self) -> None:
        self.file.abort()


_UNSAFE = regex.compile(r'[\\/:*?"<>|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(name: str, limit: int = 100) -> str:
    """A file name made of ``name``: no path separators, no ``..``, no control
    characters, no leading dot, not a reserved Windows name, not too long."""
    safe = _UNSAFE.sub("_", name)
    safe = regex.sub(r"\.{2,}", ".", safe).strip(" .")[:limit].rstrip(" .")
    if not safe or safe.split(".")[0].upper() in _WINDOWS_RESERVED:
        safe = f"document_{safe}"
    return safe
