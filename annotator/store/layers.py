"""Annotators' layers read in bulk, for agreement and adjudication.

An annotator *annotated* a document when they have spans on it or a status
row for it (a document they opened and marked done with no span counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from annotator.core.agreement import AgreementReport, DocumentLayers, compute_agreement
from annotator.core.model import Span, Status
from annotator.store.repository import Project


def layer_annotators(project: Project) -> list[str]:
    """Annotators who annotated at least one document, by name."""
    return project.annotated_by()


def document_annotators(project: Project, document_id: int) -> set[str]:
    """Who annotated one document."""
    return set(project.annotated_by(document_id))


def iter_document_layers(project: Project, annotators: Sequence[str],
                         min_annotators: int = 2) -> Iterator[DocumentLayers]:
    """Documents annotated by at least ``min_annotators`` of ``annotators``,
    in import order, with those annotators' layers (three queries in all)."""
    annotated = project.annotated_documents(annotators)
    wanted = {d for d, who in annotated.items() if len(who) >= min_annotators}
    spans: dict[int, dict[str, list[Span]]] = {}
    for document_id, span in project.layer_spans(annotators):
        if document_id in wanted:
            spans.setdefault(document_id, {}).setdefault(span.annotator, []).append(span)
    for document_id, text in project.document_texts():
        if document_id in wanted:
            found = spans.get(document_id, {})
            layers = {name: found.get(name, []) for name in sorted(annotated[document_id])}
            yield DocumentLayers(document_id, text, layers)


def finishers(statuses: Iterable[tuple[int, str, str]],
              annotators: Sequence[str]) -> dict[int, set[str]]:
    """Who of ``annotators`` marked each document done, for the documents at
    least two of them did; ``statuses``: (document id, name, status) rows, as
    ``Project.all_statuses`` gives them."""
    wanted = set(annotators)
    found: dict[int, set[str]] = {}
    for document_id, name, status in statuses:
        if name in wanted and status == Status.DONE.value:
            found.setdefault(document_id, set()).add(name)
    return {d: who for d, who in found.items() if len(who) >= 2}


def finished_layers(project: Project, annotators: Sequence[str],
                    finished: dict[int, set[str]] | None = None) -> Iterator[DocumentLayers]:
    """Documents at least two of ``annotators`` marked done, with the layers
    of those who did only: agreement on finished work, where a half-done
    layer would count as disagreement. ``finished``: :func:`finishers`,
    when the caller has read it."""
    if finished is None:
        finished = finishers(project.all_statuses(), annotators)
    if not finished:
        return
    names = sorted(set().union(*finished.values()))
    for layers in iter_document_layers(project, names):
        if layers.document_id in finished:
            yield DocumentLayers(layers.document_id, layers.text,
                                 {who: spans for who, spans in layers.layers.items()
                                  if who in finished[layers.document_id]})


def agreement_of(project: Project, annotators: Sequence[str]) -> AgreementReport:
    return compute_agreement(iter_document_layers(project, annotators), annotators)


def agreement_in_file(path: Path, annotators: Sequence[str]) -> AgreementReport:
    """:func:`agreement_of` on a read-only connection of its own: a review of
    thousands of documents takes seconds to measure, so a worker thread does
    it (a connection belongs to the thread that made it)."""
    with Project.open(path, create=False, read_only=True, check="later") as project:
        return agreement_of(project, annotators)
