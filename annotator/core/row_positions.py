"""Where each document stands in a list of documents in id order, without
holding every id: a project's ids are nearly always one run (lo..hi, as
SQLite hands them out), less the few a filter leaves out. So the row of a
document, and the document of a row, are arithmetic and a binary search,
and any page of 100,000 documents is one query by id range."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


class RowPositions:
    """Rows 0..n-1 of a list ↔ document ids, in ascending id order (or,
    made with :meth:`ordered`, in any order: then a dict finds a row)."""

    def __init__(self, lo: int, hi: int, excluded: Sequence[int] = (),
                 listed: Sequence[int] | None = None, ascending: bool = True):
        self._lo, self._hi = lo, hi
        self._excluded = list(excluded)  # sorted, within lo..hi
        self._listed = None if listed is None else list(listed)  # sorted, unless not ascending
        self.ascending = ascending  # rows in id order: a page is an id range
        self._rank: dict[int, int] | None = None  # id -> row, made when first asked

    @classmethod
    def run(cls, lo: int | None, hi: int | None, excluded: Sequence[int] = ()) -> RowPositions:
        """The ids lo..hi but ``excluded`` (sorted); empty when lo is None."""
        if lo is None or hi is None:
            return cls.of([])
        return cls(lo, hi, [i for i in excluded if lo <= i <= hi])

    @classmethod
    def of(cls, ids: Sequence[int]) -> RowPositions:
        """Exactly ``ids`` (sorted)."""
        return cls(0, -1, listed=ids)

    @classmethod
    def ordered(cls, ids: Sequence[int]) -> RowPositions:
        """Exactly ``ids``, in the order given (a sorted list, a filter)."""
        return cls(0, -1, listed=ids, ascending=False)

    def ids_between(self, first: int, last: int) -> list[int]:
        """The ids of rows ``first`` to ``last`` of listed ids (:meth:`of`,
        :meth:`ordered`); a run's page is an id range, read as one."""
        if self._listed is None:
            raise ValueError("a run of ids has no list: read its page by id range")
        return self._listed[first:last + 1]

    def __len__(self) -> int:
        if self._listed is not None:
            return len(self._listed)
        return self._hi - self._lo + 1 - len(self._excluded)

    def position_of(self, document_id: int) -> int:
        """The row of ``document_id``; -1 when it is not in the list."""
        if not self.ascending:
            if self._rank is None:
                self._rank = {doc: row for row, doc in enumerate(self._listed)}
            return self._rank.get(document_id, -1)
        if self._listed is not None:
            i = bisect_left(self._listed, document_id)
            return i if i < len(self._listed) and self._listed[i] == document_id else -1
        if not self._lo <= document_id <= self._hi:
            return -1
        j = bisect_left(self._excluded, document_id)
        if j < len(self._excluded) and self._excluded[j] == document_id:
            return -1
        return document_id - self._lo - j

    def id_at(self, row: int) -> int:
        if not 0 <= row < len(self):
            raise IndexError(row)
        if self._listed is not None:
            return self._listed[row]
        # The first exclusion with more than ``row`` kept ids before it: the
        # id is past all exclusions before that one.
        excluded, lo, hi = self._excluded, 0, len(self._excluded)
        while lo < hi:
            mid = (lo + hi) // 2
            if excluded[mid] - self._lo - mid > row:
                hi = mid
            else:
                lo = mid + 1
        return self._lo + row + lo
