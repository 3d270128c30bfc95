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
            if progress:
                progress(done, len(ids))
    return summaries
