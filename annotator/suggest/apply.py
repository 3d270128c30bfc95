"""Put pre-annotations into a project: every document (or some), one
annotator's layer, origin ``suggested``, all in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core.model import GOLD_ANNOTATOR, Document, Origin, Span
from annotator.store import Project, ProjectError
from annotator.suggest.spans import split_free

Progress = Callable[[int, int], None]  # (documents done, documents in all)


@dataclass(frozen=True)
class Source:
    """A pre-annotator: its name in the summary and what it finds in a
    document (spans carrying their reason and confidence)."""

    name: str
    find: Callable[[Document], list[Span]]


@dataclass
class SourceSummary:
    name: str
    added: int = 0
    skipped: int = 0  # overlapping a span the annotator already had
    rejected: int = 0  # rejected at that place before
    entities: int = 0  # groups of mentions made or grown (one entity each)


def check_annotator(annotator: str) -> str:
    name = annotator.strip()
    if not name:
        raise ProjectError("an annotator needs a name")
    if name == GOLD_ANNOTATOR:
        raise ProjectError(f"{GOLD_ANNOTATOR!r} is the reserved adjudicated layer; "
                           "suggestions go to an annotator's own layer")
    return name


def apply_suggestions(project: Project, annotator: str, sources: Sequence[Source],
                      document_ids: Sequence[int] | None = None,
                      progress: Progress | None = None) -> list[SourceSummary]:
    """Run each source on each document and store what it finds in
    ``annotator``'s layer, except where the layer already has a span that
    overlaps (so a second run adds nothing) or the annotator rejected that
    suggestion before. Sources run in order, so a later one also leaves alone
    what an earlier one suggested."""
    annotator = check_annotator(annotator)
    summaries = [SourceSummary(source.name) for source in sources]
    with project.transaction():
        ids = project.document_ids() if document_ids is None else list(document_ids)
        for done, document_id in enumerate(ids, 1):
            document = project.document(document_id)
            taken = project.spans(document_id, annotator)
            rejected = project.rejected_places(document_id, annotator)
            for source, summary in zip(sources, summaries):
                found = source.find(document)
                wanted = [span for span in found if span.key not in rejected]
                summary.rejected += len(found) - len(wanted)
                free, overlapping = split_free(wanted, taken)
                summary.added += project.add_spans(document_id, annotator, free, Origin.SUGGESTED)
                summary.skipped += len(overlapping)
                taken.extend(free)
                if any(span.entity is not None and span.entity < 0 for span in found):
                    summary.entities += _group(project, document_id, annotator, found)
            if progress:
                progress(done, len(ids))
    return summaries


def _group(project: Project, document_id: int, annotator: str, found: list[Span]) -> int:
    """Make the provisional groups of ``found`` (spans sharing a negative
    entity name one entity) lasting in the layer: the spans now at their
    places, the annotator's own label of the name included, form one entity;
    one that is already in an entity brings the others into it. A group of
    one is no group. How many groups took in spans."""
    groups: dict[int, set[tuple[int, int, str]]] = {}
    for span in found:
        if span.entity is not None and span.entity < 0:
            groups.setdefault(span.entity, set()).add(span.key)
    layer = {span.key: span for span in project.spans(document_id, annotator)}
    changes: dict[int, int | None] = {}
    grown = 0
    for keys in groups.values():
        members = sorted((layer[k] for k in keys if k in layer), key=lambda s: s.id)
        settled = [s.entity for s in members if s.entity is not None and s.entity > 0]
        if len(members) < 2:
            entity = None
        else:
            entity = settled[0] if settled else members[0].id
        joining = [s for s in members if s.entity is None or s.entity < 0]
        grown += entity is not None and any(s.entity != entity for s in joining)
        for span in joining:
            changes[span.id] = entity
    # A provisional entity never stays in the file, even on a span no group kept.
    changes.update({s.id: None for s in layer.values()
                    if s.entity is not None and s.entity < 0 and s.id not in changes})
    now = {s.id: s.entity for s in layer.values()}
    project.set_span_entities({i: e for i, e in changes.items() if now[i] != e})
    return grown
