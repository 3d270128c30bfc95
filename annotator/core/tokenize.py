"""Tokens with their character offsets, for CoNLL-style exports and agreement.

Arabic-aware: words keep their harakat, tatweel and zero-width joiners;
numbers stay whole (2021, 3.5, ٢٠٢١, ٣٫٥); every punctuation mark (، ؛ ؟ « »
and Latin) is a token of its own; an emoji sequence is one token.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_TOKEN = regex.compile(
    r"""
    \p{Nd}+(?:[.,\u066b\u066c]\p{Nd}+)*              # numbers: 2021, 3.5, ٢٠٢١, ٣٫٥
  | [\p{L}\p{M}\u0640][\p{L}\p{M}\u0640\u200c\u200d]*   # words with their marks
  | (?!\s)\X                                          # anything else, one grapheme
    """,
    regex.VERBOSE,
)

SENTENCE_END = frozenset({".", "!", "?", "؟", "…", "۔"})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def split_sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Sentences end after . ! ? ؟ and at line ends."""
    sentences: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if current and "\n" in text[current[-1].end : token.start]:
            sentences.append(current)
            current = []
        current.append(token)
        if token.text in SENTENCE_END:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences
