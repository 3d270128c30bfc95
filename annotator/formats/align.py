"""Spans onto tokens, for the token-based exports (CoNLL, HF, spaCy).

A span edge inside a word splits the word there, so the span keeps its exact
offsets. The common Arabic case, a proclitic (و ف ب ل ك, وب ول فب فل وك فك)
before the span, is split quietly with ``clitics="split"``; with
``clitics="expand"`` the whole word takes the label instead (the ANERcorp and
Wojood convention). Every change lands in the export report.

Tags hold one span per token, so :func:`keep_longest` picks non-overlapping
spans for CoNLL and HF and reports the others.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import regex
from pyarabic import araby

from annotator.core.model import Span
from annotator.core.tagging import Scheme, spans_to_tags
from annotator.core.tokenize import Token, split_sentences, tokenize
from annotator.formats.report import ExportReport

_SINGLE = (araby.WAW, araby.FEH, araby.BEH, araby.LAM, araby.KAF)
PROCLITICS = frozenset(
    _SINGLE + tuple(a + b for a in (araby.WAW, araby.FEH) for b in (araby.BEH, araby.LAM, araby.KAF))
)


def is_proclitic(prefix: str) -> bool:
    """``prefix`` (with any harakat or tatweel) is one proclitic or one pair."""
    return araby.strip_tatweel(araby.strip_tashkeel(prefix)) in PROCLITICS


@dataclass(frozen=True)
class Placed:
    """A span on token boundaries, with the stored span it came from."""

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
    tokens: list[Token]
    spans: list[Placed]  # every span that covers a token, in stored order

    def sentences(self, spans: Iterable[Placed]) -> list[list[Token]]:
        """Sentences (see ``split_sentences``), joined where a span crosses
        their boundary so that no entity is cut in two."""
        raw = split_sentences(self.text, self.tokens)
        starts = [sentence[0].start for sentence in raw]
        crossed: set[int] = set()
        for span in spans:
            first = bisect_right(starts, span.start)
            last = bisect_left(starts, span.end)
            crossed.update(range(first, last))
        merged: list[list[Token]] = []
        for k, sentence in enumerate(raw):
            if k in crossed and merged:
                merged[-1].extend(sentence)
            else:
                merged.append(list(sentence))
        return merged

    def tagged_sentences(self, kept: Sequence[Placed], scheme: Scheme) -> list[tuple[list[Token], list[str]]]:
        """Each sentence's tokens with their tags; ``kept`` must not overlap."""
        ordered = sorted(kept, key=lambda p: p.start)
        out = []
        k = 0
        for sentence in self.sentences(ordered):
            inside = []
            while k < len(ordered) and ordered[k].start < sentence[-1].end:
                inside.append(ordered[k].triple)
                k += 1
            out.append((sentence, spans_to_tags(sentence, inside, scheme)))
        return out


def align(name: str, text: str, spans: Sequence[Span], clitics: str,
          report: ExportReport) -> AlignedDocument:
    """Tokens of ``text``, split where span edges fall inside words, and the
    spans on them. ``spans`` must be within the text (checked by the caller)."""
    tokens = tokenize(text)
    starts = [t.start for t in tokens]

    def inside(position: int) -> Token | None:
        k = bisect_right(starts, position) - 1
        if k >= 0 and tokens[k].start < position < tokens[k].end:
            return tokens[k]
        return None

    cuts: set[int] = set()
    moved: list[tuple[Span, int, int]] = []
    for span in spans:
        start, end = span.start, span.end
        word = inside(start)
        if word is not None:
            if is_proclitic(text[word.start:start]) and clitics == "expand":
                start = word.start
                _note(report, name, text, span, "clitic-expand", f"now {start}-{end} {text[start:end]!r}")
            else:
                cuts.add(start)
                action = "clitic-split" if is_proclitic(text[word.start:start]) else "token-split"
                _note(report, name, text, span, action,
                      f"{word.text!r} split into {text[word.start:start]!r} + {text[start:word.end]!r}")
        word = inside(end)
        if word is not None:
            cuts.add(end)
            _note(report, name, text, span, "token-split",
                  f"{word.text!r} split into {text[word.start:end]!r} + {text[end:word.end]!r}")
        moved.append((span, start, end))

    tokens = _cut(text, tokens, cuts)
    token_starts = [t.start for t in tokens]
    token_ends = [t.end for t in tokens]
    placed: list[Placed] = []
    for span, start, end in moved:
        # An edge on whitespace or outside every token moves to the tokens inside.
        first = bisect_left(token_starts, start)
        last = bisect_right(token_ends, end) - 1
        if first > last or first >= len(tokens):
            _note(report, name, text, span, "no-token")
            continue
        new_start, new_end = tokens[first].start, tokens[last].end
        if (new_start, new_end) != (start, end):
            _note(report, name, text, span, "trimmed",
                  f"now {new_start}-{new_end} {text[new_start:new_end]!r}")
        placed.append(Placed(new_start, new_end, span.label, span))
    return AlignedDocument(name, text, tokens, placed)


def keep_longest(document: AlignedDocument, report: ExportReport,
                 action: str = "overlap") -> list[Placed]:
    """Non-overlapping spans: longest first (then earliest, then by label);
    each span left out is reported, under ``action``, with the one that won."""
    order = sorted(document.spans, key=lambda p: (p.start - p.end, p.start, p.label))
    kept: list[Placed] = []  # sorted by start, so by end too
    kept_starts: list[int] = []
    for span in order:
        k = bisect_left(kept_starts, span.start)
        winner = None
        if k < len(kept) and kept[k].start < span.end:
            winner = kept[k]
        elif k > 0 and kept[k - 1].end > span.start:
            winner = kept[k - 1]
        if winner is None:
            kept.insert(k, span)
            insort(kept_starts, span.start)
        else:
            _note(report, document.name, document.text, span.original, action,
                  f"kept {winner.label} {winner.start}-{winner.end} "
                  f"{document.text[winner.start:winner.end]!r}")
    return kept


_WHITESPACE = regex.compile(r"\s+")


def tag_label(label: str, labels: Sequence[str] = ()) -> str:
    """The name a token format writes for ``label``: whitespace would split a
    ``token TAG`` line, so each run of it becomes ``_`` (with more ``_`` at the
    end while the name is another of the project's ``labels``)."""
    safe = _WHITESPACE.sub("_", label)
    if safe == label:
        return label
    while safe in labels:
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
            span = replace(span, label=name)
        out.append(span)
    return out


def _cut(text: str, tokens: list[Token], cuts: set[int]) -> list[Token]:
    if not cuts:
        return tokens
    ordered = sorted(cuts)
    out: list[Token] = []
    for token in tokens:
        k = bisect_right(ordered, token.start)
        edges = [token.start]
        while k < len(ordered) and ordered[k] < token.end:
            edges.append(ordered[k])
            k += 1
        edges.append(token.end)
        out.extend(Token(a, b, text[a:b]) for a, b in zip(edges, edges[1:]))
    return out


def _note(report: ExportReport, name: str, text: str, span: Span, action: str, detail: str = "") -> None:
    report.add(name, span.start, span.end, span.label, text[span.start:span.end], action, detail)
