"""Spans onto tokens, for the token-based exports (CoNLL, HF, spaCy).

A span edge inside a word splits the word there, so the span keeps its exact
offsets; only spans that are written split words, so overlaps are resolved
first (:func:`keep_longest`), then :meth:`AlignedDocument.settle` splits. The common Arabic case, a proclitic (و ف ب ل ك, وب ول فب فل وك فك, and لل)
before the span, is split quietly with ``clitics="split"``; with
``clitics="expand"`` the whole word takes the label instead (the ANERcorp and
Wojood convention). Every change lands in the export report.

Tags hold one span per token, so :func:`keep_longest` picks non-overlapping
spans for CoNLL and HF and reports the others; or, for CoNLL with a tag
column per nesting level, :func:`nesting_levels` places every span on a level,
outer first (the Wojood convention).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

import regex

from annotator.core.model import Span
from annotator.core.overlaps import resolve_overlaps
from annotator.core.tagging import Scheme, spans_to_tags
from annotator.core.tokenize import (
    SEPARATORS,
    Token,
    Tokens,
    is_number,
    is_clitic_prefix,
    line_breaks,
    sentence_breaks,
    space_tokens,
    token_columns,
    tokenize,
)
from annotator.formats.report import ExportReport

_START = attrgetter("start")
_SEPARATORS = frozenset(SEPARATORS)


class Placed(NamedTuple):
    """A span on token boundaries, with the stored span it came from (a
    named tuple: an export places every span of the project)."""

    start: int
    end: int
    label: str
    original: Span

    @property
    def triple(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


@dataclass
class AlignedDocument:
    name: str
    text: str
    tokens: Tokens  # split at span edges by ``settle``
    spans: list[Placed]  # every span that covers a token, in stored order
    clitics: str = "split"
    pretokenized: bool = False  # a sentence a line (see core.tokenize.PRETOKENIZED)

    def sentence_ranges(self, spans: Iterable[Placed],
                        report: ExportReport | None = None) -> list[tuple[int, int]]:
        """Each sentence's first token and the token after its last (see
        ``sentence_breaks``), sentences joined where a span crosses their
        boundary so that no entity is cut in two; each such span is reported."""
        count = len(self.tokens)
        if not count:
            return []
        breaks = line_breaks if self.pretokenized else sentence_breaks
        edges = [0, *breaks(self.text, self.tokens), count]
        token_starts = self.tokens.starts
        starts = [token_starts[edge] for edge in edges[:-1]]
        crossed: set[int] = set()
        for span in spans:
            first = bisect_right(starts, span.start)
            last = bisect_left(starts, span.end)
            if first < last:
                crossed.update(range(first, last))
                if report is not None:
                    _note(report, self.name, self.text, span.original, "sentence-joined",
                          f"{last - first + 1} sentences written as one")
        ranges: list[tuple[int, int]] = []
        for k, (a, b) in enumerate(zip(edges, edges[1:])):
            if k in crossed and ranges:
                ranges[-1] = (ranges[-1][0], b)
            else:
                ranges.append((a, b))
        return ranges

    def tag_levels(self, levels: Sequence[Sequence[Placed]], scheme: Scheme,
                   report: ExportReport | None = None
                   ) -> tuple[list[tuple[int, int]], list[list[str]]]:
        """The sentence ranges (see :meth:`sentence_ranges`) and one tag per
        token for each level of ``levels`` (at least one); the spans of a
        level must not overlap, and all must have been settled (see
        :meth:`settle`)."""
        ordered = [[p.triple for p in level] for level in levels] or [[]]
        everything = sorted((p for level in levels for p in level), key=_START)
        ranges = self.sentence_ranges(everything, report)
        firsts = {a for a, _ in ranges}
        return ranges, [spans_to_tags(self.tokens, level, scheme, firsts) for level in ordered]

    def _inside(self, position: int) -> Token | None:
        """The token ``position`` falls strictly inside, if any."""
        starts = self.tokens.starts
        k = bisect_right(starts, position) - 1
        if k >= 0 and starts[k] < position < self.tokens.ends[k]:
            return self.tokens[k]
        return None

    def settle(self, spans: Sequence[Placed], report: ExportReport) -> list[Placed]:
        """The spans that are written, put on tokens: call it once overlaps are
        resolved, so that only these spans split words.

        A span edge inside a word splits the word there. A proclitic before a
        span is split off, or with ``clitics="expand"`` the span takes the
        whole word, unless another of ``spans`` lies on the proclitic (then
        it is split off, and the report says why)."""
        text = self.text
        moved: dict[int, tuple[int, int]] = {}  # id of a Placed -> its new edges
        cuts: set[int] = set()
        reaches = None  # made when first needed: few spans widen to a proclitic
        for span in spans:
            start, end = span.start, span.end
            word = self._inside(start)
            if word is not None:
                prefix = text[word.start:start]
                blocked = ""
                if is_clitic_prefix(prefix) and self.clitics == "expand":
                    reaches = reaches or _reaches(spans)
                    starts, reach = reaches
                    k = bisect_left(starts, start) - 1
                    if k >= 0 and reach[k] > word.start:
                        blocked = "; not widened, another span lies on the proclitic"
                    else:
                        start = word.start
                        _note(report, self.name, text, span.original, "clitic-expand",
                              f"now {start}-{end} {text[start:end]!r}")
                if start != word.start:
                    cuts.add(start)
                    action = "clitic-split" if is_clitic_prefix(prefix) else "token-split"
                    _note(report, self.name, text, span.original, action,
                          f"{word.text!r} split into {prefix!r} + {text[start:word.end]!r}"
                          + blocked)
            word = self._inside(end)
            if word is not None:
                cuts.add(end)
                _note(report, self.name, text, span.original, "token-split",
                      f"{word.text!r} split into {text[word.start:end]!r} + "
                      f"{text[end:word.end]!r}")
            if (start, end) != (span.start, span.end):
                moved[id(span)] = (start, end)
        self.tokens = _cut(text, self.tokens, cuts)
        if not moved:
            return list(spans)
        return [p._replace(start=moved[id(p)][0], end=moved[id(p)][1]) if id(p) in moved else p
                for p in spans]

    def _number_edges(self, span: Placed, report: ExportReport) -> tuple[int, int]:
        # Before overlaps are resolved: a moved edge may meet another span.
        """The span's edges, each moved before a decimal mark it falls just
        after inside a number (3.|5 -> 3|.5): ``3.`` would read back as 3 and
        a sentence-ending dot, ``.5`` reads back as a number."""
        edges = [span.start, span.end]
        for k, edge in enumerate(edges):
            if not edge or self.text[edge - 1] not in SEPARATORS:
                continue  # most edges: no mark before them, no token looked up
            word = self._inside(edge)
            if word is None or not is_number(word.text):
                continue
            moved = edge - 1
            if k == 1 and moved == word.start:  # .|5: the end leaves the number
                before = bisect_right(self.tokens.ends, word.start)
                moved = self.tokens.ends[before - 1] if before else 0
            if k == 0 or moved > edges[0]:
                edges[k] = moved
        if edges != [span.start, span.end]:
            a, b = edges
            _note(report, self.name, self.text, span.original, "number-edge",
                  f"now {a}-{b} {self.text[a:b]!r}")
        return edges[0], edges[1]


def align(name: str, text: str, spans: Sequence[Span], clitics: str,
          report: ExportReport, pretokenized: bool = False) -> AlignedDocument:
    """Tokens of ``text`` and the spans on them. An edge on whitespace moves
    to the tokens inside (reported); an edge inside a word stays, and the word
    is split there by :meth:`AlignedDocument.settle` if the span is written.
    ``spans`` must be within the text (checked by the caller). A
    ``pretokenized`` text keeps its own tokens and lines as sentences."""
    tokens = space_tokens(text) if pretokenized else token_columns(text)
    starts, ends = tokens.starts, tokens.ends
    count = len(starts)
    document = AlignedDocument(name, text, tokens, [], clitics, pretokenized)
    for span in spans:
        start, end = span.start, span.end
        # The token that starts at or before each edge: an edge strictly
        # inside it stays (the word is split later), any other moves onto
        # the tokens inside the span.
        k = bisect_right(starts, start) - 1
        if k < 0 or not start < ends[k]:
            start = starts[k + 1] if k + 1 < count else len(text)
        k = bisect_right(starts, end) - 1
        if k < 0 or not starts[k] < end < ends[k]:
            last = bisect_right(ends, end) - 1
            end = ends[last] if last >= 0 else 0
        if start >= end:
            _note(report, name, text, span, "no-token")
            continue
        if start != span.start or end != span.end:
            _note(report, name, text, span, "trimmed", f"now {start}-{end} {text[start:end]!r}")
        placed = Placed(start, end, span.label, span)
        # Most edges have no decimal mark before them: no number to look at.
        if text[start - 1:start] in _SEPARATORS or text[end - 1:end] in _SEPARATORS:
            edges = document._number_edges(placed, report)
            if edges != (start, end):
                placed = placed._replace(start=edges[0], end=edges[1])
        document.spans.append(placed)
    return document


def keep_longest(document: AlignedDocument, report: ExportReport,
                 action: str = "overlap") -> list[Placed]:
    """Non-overlapping spans, chosen by the one policy of ``core.overlaps``
    (longest, then earliest, then by label); each span left out is reported,
    under ``action``, with the one that won."""
    resolution = resolve_overlaps(document.spans)
    for span, winner in resolution.left_out:
        _note(report, document.name, document.text, span.original, action,
              f"kept {winner.label} {winner.start}-{winner.end} "
              f"{document.text[winner.start:winner.end]!r}")
    return resolution.kept


def nesting_levels(spans: Sequence[Placed]) -> list[list[Placed]]:
    """``spans`` on levels, none overlapping another of its level: outer
    first (by start, the longer first), each on the lowest level free where
    it starts, so a span inside another is on a deeper level than it. A
    reader of the levels gets every span back (same-type nesting included)."""
    levels: list[list[Placed]] = []
    ends: list[int] = []  # where each level's last span ends
    for span in sorted(spans, key=lambda p: (p.start, -p.end, p.label)):
        level = next((n for n, end in enumerate(ends) if end <= span.start), len(levels))
        if level == len(levels):
            levels.append([])
            ends.append(0)
        levels[level].append(span)
        ends[level] = span.end
    return levels


_WHITESPACE = regex.compile(r"\s+")


def tag_label(label: str, labels: Sequence[str] = ()) -> str:
    """The name a token format writes for ``label``: whitespace would split a
    ``token TAG`` line, so each run of it becomes ``_``, with more ``_`` at the
    end while the name is another of the project's ``labels`` or the name
    given to one before it (``GEO LOC`` and ``GEO  LOC``: never one tag)."""
    names = _tag_labels(tuple(labels))
    if label in names:
        return names[label]
    return _unique(_WHITESPACE.sub("_", label), label, set(labels) | set(names.values()))


@lru_cache(maxsize=8)
def _tag_labels(labels: tuple[str, ...]) -> dict[str, str]:
    """Each of the project's labels' tag name, given in the labels' order."""
    names: dict[str, str] = {}
    taken = set(labels)
    for label in labels:
        names[label] = _unique(_WHITESPACE.sub("_", label), label, taken)
        taken.add(names[label])
    return names


def _unique(safe: str, label: str, taken: set[str]) -> str:
    if safe == label:
        return label
    while safe in taken:
        safe += "_"
    return safe


def rename_labels(document: AlignedDocument, kept: Sequence[Placed], labels: Sequence[str],
                  report: ExportReport) -> list[Placed]:
    """``kept`` with each label a token format can write, every rename reported."""
    out = []
    for span in kept:
        name = tag_label(span.label, labels)
        if name != span.label:
            _note(report, document.name, document.text, span.original, "label-renamed",
                  f"written as {name}")
            span = span._replace(label=name)
        out.append(span)
    return out


def _reaches(spans: Sequence[Placed]) -> tuple[list[int], list[int]]:
    """The spans' starts in order, and for each the furthest end among the
    spans up to it: whether any span before a place reaches past it."""
    ordered = sorted(spans, key=lambda p: (p.start, p.end))
    reach: list[int] = []
    for p in ordered:
        reach.append(max(p.end, reach[-1]) if reach else p.end)
    return [p.start for p in ordered], reach


def _cut(text: str, tokens: Tokens, cuts: set[int]) -> Tokens:
    """``tokens`` with each token a cut falls strictly inside split there."""
    starts, ends = tokens.starts, tokens.ends
    inside: dict[int, list[int]] = {}  # token index -> its cuts, in order
    for cut in sorted(cuts):
        k = bisect_right(starts, cut) - 1
        if k >= 0 and starts[k] < cut < ends[k]:
            inside.setdefault(k, []).append(cut)
    if not inside:
        return tokens
    out = Tokens([], [], [])
    done = 0
    for k, edges in inside.items():
        out.starts += starts[done:k]
        out.ends += ends[done:k]
        out.texts += tokens.texts[done:k]
        edges = [starts[k], *edges, ends[k]]
        # Each piece is tokenized again (U.S cut from U.S. is U . S), so that
        # the tokens read back from a CoNLL file, joined by spaces, are these.
        for a, b in zip(edges, edges[1:]):
            for piece in tokenize(text, a, b):
                out.starts.append(piece.start)
                out.ends.append(piece.end)
                out.texts.append(piece.text)
        done = k + 1
    out.starts += starts[done:]
    out.ends += ends[done:]
    out.texts += tokens.texts[done:]
    return out


def _note(report: ExportReport, name: str, text: str, span: Span, action: str, detail: str = "") -> None:
    report.add(name, span.start, span.end, span.label, text[span.start:span.end], action, detail)
