"""Which column of a token-per-line file is the token and which hold tags.

Published files differ: ``token TAG`` (our export, WikiANN), ``token POS
chunk NER`` (CoNLL-2003), an index column first (``0<TAB>Donald<TAB>B-PER``,
CoNLL-U-like files), several tag columns. Several tag columns are read only
when they are nesting levels, outer first (Wojood: ``جامعة I-ORG B-ORG``, a
different number per line allowed; or a fixed number of levels where an inner
entity always lies inside an outer one). Two tag columns that do not nest (a
gold and a predicted column, as in conlleval's and seqeval's files) and a file
whose only tags are chunks (CoNLL-2000: NP, VP, PP) are refused with a message
naming the columns found and the ``--columns`` option that chooses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from annotator.core.tagging import OUTSIDE, tags_to_spans
from annotator.core.tokenize import Token

TAG = regex.compile(r"O|[BIESLU]-\S+")
# CoNLL-2000 chunk types: a tag column with only these is chunks, not entities.
CHUNK_LABELS = frozenset({"NP", "VP", "PP", "ADJP", "ADVP", "SBAR", "PRT", "INTJ", "CONJP",
                          "LST", "UCP"})
_INTEGER = regex.compile(r"\d+")
_OPTION_PART = regex.compile(r"\s*(token|tags?)\s*=\s*(\d+)(?:\s*(-)\s*(\d+)?)?\s*")
COLUMNS_HELP = ("--columns token=N,tag=M (1-based column numbers; tag=M-K for nesting "
                "levels, outer first; tag=M- for every column from M to the end of the line)")


def is_tag(value: str) -> bool:
    return TAG.fullmatch(value) is not None


@dataclass(frozen=True)
class Layout:
    """0-based columns. ``tags_to_end``: the last tag column runs on to the
    end of each line (levels of nesting, as many as the line has)."""

    token: int
    tags: tuple[int, ...]
    index: int | None = None
    tags_to_end: bool = False
    width: int | None = None  # every line has this many columns (when detected)

    def tag_values(self, parts: list[str]) -> list[str]:
        """The line's tags, outer level first (levels a line lacks are O)."""
        if self.tags_to_end:
            return parts[self.tags[0]:]
        return [parts[c] if c < len(parts) else OUTSIDE for c in self.tags]

    def min_columns(self) -> int:
        return max(self.token, *self.tags) + 1 if not self.tags_to_end else max(self.token, self.tags[0]) + 1

    def describe(self) -> str:
        tags = (f"columns {self.tags[0] + 1} to the end of the line (nesting levels, outer first)"
                if self.tags_to_end else
                f"column {self.tags[0] + 1}" if len(self.tags) == 1 else
                f"columns {', '.join(str(c + 1) for c in self.tags)} (nesting levels, outer first)")
        index = f", an index in column {self.index + 1}" if self.index is not None else ""
        return f"token in column {self.token + 1}, tags in {tags}{index}"


def parse_columns(option: str) -> Layout:
    """``token=2,tag=3`` (or ``tag=3-5``, ``tag=3-``) as a :class:`Layout`;
    ValueError saying what is wrong."""
    token = None
    tags: tuple[int, ...] = ()
    to_end = False
    for part in option.split(","):
        match = _OPTION_PART.fullmatch(part)
        if match is None:
            raise ValueError(f"--columns {option!r}: expected {COLUMNS_HELP}")
        key, first, dash, last = match.groups()
        first = int(first)
        if first < 1:
            raise ValueError(f"--columns {option!r}: columns are counted from 1")
        if key == "token":
            if dash:
                raise ValueError(f"--columns {option!r}: the token is one column")
            token = first - 1
        elif dash and last is None:
            tags, to_end = (first - 1,), True
        else:
            last = int(last) if last else first
            if last < first:
                raise ValueError(f"--columns {option!r}: {first}-{last} runs backwards")
            tags = tuple(range(first - 1, last))
    if token is None or not tags:
        raise ValueError(f"--columns {option!r}: name both the token and the tag column: "
                         f"{COLUMNS_HELP}")
    if token in tags or (to_end and token >= tags[0]):
        raise ValueError(f"--columns {option!r}: the token column cannot be a tag column")
    return Layout(token, tags, tags_to_end=to_end)


@dataclass
class Row:
    line: int
    parts: list[str]
    sentence: int  # rows of one sentence share it


class LayoutError(ValueError):
    """The layout cannot be told, or is refused; the message says why and how to choose."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def detect(rows: list[Row]) -> Layout:
    """The layout of ``rows`` (data lines, no comments or blanks), or
    :class:`LayoutError`."""
    counts = Counter(len(r.parts) for r in rows)
    width, _ = counts.most_common(1)[0]
    if width < 2 and len(counts) == 1:
        raise LayoutError("expected a token and a tag, separated by a space or a tab",
                          rows[0].line)
    if len(counts) > 1 and _nesting_to_end(rows):
        return Layout(0, (1,), tags_to_end=True)
    if width == 2:
        same = [r for r in rows if len(r.parts) == 2]
        if _mostly_tags(same, 0) and not _mostly_tags(same, 1):
            return Layout(1, (0,))  # TAG token
        return Layout(0, (1,))  # token TAG: nothing to choose
    same = [r for r in rows if len(r.parts) == width]
    index = 0 if _counts_up(same, 0) else None
    candidates = [c for c in range(width) if c != index and _mostly_tags(same, c)]
    token = next((c for c in range(width) if c != index and c not in candidates), None)
    if token is None:
        raise LayoutError(f"no column holds the tokens (columns found: {_shown(same, width)}); "
                          f"choose with {COLUMNS_HELP}")
    candidates = [c for c in candidates if c > token]
    if not candidates:
        raise LayoutError(f"no tag column (O, B-, I-, E-, S- and a label) among the {width} "
                          f"columns ({_shown(same, width)}); choose with {COLUMNS_HELP}")
    entities = [c for c in candidates if not _chunks(same, c)]
    if not entities:
        cols = _and(str(c + 1) for c in candidates)
        what = (f"column {cols} holds" if len(candidates) == 1 else
                f"columns {cols} hold")
        why = ("a CoNLL-2000 chunking file?" if len(candidates) == 1 else
               "chunks and something else, or a gold and a predicted column?")
        raise LayoutError(
            f"{what} chunk tags ({_labels(same, candidates[0])}), not named entities ({why}); "
            f"to import them anyway choose one with --columns token={token + 1},"
            f"tag={candidates[0] + 1}")
    if len(entities) > 1:
        problem = _not_nested(same, entities)
        if problem:
            cols = _and(f"{c + 1} ({_labels(same, c)})" for c in entities)
            raise LayoutError(
                f"columns {cols} {'both' if len(entities) == 2 else 'all'} hold tags but do not nest ({problem}): a gold and a "
                f"predicted column? Choose one with --columns token={token + 1},"
                f"tag={entities[0] + 1} (or tag={entities[0] + 1}-{entities[-1] + 1} to read "
                "them as nesting levels, outer first)")
    return Layout(token, tuple(entities), index=index, width=width)


def _and(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _nesting_to_end(rows: list[Row]) -> bool:
    """Wojood's shape: a token, then one tag per nesting level, as many as the
    line needs (every column after the first is a tag on nearly every line)."""
    good = sum(1 for r in rows if len(r.parts) >= 2 and all(is_tag(p) for p in r.parts[1:]))
    return good >= 0.95 * len(rows)


def _counts_up(rows: list[Row], column: int) -> bool:
    """An index column: whole numbers, each one more than the last within a sentence."""
    previous: dict[int, int] = {}
    for row in rows:
        value = row.parts[column]
        if not _INTEGER.fullmatch(value):
            return False
        number = int(value)
        if row.sentence in previous and number != previous[row.sentence] + 1:
            return False
        previous[row.sentence] = number
    return True


def _mostly_tags(rows: list[Row], column: int) -> bool:
    good = sum(1 for r in rows if is_tag(r.parts[column]))
    return good >= 0.9 * len(rows)


def _chunks(rows: list[Row], column: int) -> bool:
    labels = {r.parts[column][2:] for r in rows if r.parts[column] != OUTSIDE and is_tag(r.parts[column])}
    return bool(labels) and labels <= CHUNK_LABELS


def _labels(rows: list[Row], column: int, most: int = 4) -> str:
    labels = Counter(r.parts[column][2:] for r in rows
                     if r.parts[column] != OUTSIDE and is_tag(r.parts[column]))
    shown = [label for label, _ in labels.most_common(most)]
    return ", ".join(shown) + (", ..." if len(labels) > most else "") if shown else "only O"


def _shown(rows: list[Row], width: int) -> str:
    first = rows[0].parts
    return ", ".join(f"{c + 1}: {first[c]!r}" for c in range(width))


def _not_nested(rows: list[Row], columns: list[int]) -> str | None:
    """What shows that ``columns`` are not nesting levels, outer first, or None.

    An inner entity lies inside an outer one and is never the very same
    entity; a predicted column differs from the gold one where a prediction
    went wrong and equals it everywhere else."""
    by_sentence: dict[int, list[Row]] = {}
    for row in rows:
        by_sentence.setdefault(row.sentence, []).append(row)
    for sentence in by_sentence.values():
        tokens = [Token(i, i + 1, r.parts[0]) for i, r in enumerate(sentence)]
        for outer, inner in zip(columns, columns[1:]):
            for row in sentence:
                if row.parts[inner] != OUTSIDE and row.parts[outer] == OUTSIDE:
                    return f"line {row.line} has a tag in column {inner + 1} but O in column {outer + 1}"
            outer_spans = set(tags_to_spans(tokens, [r.parts[outer] if is_tag(r.parts[outer]) else OUTSIDE for r in sentence]))
            for span in tags_to_spans(tokens, [r.parts[inner] if is_tag(r.parts[inner]) else OUTSIDE for r in sentence]):
                if span in outer_spans:
                    return (f"line {sentence[span[0]].line}: columns {outer + 1} and {inner + 1} "
                            f"tag the same {span[2]} entity")
    return None


def looks_like_token_lines(text: str) -> bool:
    """Token-per-line content with tags: nearly every line that is not blank,
    a comment or a document separator has 2 to 12 columns with a tag after the
    first. Prose never looks like that.

    So does a file of tokens whose tags this reader does not know (``LOC``
    without ``B-``, ``b-per``) or with a few bad lines: most lines have 2 to
    12 columns, and one last column (``O``) ends a good share of them, as the
    last word of prose lines never does. Read as CoNLL, its lines are
    refused by number; read as prose, it became one document of tags."""
    lines = [line.split() for line in text.split("\n")]
    data = [parts for parts in lines if parts and not parts[0].startswith(("#", "-DOCSTART-"))]
    if len(data) < 2:
        return False
    columns = [parts for parts in data if 2 <= len(parts) <= 12]
    tagged = sum(1 for parts in columns if any(is_tag(p) for p in parts[1:]))
    if tagged >= 0.9 * len(data):
        return True
    if len(data) < 3 or len(columns) < 0.75 * len(data):
        return False
    commonest = Counter(parts[-1] for parts in columns).most_common(1)[0][1]
    return commonest >= 0.3 * len(data)
