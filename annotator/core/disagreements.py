"""Where annotators of one document disagree, for the adjudication window.

A span that every compared annotator has (same start, end and label) is
*agreed*. Every other span joins a *group* with the spans that overlap it
(transitively), so one group is one place in the text to decide about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from annotator.core.model import Span

MISSING = "missing"    # one version of the span, but not everyone marked it
LABEL = "label"        # same boundaries, different labels
BOUNDARY = "boundary"  # same label, different boundaries
MIXED = "mixed"        # labels and boundaries differ


@dataclass(frozen=True)
class Candidate:
    """One version of a span and the annotators who marked it."""

    start: int
    end: int
    label: str
    annotators: tuple[str, ...]

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


@dataclass(frozen=True)
class DisagreementGroup:
    start: int  # from the first span's start ...
    end: int    # ... to the furthest end
    kind: str   # MISSING, LABEL, BOUNDARY or MIXED
    spans: tuple[Span, ...]             # the annotators' own spans, with ids
    candidates: tuple[Candidate, ...]   # distinct versions, by position
    missing: tuple[str, ...]            # annotators with no span here

    def by_annotator(self) -> dict[str, list[Span]]:
        result: dict[str, list[Span]] = {}
        for span in self.spans:
            result.setdefault(span.annotator or "", []).append(span)
        return result


@dataclass(frozen=True)
class DocumentDisagreements:
    annotators: tuple[str, ...]
    agreed: tuple[Candidate, ...]
    groups: tuple[DisagreementGroup, ...]

    @property
    def score(self) -> float:
        """Share of places (agreed spans and groups) where annotators
        disagree: 0 is full agreement (or nothing marked), 1 none at all."""
        places = len(self.agreed) + len(self.groups)
        return len(self.groups) / places if places else 0.0


def find_disagreements(layers: Mapping[str, Sequence[Span]],
                       annotators: Sequence[str] | None = None) -> DocumentDisagreements:
    """Compare the layers of one document; ``annotators`` picks and orders
    them (default: all, sorted). An annotator without an entry marked nothing."""
    names = tuple(annotators) if annotators is not None else tuple(sorted(layers))
    marked_by: dict[tuple[int, int, str], list[str]] = {}
    spans: list[Span] = []
    for name in names:
        for span in layers.get(name, ()):
            if span.annotator != name:
                span = replace(span, annotator=name)
            spans.append(span)
            marked_by.setdefault(span.key, []).append(name)
    agreed_keys = {key for key, who in marked_by.items() if len(set(who)) == len(names)}
    agreed = tuple(Candidate(*key, names) for key in sorted(agreed_keys))
    rest = sorted((s for s in spans if s.key not in agreed_keys),
                  key=lambda s: (s.start, -s.end, s.label, names.index(s.annotator)))
    groups: list[DisagreementGroup] = []
    current: list[Span] = []
    end = -1
    for span in rest:
        if current and span.start >= end:
            groups.append(_group(current, names, marked_by))
            current = []
        current.append(span)
        end = max(end, span.end) if len(current) > 1 else span.end
    if current:
        groups.append(_group(current, names, marked_by))
    return DocumentDisagreements(names, agreed, tuple(groups))


def _group(spans: list[Span], names: tuple[str, ...],
           marked_by: Mapping[tuple[int, int, str], list[str]]) -> DisagreementGroup:
    keys = sorted({s.key for s in spans})
    candidates = tuple(Candidate(*key, tuple(sorted(set(marked_by[key]), key=names.index)))
                       for key in keys)
    present = {s.annotator for s in spans}
    if len(keys) == 1:
        kind = MISSING
    elif len({k[:2] for k in keys}) == 1:
        kind = LABEL
    elif len({k[2] for k in keys}) == 1:
        kind = BOUNDARY
    else:
        kind = MIXED
    return DisagreementGroup(
        start=min(s.start for s in spans), end=max(s.end for s in spans), kind=kind,
        spans=tuple(spans), candidates=candidates,
        missing=tuple(n for n in names if n not in present))
