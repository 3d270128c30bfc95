"""What every pre-annotator shares: picking non-overlapping matches, and
leaving alone the places an annotator has already marked."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from annotator.core.model import Span


def longest_first(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, by position: where matches overlap the longest
    wins (then the earliest); the same place found twice counts once."""
    kept: list[Span] = []  # sorted by start, and so by end
    starts: list[int] = []
    for span in sorted(set(spans), key=lambda s: (s.start - s.end, s.start, s.label)):
        k = bisect_left(starts, span.start)
        if k < len(kept) and kept[k].start < span.end:
            continue
        if k > 0 and kept[k - 1].end > span.start:
            continue
        kept.insert(k, span)
        starts.insert(k, span.start)
    return kept


def split_free(candidates: Sequence[Span], taken: Iterable[Span]) -> tuple[list[Span], list[Span]]:
    """``candidates`` that overlap none of ``taken``, and those that do."""
    taken = sorted(taken, key=lambda s: s.start)
    starts = [s.start for s in taken]
    reach: list[int] = []  # the furthest end among taken[:k + 1]
    for span in taken:
        reach.append(max(span.end, reach[-1]) if reach else span.end)
    free: list[Span] = []
    overlapping: list[Span] = []
    for span in candidates:
        k = bisect_left(starts, span.end) - 1  # the last taken span starting before its end
        (overlapping if k >= 0 and reach[k] > span.start else free).append(span)
    return free, overlapping
