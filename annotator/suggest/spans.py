"""What every pre-annotator shares: leaving alone the places an annotator
has already marked. Which of overlapping matches is proposed is the one
policy of ``core.overlaps``."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from annotator.core.model import Span


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
