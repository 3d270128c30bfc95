"""Problems found in input files, each naming its file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ProblemList(list):
    """Problems collected while reading, so a user sees all of them at once."""

    def add(self, path: object, line: int, message: str) -> None:
        self.append(Problem(str(path), line, message))


class InputError(Exception):
    """Raised with every problem of a failed read or validation."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)
