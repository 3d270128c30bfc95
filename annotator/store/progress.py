"""Who is where in a team project: read from a master or review file.

Per annotator: documents assigned, to do / in progress / done (of those
assigned), documents edited without being assigned, spans per label, the last
time their file was collected. Per document: who has it and in what state.
Agreement over the documents at least two annotators have finished.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.agreement import compute_agreement
from annotator.core.model import GOLD_ANNOTATOR, Status
from annotator.store.layers import finished_layers, finishers
from annotator.store.repository import Project

# The state of a document across the people who have it, for the grid.
UNASSIGNED = "unassigned"
DOCUMENT_STATES = (UNASSIGNED, Status.TODO.value, Status.IN_PROGRESS.value, Status.DONE.value)


@dataclass
class AnnotatorProgress:
    name: str
    assigned: int = 0
    todo: int = 0
    in_progress: int = 0
    done: int = 0
    unassigned_edits: int = 0  # documents edited that were not theirs
    spans_by_label: dict[str, int] = field(default_factory=dict)
    last_collected: str | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "assigned": self.assigned, "todo": self.todo,
                "in_progress": self.in_progress, "done": self.done,
                "unassigned_edits": self.unassigned_edits,
                "spans": sum(self.spans_by_label.values()),
                "spans_by_label": dict(sorted(self.spans_by_label.items())),
                "last_collected": self.last_collected}


@dataclass(frozen=True)
class DocumentProgress:
    id: int
    name: str
    holders: dict[str, str]  # annotator -> status (assigned people and anyone who edited it)
    state: str  # one of DOCUMENT_STATES

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "state": self.state, "holders": self.holders}


@dataclass(frozen=True)
class ProgressReport:
    annotators: list[AnnotatorProgress]
    documents: list[DocumentProgress]
    agreement: dict | None  # AgreementReport.to_json() over finished overlaps, None: none yet
    finished_overlaps: int  # documents two annotators or more have finished
    assignments: bool = True  # the file assigns documents (a master); else counts are per holder

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(DOCUMENT_STATES, 0)
        for document in self.documents:
            counts[document.state] += 1
        return counts

    def to_json(self) -> dict:
        return {"documents": self.counts(), "assignments": self.assignments,
                "annotators": [a.to_json() for a in self.annotators],
                "finished_overlaps": self.finished_overlaps,
                "agreement": self.agreement,
                "by_document": [d.to_json() for d in self.documents]}


def project_progress(project: Project) -> ProgressReport:
    assigned: dict[int, set[str]] = {}
    for assignment in project.assignments():
        assigned.setdefault(assignment.document_id, set()).add(assignment.annotator)
    statuses: dict[int, dict[str, str]] = {}
    for document_id, name, status in project.all_statuses():
        if name != GOLD_ANNOTATOR:
            statuses.setdefault(document_id, {})[name] = status
    people: dict[str, AnnotatorProgress] = {}

    def person(name: str) -> AnnotatorProgress:
        return people.setdefault(name, AnnotatorProgress(name))

    documents = []
    for document_id, name in sorted(project.document_names().items()):
        own = assigned.get(document_id, set())
        found = statuses.get(document_id, {})
        holders = {who: found.get(who, Status.TODO.value) for who in sorted(own | set(found))}
        for who, status in holders.items():
            record = person(who)
            if who in own:
                record.assigned += 1
                setattr(record, status, getattr(record, status) + 1)
            elif not assigned:
                # A file with no assignment at all (a review merged from the
                # annotators' files, a project of one): each person's own
                # documents, not all of them "not assigned" and 0 done.
                setattr(record, status, getattr(record, status) + 1)
            elif status != Status.TODO.value:
                record.unassigned_edits += 1
        documents.append(DocumentProgress(document_id, name, holders, _state(holders)))
    for name, label, count in project.span_counts():
        if name != GOLD_ANNOTATOR:
            person(name).spans_by_label[label] = count
    for name, when in project.last_collections().items():
        person(name).last_collected = when
    agreement, finished = _finished_agreement(project, statuses)
    return ProgressReport(sorted(people.values(), key=lambda p: p.name), documents,
                          agreement, finished, assignments=bool(assigned))


def _state(holders: dict[str, str]) -> str:
    if not holders:
        return UNASSIGNED
    values = set(holders.values())
    if values == {Status.DONE.value}:
        return Status.DONE.value
    if values == {Status.TODO.value}:
        return Status.TODO.value
    return Status.IN_PROGRESS.value


def _finished_agreement(project: Project,
                        statuses: dict[int, dict[str, str]]) -> tuple[dict | None, int]:
    """Agreement over the documents at least two annotators have marked done,
    comparing only the layers of those who finished."""
    people = sorted({name for found in statuses.values() for name in found})
    finished = finishers(((document_id, name, status) for document_id, found in statuses.items()
                          for name, status in found.items()), people)
    if not finished:
        return None, 0
    names = sorted(set().union(*finished.values()))
    # A stream of documents: a big project's texts are not all held at once.
    return (compute_agreement(finished_layers(project, names, finished), names).to_json(),
            len(finished))
