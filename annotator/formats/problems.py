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


# A malformed file of a million lines has a million problems: the first few
# say what is wrong, the rest only how much.
SHOWN_PROBLEMS = 20


def problem_lines(problems: list[Problem], limit: int = SHOWN_PROBLEMS) -> list[str]:
    """One line per problem, the first ``limit`` only, then one line counting
    the others (by file, and whether they say the same as one shown)."""
    lines = [str(p) for p in problems[:limit]]
    rest = problems[limit:]
    if not rest:
        return lines
    paths = sorted({p.path for p in rest})
    shown_kinds = {_kind(p) for p in problems[:limit]}
    same = all(_kind(p) in shown_kinds for p in rest)
    where = f"{paths[0]}: " if len(paths) == 1 else ""
    files = f" in {len(paths)} files" if len(paths) > 1 else ""
    kind = " of the same kinds as above" if same else ""
    plural = "s" if len(rest) > 1 else ""
    return lines + [f"{where}{len(rest)} more problem{plural}{kind}{files} (not shown)"]


def _kind(problem: Problem) -> str:
    """The message without what varies from line to line (quoted values, numbers)."""
    text = "".join("'" if c in "\"'" else c for c in problem.message)
    parts = text.split("'")
    return "".join(part if k % 2 == 0 else "…" for k, part in enumerate(parts)).translate(
        str.maketrans("", "", "0123456789"))


class InputError(Exception):
    """Raised with every problem of a failed read or validation; its message
    shows the first :data:`SHOWN_PROBLEMS` of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(problem_lines(problems)))
        self.problems = list(problems)

    def lines(self) -> list[str]:
        """What to print: the first problems, then how many more."""
        return problem_lines(self.problems)
