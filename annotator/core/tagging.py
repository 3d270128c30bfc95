"""Token tags in the IOB2, IOB1 and BIOES schemes, both ways.

``spans_to_tags`` takes spans already aligned to token boundaries and not
overlapping (the exporter's aligner makes them so and reports what it changed).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Sequence
from enum import Enum
from functools import lru_cache
from operator import attrgetter

from annotator.core.tokenize import Token, Tokens

OUTSIDE = "O"
_START = attrgetter("start")
_END = attrgetter("end")


class Scheme(str, Enum):
    IOB2 = "iob2"
    IOB1 = "iob1"
    BIOES = "bioes"


class TaggingError(ValueError):
    pass


def spans_to_tags(tokens: Sequence[Token] | Tokens, spans: Sequence[tuple[int, int, str]],
                  scheme: Scheme = Scheme.IOB2, sentence_starts: Container[int] = ()) -> list[str]:
    """``spans`` are ``(start, end, label)`` in characters, on token boundaries.
    ``tokens`` may be several sentences, ``sentence_starts`` the indexes of
    the tokens that begin one (IOB1's B- looks at the token before, in the
    same sentence only)."""
    scheme = Scheme(scheme)
    tags = [OUTSIDE] * len(tokens)
    if not spans:
        return tags  # most sentences: no token need be looked at
    # Tokens are in text order: a span's first and last token by bisection.
    if isinstance(tokens, Tokens):
        starts, ends = tokens.starts, tokens.ends
    else:
        starts, ends = list(map(_START, tokens)), list(map(_END, tokens))
    reach = -1  # the last token of the spans so far
    firsts = []
    for start, end, label in sorted(spans):
        first = bisect_left(starts, start)
        last = bisect_left(ends, end)
        if (first == len(tokens) or starts[first] != start
                or last == len(tokens) or ends[last] != end):
            raise TaggingError(f"span {start}-{end} {label} is not on token boundaries")
        if first <= reach:  # spans in order of start: one that began before reaches here
            raise TaggingError(f"span {start}-{end} {label} overlaps another span")
        reach = max(reach, last)
        tags[first : last + 1] = _tags_for(label, last - first + 1, scheme)
        firsts.append(first)
    if scheme is Scheme.IOB1:
        # IOB1 writes B- only where a span directly follows one of the same label.
        for first in firsts:
            previous = tags[first - 1] if first and first not in sentence_starts else OUTSIDE
            if previous == OUTSIDE or previous[2:] != tags[first][2:]:
                tags[first] = "I-" + tags[first][2:]
    return tags


@lru_cache(maxsize=1024)
def _tags_for(label: str, length: int, scheme: Scheme) -> tuple[str, ...]:
    """A span's tags: made once for each label, length and scheme (an export
    tags many spans alike)."""
    if scheme is Scheme.BIOES:
        if length == 1:
            return (f"S-{label}",)
        return (f"B-{label}", *[f"I-{label}"] * (length - 2), f"E-{label}")
    return (f"B-{label}", *[f"I-{label}"] * (length - 1))


def tags_to_spans(tokens: Sequence[Token], tags: Sequence[str],
                  scheme: Scheme | None = None) -> list[tuple[int, int, str]]:
    """Read tags of any of the three schemes (told apart by their prefixes when
    ``scheme`` is None). A stray I- or E- starts a span, as seqeval does."""
    if len(tokens) != len(tags):
        raise TaggingError(f"{len(tokens)} tokens but {len(tags)} tags")
    spans: list[tuple[int, int, str]] = []
    open_label: str | None = None
    open_start = 0
    open_end = 0

    def close() -> None:
        nonlocal open_label
        if open_label is not None:
            spans.append((open_start, open_end, open_label))
        open_label = None

    for token, tag in zip(tokens, tags):
        if tag == OUTSIDE or not tag:
            close()
            continue
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I", "E", "S", "L", "U") or not label:
            raise TaggingError(f"unknown tag {tag!r}")
        starts_new = prefix in ("B", "S", "U") or open_label != label
        if starts_new:
            close()
            open_label, open_start = label, token.start
        open_end = token.end
        if prefix in ("E", "S", "L", "U"):
            close()
    close()
    return spans


def detect_scheme(tags: Sequence[str]) -> Scheme:
    prefixes = {t.split("-", 1)[0] for t in tags if t and t != OUTSIDE}
    if prefixes & {"E", "S", "L", "U"}:
        return Scheme.BIOES
    if "B" not in prefixes:
        return Scheme.IOB1
    return Scheme.IOB2
