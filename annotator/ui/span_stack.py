"""The text view's spans by position, and the underline level of each span
that overlaps another. No Qt here.

One edit costs what it touches: a span goes into (or out of) the sorted list
by bisection, and only the overlapping run of spans around it is stacked
again, so adding a span to a document of thousands does not walk them all.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from annotator.core.model import Span, place_in_order, reading_order


def _start(span: Span) -> int:
    return span.start


def stacking_levels(spans: list[Span], in_order: bool = False) -> dict[int, int]:
    """An underline level for each span that overlaps another (by list index),
    so that overlapping spans get distinct lines. ``in_order``: ``spans`` are
    sorted by start, longest first (the view's own list), so no sort is needed."""
    order = range(len(spans)) if in_order else sorted(
        range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    levels: dict[int, int] = {}
    active: list[int] = []
    reach = -1  # where the last of the active spans ends
    for i in order:
        span = spans[i]
        if span.start >= reach:
            active = []  # nothing still open: the usual case, no list to filter
        elif active:
            active = [j for j in active if spans[j].end > span.start]
        if active:
            used = {levels.get(j, 0) for j in active}
            for j in active:
                levels.setdefault(j, 0)
            levels[i] = next(level for level in range(len(used) + 1) if level not in used)
        active.append(i)
        reach = max(reach, span.end)
    return levels


class SpanStack:
    """Spans sorted by start, longest first; ``levels``: the underline level
    of each span that overlaps another (spans equal in every field share one)."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.levels: dict[Span, int] = {}
        self.longest = 0  # no span is longer (after removals, perhaps shorter)
        self._by_id: dict[int, Span] = {}

    def reset(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=reading_order)
        self._by_id = {s.id: s for s in self.spans if s.id is not None}
        self.longest = max((s.end - s.start for s in self.spans), default=0)
        self._restack(0, len(self.spans))

    def get(self, span_id: int | None) -> Span | None:
        return self._by_id.get(span_id) if span_id is not None else None

    def add(self, spans: list[Span]) -> None:
        """Spans added at once (a label and the mentions it proposed)."""
        if not spans:
            return
        self.longest = max(self.longest, *(s.end - s.start for s in spans))
        self._by_id.update((s.id, s) for s in spans if s.id is not None)
        if len(spans) * 8 >= len(self.spans):
            self.reset(self.spans + spans)  # many: one sort and one stacking for all
            return
        for span in spans:  # a few into many: each into its place, its run stacked again
            at = bisect_right(self.spans, reading_order(span), key=reading_order)
            self.spans.insert(at, span)
            self._restack(*self._run_around(at))

    def remove(self, span_ids: Iterable[int]) -> list[Span]:
        """Take the spans of these ids away; those it held."""
        removed = [span for span in map(self._by_id.get, set(span_ids)) if span is not None]
        if not removed:
            return []
        for span in removed:
            del self._by_id[span.id]
        if len(removed) * 8 >= len(self.spans):
            gone = {span.id for span in removed}
            self.reset([s for s in self.spans if s.id not in gone])
            return removed
        for span in removed:
            at = self._index_of(span)
            first, last = self._run_around(at)
            for other in self.spans[first:last]:
                self.levels.pop(other, None)
            del self.spans[at]
            # The run's spans left are whole runs of their own now.
            self._restack(first, last - 1)
        return removed

    def near(self, lo: int, hi: int) -> list[Span]:
        """The spans that can reach ``[lo, hi)``: those starting before ``hi``
        and at most the longest span's length before ``lo``."""
        first = bisect_left(self.spans, lo - self.longest, key=_start)
        last = bisect_left(self.spans, hi, key=_start)
        return self.spans[first:last]

    def _index_of(self, span: Span) -> int:
        return place_in_order(self.spans, span)

    def _run_around(self, at: int) -> tuple[int, int]:
        """``[first, last)``: the run of spans linked by overlaps that holds
        the span at ``at`` (its levels depend on each other, on nothing else)."""
        spans, first = self.spans, at
        while True:
            # A run begins where no earlier span reaches past its start; only
            # spans starting at most ``longest`` before can.
            start = spans[first].start
            window = bisect_left(spans, start - self.longest, 0, first, key=_start)
            reaching = next((j for j in range(window, first) if spans[j].end > start), None)
            if reaching is None:
                break
            first = reaching  # every span from there to here is in the run
        reach, last = max(s.end for s in spans[first:at + 1]), at + 1
        while last < len(spans) and spans[last].start < reach:
            reach = max(reach, spans[last].end)
            last += 1
        return first, last

    def _restack(self, first: int, last: int) -> None:
        """The levels of ``spans[first:last]``, whole runs of overlaps."""
        run = self.spans[first:last]
        if first == 0 and last == len(self.spans):
            self.levels = {}
        else:
            for span in run:
                self.levels.pop(span, None)
        for i, level in stacking_levels(run, in_order=True).items():
            self.levels[run[i]] = level
