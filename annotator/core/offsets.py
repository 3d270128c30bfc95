"""The offset rule: spans are code-point offsets into the stored text.

Qt counts UTF-16 units, so conversions happen at the ``ui/`` boundary through
:class:`Utf16Map` (or the two helper functions built on it). Selections snap to
grapheme boundaries and drop surrounding whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from annotator.core.word_edges import widen_to_words

if TYPE_CHECKING:
    import regex


class SpanBoundsError(ValueError):
    """A span that does not satisfy ``0 <= start < end <= len(text)``."""


def check_bounds(start: int, end: int, text_length: int) -> None:
    if type(start) is not int or type(end) is not int:
        raise SpanBoundsError(f"span offsets must be whole numbers, got {start!r} and {end!r}")
    if start < 0:
        raise SpanBoundsError(f"span start {start} is negative")
    if end > text_length:
        raise SpanBoundsError(f"span end {end} is past the end of the text ({text_length})")
    if start >= end:
        raise SpanBoundsError(f"span start {start} is not before its end {end}")


ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 units each


class Utf16Map:
    """Converts between code-point indices and UTF-16 positions of one text.

    Only characters outside the Basic Multilingual Plane differ (two UTF-16
    units each), so the map stores just their indices; texts without any cost
    a single comparison per conversion.
    """

    def __init__(self, text: str):
        self._length = len(text)
        self._astral = [m.start() for m in ASTRAL.finditer(text)]
        # UTF-16 position where each astral character starts.
        self._astral_utf16 = [index + k for k, index in enumerate(self._astral)]

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral)

    def to_utf16(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def to_index(self, position: int) -> int:
        """The code-point index at a UTF-16 position; a position between the two
        halves of a surrogate pair rounds down to the character's start."""
        if not self._astral:
            return position
        fully_before = bisect_right(self._astral_utf16, position - 2)
        index = position - fully_before
        k = bisect_left(self._astral_utf16, position - 1)
        if k < len(self._astral_utf16) and self._astral_utf16[k] == position - 1:
            index -= 1
        return index


def index_to_utf16(text: str, index: int) -> int:
    return Utf16Map(text).to_utf16(index)


def utf16_to_index(text: str, position: int) -> int:
    return Utf16Map(text).to_index(position)


# On the ``regex`` module, imported and compiled at first use (a selection,
# a double-click): the window's first paint needs neither.
@lru_cache(maxsize=1)
def _grapheme() -> regex.Pattern:
    import regex

    return regex.compile(r"\X")


@lru_cache(maxsize=1)
def _word() -> regex.Pattern:
    """Letters with their marks, digits, tatweel and zero-width joiners."""
    import regex

    return regex.compile(r"[\p{L}\p{M}\p{N}_\u0640\u200c\u200d]+")


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


def grapheme_boundaries(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Grapheme-cluster boundaries of ``text`` between the lines that hold
    ``start`` and ``end``. A line break is always a boundary, so scanning from
    the start of a line is exact and keeps long documents cheap."""
    end = len(text) if end is None else end
    lo = _line_start(text, start)
    hi = _line_end(text, end)
    bounds = [lo]
    for match in _grapheme().finditer(text, lo, hi):
        bounds.append(match.end())
    return bounds


def _is_blank(grapheme: str) -> bool:
    base = grapheme[0]
    return base.isspace() or unicodedata.category(base) == "Cf"


def snap_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen ``[start, end)`` to whole graphemes and trim blank graphemes
    (whitespace, direction marks) from both ends. ``None`` if nothing is left."""
    start = max(0, min(start, len(text)))
    end = max(0, min(end, len(text)))
    if start > end:
        start, end = end, start
    if start == end:
        return None
    bounds = grapheme_boundaries(text, start, end)
    # Last boundary at or before start; first boundary at or after end.
    lo_k = bisect_right(bounds, start) - 1
    hi_k = bisect_left(bounds, end)
    if hi_k >= len(bounds):
        hi_k = len(bounds) - 1
    while lo_k < hi_k and _is_blank(text[bounds[lo_k] : bounds[lo_k + 1]]):
        lo_k += 1
    while hi_k > lo_k and _is_blank(text[bounds[hi_k - 1] : bounds[hi_k]]):
        hi_k -= 1
    if lo_k >= hi_k:
        return None
    return bounds[lo_k], bounds[hi_k]


# Punctuation that a drag picks up at a word's edge (right-to-left hit tests
# are a few pixels off) but that no entity name ends or starts with.
_SEPARATORS = frozenset(",;:\u060c\u061b")  # , ; : ، ؛
_CLOSER_OF = {"(": ")", "[": "]", "{": "}", "\u00ab": "\u00bb", "\u201e": "\u201d",
              "\u201c": "\u201d", "\u2039": "\u203a"}  # « » „ ” “ ” ‹ ›
_OPENERS_OF: dict[str, set[str]] = {}
for _opener, _closer in _CLOSER_OF.items():
    _OPENERS_OF.setdefault(_closer, set()).add(_opener)
_STRAIGHT_QUOTE = '"'


def _dangles_at_end(piece: str) -> bool:
    last = piece[-1]
    if last in _SEPARATORS:
        return True
    if last == _STRAIGHT_QUOTE:
        return piece.count(_STRAIGHT_QUOTE) % 2 == 1
    return last in _OPENERS_OF and not any(o in piece[:-1] for o in _OPENERS_OF[last]) \
        or last in _CLOSER_OF


def _dangles_at_start(piece: str) -> bool:
    first = piece[0]
    if first in _SEPARATORS:
        return True
    if first == _STRAIGHT_QUOTE:
        return piece.count(_STRAIGHT_QUOTE) % 2 == 1
    return first in _CLOSER_OF and _CLOSER_OF[first] not in piece[1:] or first in _OPENERS_OF


def _encloses(piece: str) -> bool:
    """A bracket or quote pair around the whole piece: ``(KPCh)``, ``«...»``."""
    first, last = piece[0], piece[-1]
    if first == last == _STRAIGHT_QUOTE:
        return piece.count(_STRAIGHT_QUOTE) == 2
    if _CLOSER_OF.get(first) != last:
        return False
    depth = 0
    for index, ch in enumerate(piece):  # "(a) b (c)" is not one pair
        depth += (ch == first) - (ch == last)
        if depth == 0 and index < len(piece) - 1:
            return False
    return True


def snap_selection(text: str, start: int, end: int, words: bool = False) -> tuple[int, int] | None:
    """What a selection in the window labels: with ``words``, widened to whole
    words (:func:`~annotator.core.word_edges.widen_to_words`); then
    :func:`snap_span`, without a separator (``,`` ``;`` ``:`` ``،`` ``؛``),
    an unpaired bracket or quote at either end, or a pair of them around it
    all. Dots stay: ``U.S.`` ends with one."""
    if words:
        start, end = widen_to_words(text, start, end)
    snapped = snap_span(text, start, end)
    while snapped is not None:
        lo, hi = snapped
        piece = text[lo:hi]
        if len(piece) > 2 and _encloses(piece):
            snapped = snap_span(text, lo + 1, hi - 1)
        elif _dangles_at_end(piece):
            snapped = snap_span(text, lo, hi - 1) if hi - 1 > lo else None
        elif _dangles_at_start(piece):
            snapped = snap_span(text, lo + 1, hi) if hi > lo + 1 else None
        else:
            return snapped
    return None


# Hyphens that join the parts of one name: Kassym-Jomart, قاسم-جومارت.
HYPHENS = "-\u2010\u2011"  # that join the parts of one name (قاسم-جومارت)


def word_at(text: str, index: int, hyphenated: bool = False) -> tuple[int, int] | None:
    """The word (letters, marks and digits, joined by no space) around
    ``index``; with ``hyphenated``, words joined by a hyphen count as one."""
    if not text:
        return None
    index = max(0, min(index, len(text) - 1))
    lo, hi = _line_start(text, index), _line_end(text, index)
    words = [(m.start(), m.end()) for m in _word().finditer(text, lo, hi)]
    k = next((k for k, (a, b) in enumerate(words) if a <= index < b), None)
    if k is None:
        return None
    first = last = k
    if hyphenated:
        while first > 0 and _joined(text, words[first - 1], words[first]):
            first -= 1
        while last + 1 < len(words) and _joined(text, words[last], words[last + 1]):
            last += 1
    return words[first][0], words[last][1]


def _joined(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    return right[0] - left[1] == 1 and text[left[1]] in HYPHENS
