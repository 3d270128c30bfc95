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


# A malformed file of a million lines has a million problems: the first few
# say what is wrong, the rest only how much.
SHOWN_PROBLEMS = 20


class ProblemList(list):
    """Problems collected while reading, so a user sees all of them at once.

    Only the first :data:`SHOWN_PROBLEMS` are kept whole; of the others it
    keeps what the count line says (how many, in which files, whether of a
    kind shown), so memory stays flat however bad a file is."""

    def __init__(self, problems=()):
        super().__init__()
        self.more = 0  # problems past those kept
        self.more_paths: set[str] = set()
        self.more_same = True  # every one of them of a kind kept
        for problem in problems:
            self.append(problem)

    @property
    def total(self) -> int:
        return len(self) + self.more

    def add(self, path: object, line: int, message: str) -> None:
        self.append(Problem(str(path), line, message))

    def append(self, problem: Problem) -> None:
        if len(self) < SHOWN_PROBLEMS:
            super().append(problem)
            return
        self.more += 1
        self.more_paths.add(problem.path)
        if self.more_same:
            self._kept_kinds = getattr(self, "_kept_kinds", None) or {_kind(p) for p in self}
            self.more_same = _kind(problem) in self._kept_kinds

    def extend(self, problems) -> None:
        for problem in problems:
            self.append(problem)


def problem_lines(problems: list[Problem], limit: int = SHOWN_PROBLEMS) -> list[str]:
    """One line per problem, the first ``limit`` only, then one line counting
    the others (by file, and whether they say the same as one shown)."""
    lines = [str(p) for p in problems[:limit]]
    rest = problems[limit:]
    more = getattr(problems, "more", 0)  # those a ProblemList counted without keeping
    if not rest and not more:
        return lines
    paths = sorted({p.path for p in rest} | getattr(problems, "more_paths", set()))
    shown_kinds = {_kind(p) for p in problems[:limit]}
    same = all(_kind(p) in shown_kinds for p in rest) and getattr(problems, "more_same", True)
    count = len(rest) + more
    where = f"{paths[0]}: " if len(paths) == 1 else ""
    files = f" in {len(paths)} files" if len(paths) > 1 else ""
    kind = " of the same kinds as above" if same else ""
    plural = "s" if count > 1 else ""
    return lines + [f"{where}{count} more problem{plural}{kind}{files} (not shown)"]


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
        self.problems = problems if isinstance(problems, ProblemList) else list(problems)

    def lines(self) -> list[str]:
        """What to print: the first problems, then how many more."""
        return problem_lines(self.problems)
