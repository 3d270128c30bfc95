"""Handing documents out to a team: one project file per annotator.

A plan is made first (nothing written), so the window can show its numbers;
writing it makes each annotator's file and records the assignments in the
master in one transaction. Each round writes new files: a file that may hold
someone's work is never overwritten.

Which documents a round hands out: those never handed out, and those held
only by people no longer in the team who have not finished them. A share of
them (``overlap``) goes to two annotators, so agreement can be measured.
"""

from __future__ import annotations

import os
import random
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.store.repository import Project, ProjectError
from annotator.store.team_queries import TEAM_ID


DEFAULT_OVERLAP = 0.1


class AssignError(ProjectError):
    pass


@dataclass(frozen=True)
class AssignmentPlan:
    round: int
    shares: dict[str, tuple[int, ...]]  # annotator -> new documents, in id order
    overlap: tuple[int, ...]  # documents given to two annotators
    released: tuple[int, ...]  # documents taken back from people no longer in the team
    left_over: int  # documents still not handed out (--per-annotator reached)
    files: dict[str, Path]  # annotator -> the file to write (only those with documents)
    members: dict[str, str] = field(default_factory=dict)  # everyone's layer uid

    @property
    def handed_out(self) -> int:
        return len({d for share in self.shares.values() for d in share})

    def lines(self) -> list[str]:
        """What the plan does, for the command line and the dialog."""
        lines = [f"round {self.round}: {self.handed_out} documents to "
                 f"{sum(1 for s in self.shares.values() if s)} annotators, "
                 f"{len(self.overlap)} of them to two annotators"]
        if self.released:
            lines.append(f"{len(self.released)} documents taken back from people no longer "
                         "in the team")
        for name, share in self.shares.items():
            where = self.files[name].name if name in self.files else "no file (nothing left)"
            lines.append(f"  {name}: {len(share)} documents -> {where}")
        if self.left_over:
            lines.append(f"{self.left_over} documents left for a later round")
        return lines


_SAFE_NAME = re.compile(r"^[^/\\:*?\"<>|\x00-\x1f]+$")


def plan_assignment(project: Project, annotators: Sequence[str], out: str | Path,
                    overlap: float | None = None, per_annotator: int | None = None,
                    seed: int = 0) -> AssignmentPlan:
    """Decide who gets which document; raises AssignError on bad input.
    ``overlap`` None: 0.1 for a team, none for one annotator."""
    names = [a.strip() for a in annotators]
    _check_names(names)
    if overlap is None:
        overlap = DEFAULT_OVERLAP if len(names) > 1 else 0.0
    if not 0 <= overlap <= 1:
        raise AssignError(f"--overlap {overlap}: expected a fraction between 0 and 1")
    if overlap > 0 and len(names) < 2:
        raise AssignError(f"--overlap {overlap}: two annotators at least are needed to share "
                          "documents; use --overlap 0 for one")
    if per_annotator is not None and per_annotator < 1:
        raise AssignError(f"--per-annotator {per_annotator}: expected 1 or more")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise AssignError(f"{out}: is a file, not a folder")
    if project.document_count() == 0:
        raise AssignError(f"{project.path}: has no documents to hand out; import some first")

    pool, released = _open_documents(project, set(names))
    if not pool:
        raise AssignError(f"{project.path}: every document is handed out already; "
                          "import a new batch first")
    rng = random.Random(seed)
    rng.shuffle(pool)
    shares, doubled, left_over = _distribute(pool, names, overlap, per_annotator)
    round_ = project.assignment_round() + 1
    files = {}
    for name in names:
        if shares[name]:
            path = out / (f"{name}.db" if round_ == 1 else f"{name}-round{round_}.db")
            if path.exists():
                raise AssignError(f"{path}: exists already and may hold work; "
                                  "choose another --out folder")
            files[name] = path
    members = _members(project, names)
    return AssignmentPlan(round_, {n: tuple(sorted(shares[n])) for n in names},
                          tuple(sorted(doubled)), tuple(sorted(released)), left_over, files,
                          members)


def write_assignment(project: Project, plan: AssignmentPlan) -> None:
    """Write each annotator's file, then record the round in the master. On
    any failure, the files of this round are removed and the master is as it was."""
    team = {TEAM_ID: project.info(TEAM_ID) or project.project_id}
    labels = project.labels()
    guidelines = list(project.guidelines().values())
    written: list[Path] = []
    try:
        for name, path in plan.files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.partial")
            _remove(partial)
            written.append(partial)
            with Project.open(partial) as handed:
                handed.write_team_file(project.documents_as_rows(plan.shares[name]), labels,
                                       team, plan.members, name, guidelines)
        for path in plan.files.values():
            if path.exists():
                raise AssignError(f"{path}: appeared meanwhile; nothing was handed out")
        rows = [(document_id, name, plan.round, str(plan.files[name].name))
                for name, share in plan.shares.items() for document_id in share]
        project.record_assignments(rows, plan.members, team[TEAM_ID])
    except BaseException:
        for partial in written:
            _remove(partial)
        raise
    for name, path in plan.files.items():
        os.replace(path.with_name(f".{path.name}.partial"), path)


def finish_interrupted(project: Project, out: Path) -> list[Path]:
    """The files of a round the master recorded but that were never put in
    place (the process ended between the master's commit and the renames):
    their written copies in ``out`` take their names now. Without this, those
    documents stayed handed out to files nobody had."""
    finished = []
    for file in sorted({a.file for a in project.assignments()}):
        path = out / file
        partial = path.with_name(f".{path.name}.partial")
        if not path.exists() and partial.exists():
            os.replace(partial, path)
            finished.append(path)
    return finished


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _check_names(names: list[str]) -> None:
    if not names:
        raise AssignError("--to: name at least one annotator")
    for name in names:
        if not name:
            raise AssignError("--to: an empty annotator name")
        if name == GOLD_ANNOTATOR:
            raise AssignError(f"--to {name}: {GOLD_ANNOTATOR!r} is the reserved name of the "
                              "adjudicated layer")
        if not _SAFE_NAME.match(name) or name.startswith("."):
            raise AssignError(f"--to {name!r}: a name that cannot be a file name")
    seen = set()
    for name in names:
        if name in seen:
            raise AssignError(f"--to: {name!r} is named twice")
        seen.add(name)


def _open_documents(project: Project, team: set[str]) -> tuple[list[int], list[int]]:
    """Documents to hand out (in id order) and, of them, those taken back."""
    holders: dict[int, set[str]] = {}
    for assignment in project.assignments():
        holders.setdefault(assignment.document_id, set()).add(assignment.annotator)
    done = {(d, a) for d, a, status in project.all_statuses() if status == Status.DONE.value}
    pool, released = [], []
    for document_id in project.document_ids():
        held_by = holders.get(document_id)
        if not held_by:
            pool.append(document_id)
        elif not held_by & team and not any((document_id, a) in done for a in held_by):
            pool.append(document_id)
            released.append(document_id)
    return pool, released


def _distribute(pool: list[int], names: list[str], overlap: float,
                per_annotator: int | None) -> tuple[dict[str, list[int]], list[int], int]:
    """Give each document to the least loaded annotator(s) with room; every
    n-th one (as the fraction says) to two of them."""
    room = {name: per_annotator if per_annotator is not None else len(pool) for name in names}
    shares: dict[str, list[int]] = {name: [] for name in names}
    doubled: list[int] = []
    handed = 0
    for index, document_id in enumerate(pool):
        free = sorted((n for n in names if room[n] > 0),
                      key=lambda n: (len(shares[n]), names.index(n)))
        if not free:
            break
        handed += 1
        double = len(free) >= 2 and len(doubled) < int(overlap * (index + 1) + 0.5)
        takers = free[:2] if double else free[:1]
        if double:
            doubled.append(document_id)
        for name in takers:
            shares[name].append(document_id)
            room[name] -= 1
    return shares, doubled, len(pool) - handed


def _members(project: Project, names: list[str]) -> dict[str, str]:
    """The team's layer uids by name: everyone handed documents now or before
    (the master's uid when it knows the name, else a new one)."""
    known = project.annotator_uids()
    everyone = dict.fromkeys([a.annotator for a in project.assignments()] + names)
    return {name: known.get(name) or uuid.uuid4().hex for name in everyone}
