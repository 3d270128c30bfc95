"""What every writer shares: its options, its error, and files that appear
whole or not at all."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import regex

from annotator.core.model import Document, Span
from annotator.core.tagging import Scheme
from annotator.formats.report import ExportReport

CLITICS = ("split", "expand")


class ExportError(Exception):
    """An export that cannot be made, with one line for the user."""


@dataclass(frozen=True)
class ExportOptions:
    annotator: str | None
    labels: tuple[str, ...]  # the project's label keys, in the project's order
    scheme: Scheme = Scheme.IOB2
    clitics: str = "split"


_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(obj: object) -> str:
    """One JSON line, readable as UTF-8, that no reader splits: the line
    breaks JSON leaves raw (U+2028, U+2029, U+0085) are escaped."""
    line = json.dumps(obj, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        line = line.replace(raw, escaped)
    return line + "\n"


def sidecar(out: Path, suffix: str) -> Path:
    """A file next to the output: ``train.conll`` -> ``train.conll.report.json``."""
    return out.with_name(f"{out.name}.{suffix}")


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"), (stat.S_ISREG, "a file"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "of an unknown kind")


def output_target(path: Path, folder: bool = False) -> Path:
    """Where writing ``path`` lands: ``path`` itself when it is missing or a
    regular file (a folder, with ``folder``), the target of a link to one.
    Anything else (a FIFO, a device, a socket, a dangling link) is never
    replaced: :class:`ExportError`."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except OSError:
            raise ExportError(f"{path}: is a link to nothing that exists; not replaced") from None
        path = Path(os.path.realpath(path))
    wanted, kind = (stat.S_ISDIR, "a folder") if folder else (stat.S_ISREG, "a regular file")
    if not wanted(info.st_mode):
        raise ExportError(f"{path}: is {_kind(info.st_mode)}, not {kind}; not replaced")
    return path


class AtomicFile:
    """A text file written under a temporary name and renamed when complete,
    so a failed export never leaves half a file where the old one was. A
    link to a file is written through; what is not a regular file is refused
    (see :func:`output_target`)."""

    def __init__(self, path: Path, binary: bool = False):
        path = output_target(path)
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        if binary:
            self.handle = open(self.tmp, "wb")
        else:
            self.handle = open(self.tmp, "w", encoding="utf-8", newline="\n")

    def write(self, data) -> None:
        self.handle.write(data)

    def commit(self) -> Path:
        self.handle.close()
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        self.handle.close()
        self.tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: str | bytes) -> Path:
    target = AtomicFile(path, binary=isinstance(data, bytes))
    try:
        target.write(data)
    except BaseException:
        target.abort()
        raise
    return target.commit()


class Writer:
    """One export: ``add`` each document with the spans to write, then
    ``finish`` (the files written) or ``abort``."""

    def __init__(self, out: Path, options: ExportOptions, report: ExportReport):
        self.out = out
        self.options = options
        self.report = report

    def add(self, document: Document, spans: list[Span]) -> None:
        raise NotImplementedError

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
