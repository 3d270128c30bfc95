"""Which of overlapping spans is kept where only one can be: the one policy
behind token exports (tags hold one span per token), suggestions (one
proposal per place) and token agreement (IOB tags of one layer).

The policy, in order of precedence:

1. the longest span wins (length in code points, ``end - start``);
2. of equally long spans, the one that starts first;
3. of spans at the same place, the label that sorts first (by code point).

Spans are taken in that order and each is kept unless it overlaps one kept
before it, so the result never depends on the order spans are given in.
The same place with the same label given twice is one span: the first one
given is kept and the others are left out, each with the span that won.
Spans that only touch (one ends where the other starts) do not overlap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

Place = tuple[int, int, str]  # start, end, label


def precedence(start: int, end: int, label: str) -> tuple[int, int, str]:
    """The sort key of the policy: smaller comes first and wins."""
    return (start - end, start, label)


def _place(span) -> Place:
    return (span.start, span.end, span.label)


@dataclass
class Resolution(Generic[T]):
    kept: list[T]  # by position, none overlapping another
    left_out: list[tuple[T, T]]  # (a span left out, the kept span it overlaps)


def resolve_overlaps(spans: Iterable[T], place: Callable[[T], Place] = _place) -> Resolution[T]:
    """The spans the policy keeps, and every other with the span that beat
    it. ``place`` gives an item's ``(start, end, label)``; by default its
    ``start``, ``end`` and ``label`` attributes."""
    items = list(spans)
    places = list(map(place, items))
    by_position = sorted(range(len(items)), key=places.__getitem__)
    # Most layers have no overlap (each span starts after the one before it,
    # where that one ends or later): all are kept, nothing need be compared.
    if all(places[a][0] < places[b][0] and places[a][1] <= places[b][0]
           for a, b in zip(by_position, by_position[1:])):
        return Resolution([items[k] for k in by_position], [])
    return _by_precedence(items, place)


def _by_precedence(items: list[T], place: Callable[[T], Place]) -> Resolution[T]:
    """The policy, span after span in order of precedence."""
    # sorted() is stable: of identical places the first given comes first.
    order = sorted(items, key=lambda item: precedence(*place(item)))
    kept: list[T] = []  # sorted by start and, since none overlap, by end too
    starts: list[int] = []
    left_out: list[tuple[T, T]] = []
    for item in order:
        start, end, _ = place(item)
        k = bisect_left(starts, start)
        winner = None
        if k < len(kept) and place(kept[k])[0] < end:
            winner = kept[k]
        elif k > 0 and place(kept[k - 1])[1] > start:
            winner = kept[k - 1]
        if winner is None:
            kept.insert(k, item)
            starts.insert(k, start)
        else:
            left_out.append((item, winner))
    return Resolution(kept, left_out)


def keep_longest(spans: Iterable[T], place: Callable[[T], Place] = _place) -> list[T]:
    """Only the spans :func:`resolve_overlaps` keeps, by position."""
    return resolve_overlaps(spans, place).kept
