"""Every other mention of a labelled name: once an annotator has labelled a
surface (شي جين بينغ as PERSON), the other places where the same name occurs
are proposed with the same label.

This is the one entry point the window and ``annotator suggest --mentions``
call; how a mention is matched (clitics, letter forms, inflection, spelling
variants, short forms) lives behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.model import Span
from annotator.core.overlaps import keep_longest
from annotator.suggest.gazetteer import Entry, Gazetteer


@dataclass(frozen=True)
class Proposal:
    """A span the tool proposes, why, and how sure it is (0 to 1)."""

    span: Span
    reason: str
    confidence: float = 1.0


def find_mentions(text: str, names: Sequence[tuple[str, str]], lang: str = "") -> list[Proposal]:
    """Where in ``text`` each labelled ``(surface, label)`` occurs again, by
    position, without overlaps. The labelled places themselves are included:
    the caller leaves out what the annotator has already marked."""
    by_span: dict[tuple[int, int, str], Proposal] = {}
    for surface, label in names:
        for span in Gazetteer((Entry(surface, label),)).find(text):
            by_span.setdefault(span.key, Proposal(span, f"mention of «{surface}»"))
    kept = keep_longest([p.span for p in by_span.values()])
    return [by_span[span.key] for span in kept]
