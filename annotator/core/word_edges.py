"""Where a span may begin and end: at word edges.

A word here is a token of :mod:`annotator.core.tokenize` (a run of letters
with their marks, a number such as ``2016`` or ``3.5``, an abbreviation such
as ``U.S.``). An offset strictly inside one cuts it, with one exception: a
span may start right after an Arabic proclitic (و ف ب ل ك, their pairs, لل),
so و|الصين can be labelled without the و.

Selections made with the mouse snap to these edges the way brat and INCEpTION
snap to tokens: the edge where the drag began moves to the nearer edge of its
word, the edge where it ended moves outward, so a drag keeps every word it
reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from annotator.core.tokenize import LAM, Token, is_clitic_prefix, tokenize

if TYPE_CHECKING:
    import regex

# The rest of a word after a proclitic must still be a word.
_MIN_REST = 2
ARTICLE = "\u0627\u0644"  # ال


@lru_cache(maxsize=1)
def _arabic_letter() -> regex.Pattern:
    import regex  # at first use: the window's first paint needs no pattern of it

    return regex.compile(r"\p{Arabic}")


# Tokens hold no whitespace, so a word is found in the run of non-space
# characters around an offset; a long run is read only this far either side.
_REACH = 200


def _line_bounds(text: str, index: int) -> tuple[int, int]:
    """The run of non-space characters around ``index``."""
    start, lo = index, max(0, index - _REACH)
    while start > lo and not text[start - 1].isspace():
        start -= 1
    end, hi = index, min(len(text), index + _REACH)
    while end < hi and not text[end].isspace():
        end += 1
    return start, end


def word_around(text: str, index: int) -> tuple[int, int] | None:
    """The word that ``index`` falls strictly inside, or ``None`` when it
    falls at a word edge, on a space or on punctuation."""
    if not 0 < index < len(text) or text[index - 1].isspace() or text[index].isspace():
        return None
    lo, hi = _line_bounds(text, index)
    for token in tokenize(text, lo, hi):
        if token.start < index < token.end:
            return token.start, token.end
        if token.start >= index:
            break
    return None


def word_touching(text: str, index: int) -> tuple[int, int] | None:
    """The word holding the character at ``index`` (None for a space or a
    punctuation mark)."""
    if not 0 <= index < len(text) or not text[index].isalnum():
        return None
    lo, hi = _line_bounds(text, index)
    for token in tokenize(text, lo, hi):
        if token.start <= index < token.end:
            return token.start, token.end
        if token.start > index:
            break
    return None


def is_clitic_boundary(text: str, index: int, word: tuple[int, int] | None = None) -> bool:
    """``index`` sits right after a proclitic at the start of an Arabic word:
    a span may start there."""
    word = word if word is not None else word_around(text, index)
    if word is None:
        return False
    start, end = word
    from pyarabic import araby  # here: a window's first paint seldom needs it

    rest = araby.strip_tashkeel(text[index:end])
    return (is_clitic_prefix(text[start:index]) and len(rest) >= _MIN_REST
            and _arabic_letter().match(text, index) is not None)


@lru_cache(maxsize=2)
def words_of(text: str) -> frozenset[str]:
    """The tokens of a text, as :func:`doubtful_clitic_start` takes them (kept
    for the text on screen: a drag asks at each release)."""
    from annotator.core.tokenize import token_columns

    return frozenset(token_columns(text).texts)


def doubtful_clitic_start(text: str, start: int, words: set[str]) -> tuple[str, str] | None:
    """(the word, the part after its proclitic) when a span starts right
    after a proclitic and that part stands nowhere alone among ``words`` (the
    tokens of the project's texts): the letter read as a proclitic is then likely the
    name's own (ب of بشار, ل of لبنان, و of وليد), the span's offsets one letter
    late. None when the part stands alone somewhere (قازاقستان beside
    وقازاقستان), or with its article (لتعاون, تعاون of للتعاون: التعاون)."""
    word = word_around(text, start)
    if word is None or not is_clitic_boundary(text, start, word):
        return None
    rest = text[start:word[1]]
    if rest.startswith(ARTICLE) or text[word[0]:start].endswith(LAM) and rest.startswith(LAM):
        return None  # a proclitic before the article (والصين, للتعاون, ل|لتعاون) is one
    if {rest, ARTICLE + rest} & words:
        return None
    return text[word[0]:word[1]], rest


@dataclass(frozen=True)
class Cut:
    """A span edge inside a word."""

    offset: int
    word_start: int
    word_end: int
    edge: str  # "start" or "end"


def starts_inside_a_word(text: str, start: int, end: int) -> bool:
    """The span begins inside a word (not after a proclitic): it marks the
    word's inner or last letters ("i" of "Xi"), never a name of its own.
    A stem (Tokajew of Tokajewem) begins at the word's start."""
    return any(cut.edge == "start" for cut in span_cuts(text, start, end))


def span_cuts(text: str, start: int, end: int) -> list[Cut]:
    """The words a span ``[start, end)`` cuts: none when both edges are at word
    edges (a start right after a proclitic counts as one)."""
    cuts = []
    word = word_around(text, start)
    if word is not None and not is_clitic_boundary(text, start, word):
        cuts.append(Cut(start, *word, "start"))
    word = word_around(text, end)
    if word is not None:
        cuts.append(Cut(end, *word, "end"))
    return cuts


def _nearer_edge(text: str, index: int, is_start: bool) -> int:
    word = word_around(text, index)
    if word is None or (is_start and is_clitic_boundary(text, index, word)):
        return index
    start, end = word
    # A tie goes outward: the word is kept.
    if is_start:
        return start if index - start <= end - index else end
    return end if end - index <= index - start else start


def _outward_edge(text: str, index: int, is_start: bool) -> int:
    word = word_around(text, index)
    if word is None or (is_start and is_clitic_boundary(text, index, word)):
        return index
    return word[0] if is_start else word[1]


def snap_to_words(text: str, anchor: int, position: int) -> tuple[int, int]:
    """Move the edges of a selection to word edges.

    ``anchor`` is where the drag began (moved to the nearer edge of its word),
    ``position`` where it ended (moved outward). Returns ``(start, end)``
    with ``start <= end``. For a selection whose history is unknown, see
    :func:`widen_to_words`.
    """
    anchor_is_start = anchor <= position
    snapped_anchor = _nearer_edge(text, anchor, anchor_is_start)
    snapped_position = _outward_edge(text, position, not anchor_is_start)
    crossed = (snapped_anchor >= snapped_position if anchor_is_start
               else snapped_anchor <= snapped_position)
    if crossed and anchor != position:
        # The press edge moved to or past the release (a drag inside one
        # word): keep that word.
        snapped_anchor = _outward_edge(text, anchor, anchor_is_start)
    lo, hi = sorted((snapped_anchor, snapped_position))
    return lo, hi


def widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Both edges outward: every word the selection touches, whole."""
    start, end = sorted((start, end))
    return _outward_edge(text, start, True), _outward_edge(text, end, False)


def cut_words(text: str, cuts: list[Cut]) -> str:
    """The words a span cuts, for a report: ``«الرئيس»`` or ``«Xi», «Jinping»``."""
    return ", ".join(f"«{text[c.word_start:c.word_end]}»" for c in cuts)


def neighbour_word_start(text: str, index: int, forward: bool, end: int | None = None) -> int | None:
    """The start of the first word after ``index`` (``forward``) or the last
    one before it, on the same line; None when there is none. A word is a
    token that begins with a letter or a digit: a start moved word by word
    never lands on a hyphen or a quote («-Jomartem»). With the span's ``end``
    given, a start that would leave a bracket of the span unopened («BRI)»)
    takes its opening bracket along, or passes over the bracketed words."""
    words = _words_near(text, index)
    target = _neighbour(index, forward, [t.start for t in words])
    if target is None or end is None or target >= end:
        return target
    opener = _unopened(text, target, end)
    if opener is None:
        return target
    if not forward and text[target - 1:target] == opener:
        return target - 1  # the bracket before the word: taken along
    return _neighbour(target, forward, [t.start for t in words])


def neighbour_word_end(text: str, index: int, forward: bool, start: int | None = None) -> int | None:
    """The end of the first word after ``index`` (``forward``) or the last one
    before it, on the same line (see :func:`neighbour_word_start`): an end
    moved word by word never takes a hyphen («Kassymem-»). With the span's
    ``start`` given, an end that would leave a bracket of the span unclosed
    («(BRI») takes its closing bracket along, or passes over the bracketed words."""
    words = _words_near(text, index)
    target = _neighbour(index, forward, [t.end for t in words])
    if target is None or start is None or target <= start:
        return target
    closer = _unclosed(text, start, target)
    if closer is None:
        return target
    if forward and text[target:target + 1] == closer:
        return target + 1  # the bracket after the word: taken along
    return _neighbour(target, forward, [t.end for t in words])


BRACKETS = {"(": ")", "[": "]", "{": "}", "\u00ab": "\u00bb"}  # « »
_OPENER_OF = {closer: opener for opener, closer in BRACKETS.items()}


def with_its_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` with the bracket right after it that closes one it
    opens («Chin (KPCh» + «)»), and the bracket right before it that opens
    one it closes: a drag released on a closing bracket's glyph stopped at
    the word before it, and a label with half a pair looked right."""
    closer = _unclosed(text, start, end)
    if closer is not None and text[end:end + 1] == closer:
        end += 1
    opener = _unopened(text, start, end)
    if opener is not None and start > 0 and text[start - 1] == opener:
        start -= 1
    return start, end


def _unclosed(text: str, start: int, end: int) -> str | None:
    """The closing bracket ``text[start:end]`` lacks, if it opens one it does not close."""
    waiting: list[str] = []
    for char in text[start:end]:
        if char in BRACKETS:
            waiting.append(BRACKETS[char])
        elif char in _OPENER_OF and waiting and waiting[-1] == char:
            waiting.pop()
    return waiting[-1] if waiting else None


def _unopened(text: str, start: int, end: int) -> str | None:
    """The opening bracket ``text[start:end]`` lacks, if it closes one it does not open."""
    waiting: list[str] = []
    for char in reversed(text[start:end]):
        if char in _OPENER_OF:
            waiting.append(_OPENER_OF[char])
        elif char in BRACKETS and waiting and waiting[-1] == char:
            waiting.pop()
    return waiting[-1] if waiting else None


def _neighbour(index: int, forward: bool, edges: list[int]) -> int | None:
    if forward:
        return next((e for e in edges if e > index), None)
    return next((e for e in reversed(edges) if e < index), None)


def _words_near(text: str, index: int) -> list[Token]:
    """The words of the line holding ``index``, or of a long line's part around it."""
    lo = _line_start_near(text, index, max(0, index - 20 * _REACH))
    hi = _line_end_near(text, index, min(len(text), index + 20 * _REACH))
    return [t for t in tokenize(text, lo, hi) if t.text[0].isalnum()]


def _line_start_near(text: str, index: int, lo: int) -> int:
    """Where the line holding ``index`` begins, or the first space at or after
    ``lo`` when the line begins before ``lo``: never inside a token."""
    start = text.rfind("\n", 0, index) + 1
    if start >= lo:
        return start
    return next((k for k in range(lo, index) if text[k].isspace()), index)


def _line_end_near(text: str, index: int, hi: int) -> int:
    """Where the line holding ``index`` ends, or the last space before ``hi``
    when it ends after ``hi``."""
    end = text.find("\n", index, hi)
    if end >= 0 or hi >= len(text):
        return end if end >= 0 else len(text)
    return next((k for k in range(hi - 1, index, -1) if text[k].isspace()), hi)
