"""Reading text files: UTF-8, BOM dropped, line endings normalised."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.problems import ProblemList


def read_utf8(path: Path, problems: ProblemList) -> str | None:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(path, line, f"not valid UTF-8 (byte {data[error.start]:#04x} at offset {error.start})")
        return None
