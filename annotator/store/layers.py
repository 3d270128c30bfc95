"""Annotators' layers read in bulk, for agreement and adjudication.

An annotator *annotated* a document when they have spans on it or a status
row for it (a document they opened and marked done with no span counts).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from annotator.core.agreement import DocumentLayers
from annotator.core.model import Origin, Span
from annotator.store.repository import Project, ProjectError


def layer_annotators(project: Project) -> list[str]:
    """Annotators who annotated at least one document, by name."""
    return [r[0] for r in project.db.execute(
        """SELECT name FROM annotators a
           WHERE EXISTS (SELECT 1 FROM spans WHERE annotator_id = a.id)
              OR EXISTS (SELECT 1 FROM document_status WHERE annotator_id = a.id)
           ORDER BY name""")]


def document_annotators(project: Project, document_id: int) -> set[str]:
    """Who annotated one document."""
    return {r[0] for r in project.db.execute(
        """SELECT a.name FROM annotators a
           WHERE EXISTS (SELECT 1 FROM spans WHERE annotator_id = a.id AND document_id = ?)
              OR EXISTS (SELECT 1 FROM document_status
                         WHERE annotator_id = a.id AND document_id = ?)""",
        [document_id, document_id])}


def iter_document_layers(project: Project, annotators: Sequence[str],
                         min_annotators: int = 2) -> Iterator[DocumentLayers]:
    """Documents annotated by at least ``min_annotators`` of ``annotators``,
    in import order, with those annotators' layers (two queries in all)."""
    ids = _annotator_ids(project, annotators)
    names = {annotator_id: name for name, annotator_id in ids.items()}
    marks = ",".join("?" * len(ids))
    annotated: dict[int, set[str]] = {}
    for document_id, annotator_id in project.db.execute(
            f"""SELECT document_id, annotator_id FROM spans WHERE annotator_id IN ({marks})
                UNION SELECT document_id, annotator_id FROM document_status
                WHERE annotator_id IN ({marks})""", [*ids.values(), *ids.values()]):
        annotated.setdefault(document_id, set()).add(names[annotator_id])
    wanted = {d for d, who in annotated.items() if len(who) >= min_annotators}
    spans: dict[int, dict[str, list[Span]]] = {}
    for span_id, document_id, annotator_id, start, end, label, origin in project.db.execute(
            f"""SELECT id, document_id, annotator_id, start, "end", label, origin FROM spans
                WHERE annotator_id IN ({marks}) ORDER BY document_id, start, "end" DESC, label""",
            list(ids.values())):
        if document_id in wanted:
            name = names[annotator_id]
            spans.setdefault(document_id, {}).setdefault(name, []).append(
                Span(start, end, label, id=span_id, annotator=name, origin=Origin(origin)))
    for document_id, text in project.db.execute("SELECT id, text FROM documents ORDER BY id"):
        if document_id in wanted:
            found = spans.get(document_id, {})
            layers = {name: found.get(name, []) for name in sorted(annotated[document_id])}
            yield DocumentLayers(document_id, text, layers)


def _annotator_ids(project: Project, annotators: Sequence[str]) -> dict[str, int]:
    known = dict(project.db.execute("SELECT name, id FROM annotators").fetchall())
    unknown = [name for name in annotators if name not in known]
    if unknown:
        raise ProjectError(f"{project.path}: no annotator {', '.join(map(repr, unknown))}"
                           f" (annotators: {', '.join(sorted(known)) or 'none'})")
    return {name: known[name] for name in annotators}
