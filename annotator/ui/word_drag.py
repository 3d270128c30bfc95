"""What a mouse drag selects when selections snap to words.

Qt's caret positions alone lose letters in right-to-left text: a press a few
pixels into the gap beside an Arabic word can land after its first letter,
and at the edge of a number inside Arabic text the caret of the number's end
and of its start are drawn at the same place. So besides the caret positions
(snapped by :func:`annotator.core.word_edges.snap_to_words`), the words whose
letters are under the press and the release are kept whole, and a press in a
gap keeps the word that the drag enters first.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint

from annotator.core.offsets import HYPHENS, word_at
from annotator.core.word_edges import (
    doubtful_clitic_start,
    is_clitic_boundary,
    snap_to_words,
    with_its_brackets,
    word_touching,
    words_of,
)

# How far into the drag a press in a gap looks for the first letter it meets.
GAP_LOOKAHEAD_PX = 8
# How near the edge of a proclitic's glyph a press leaves the proclitic out.
CLITIC_EDGE_PX = 4


def snapped_drag(view, press: QPoint, release: QPoint, anchor: int,
                 position: int) -> tuple[int, int]:
    """The code-point range a drag from ``press`` to ``release`` selects;
    ``anchor`` and ``position`` are Qt's caret positions (code points).

    An end of the drag on a letter (or a few pixels from one, in a gap) takes
    that letter's word whole; only an end far from any letter falls back to
    Qt's caret, snapped to the word edges. A bracket the range opens or
    closes is taken along when it stands right beside it."""
    return with_its_brackets(view.text, *_drag_range(view, press, release, anchor, position))


def _drag_range(view, press: QPoint, release: QPoint, anchor: int,
                position: int) -> tuple[int, int]:
    text = view.text
    lo, hi = snap_to_words(text, anchor, position)
    # Outside the viewport Qt scrolls while dragging: only its caret is sure there.
    inside = view.viewport().rect()
    if not (inside.contains(press) and inside.contains(release)):
        return lo, hi
    pressed_at, released_at = view.character_under(press), view.character_under(release)
    forward = position >= anchor
    if pressed_at is not None and released_at is not None and pressed_at != released_at:
        forward = released_at > pressed_at
    pressed = _word_of(text, pressed_at) or _nearest_word_along(view, press, release, forward)
    released = _word_of(text, released_at) or _nearest_word_along(view, release, press, not forward)
    # A drag's start on the letter right after a proclitic, at its edge,
    # starts there: و|الصين without the و, whichever way the drag went.
    if forward and pressed is not None and _starts_after_proclitic(view, press, pressed_at, pressed):
        pressed = (pressed_at, pressed[1])
    if not forward and released is not None and _starts_after_proclitic(
            view, release, released_at, released):
        released = (released_at, released[1])
    first, last = (pressed, released) if forward else (released, pressed)
    new_lo = first[0] if first is not None else lo
    new_hi = last[1] if last is not None else hi
    if new_lo < new_hi:
        return new_lo, new_hi
    return lo, hi


def _word_of(text: str, index: int | None) -> tuple[int, int] | None:
    if index is None:
        return None
    if (text[index] in HYPHENS and 0 < index < len(text) - 1
            and text[index - 1].isalnum() and text[index + 1].isalnum()):
        # On the hyphen of قاسم-جومارت: the name whole, as a double-click takes it.
        return word_at(text, index - 1, hyphenated=True)
    return word_touching(text, index)


def _starts_after_proclitic(view, press: QPoint, index: int | None, word: tuple[int, int]) -> bool:
    """The press is on the first letter after a proclitic, within a few pixels
    of the proclitic's glyph, and the rest of the word is one the document
    writes alone too (قازاقستان beside وقازاقستان): else the letter is likely
    the name's own (ب of بينغ), and a press near it keeps it."""
    if index is None or not is_clitic_boundary(view.text, index, word):
        return False
    if doubtful_clitic_start(view.text, index, words_of(view.text)) is not None:
        return False
    return any(view.character_under(QPoint(press.x() + dx, press.y())) == index - 1
               for dx in (-CLITIC_EDGE_PX, CLITIC_EDGE_PX))


def _word_under(view, point: QPoint) -> tuple[int, int] | None:
    index = view.character_under(point)
    return word_touching(view.text, index) if index is not None else None


def _nearest_word_along(view, origin: QPoint, toward: QPoint,
                        forward: bool) -> tuple[int, int] | None:
    """The first word a few pixels from ``origin`` (a point in a gap) on its
    line, in the direction of ``toward`` (``forward``: in reading order)."""
    if abs(toward.y() - origin.y()) < view.fontMetrics().height() // 2:
        step = 1 if toward.x() >= origin.x() else -1
    else:
        right_to_left = view.is_right_to_left_at(origin)
        step = -1 if right_to_left == forward else 1
    for dx in range(1, GAP_LOOKAHEAD_PX + 1):
        word = _word_under(view, QPoint(origin.x() + step * dx, origin.y()))
        if word is not None:
            return word
    return None
