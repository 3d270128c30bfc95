"""A text read once as words with a folded key each, for matching names.

The key of a word ignores what a reader ignores when looking for a name:
harakat and tatweel, the forms of hamza and alef, ى/ي, ة/ه, Arabic-Indic
digits, and case in Latin script. Each character of a key remembers the
offset it came from, so a match maps back to the original text exactly.

An Arabic word may carry proclitics (و ف ب ل ك, their pairs) before the
name, and لل is ل + ال (للصين is ل + الصين): :func:`clitic_readings` gives
every way of reading the word as a name after its clitics.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from annotator.core.search import search_key
from annotator.core.tokenize import PROCLITICS
from annotator.suggest import variants

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u0640]+")
_ARABIC = regex.compile(r"\p{Arabic}")
# Folds beyond core.search's: ة/ه and the digits, one character for one,
# so the origins of the key stay aligned.
_EXTRA = str.maketrans({"\u0629": "\u0647", **{chr(0x0660 + d): str(d) for d in range(10)},
                        **{chr(0x06F0 + d): str(d) for d in range(10)}})
# The rest of a word after its clitics must still be a word.
_MIN_REST = 2
_LAM, _ALEF = "\u0644", "\u0627"
_ARTICLE = _ALEF + _LAM


def fold(text: str) -> tuple[str, list[int]]:
    """The key of ``text`` and, for each key character, its index in ``text``."""
    key, origin = search_key(text)
    return key.translate(_EXTRA), origin


# A project's names are looked for in document after document: kept.
@lru_cache(maxsize=1 << 14)
def name_words(surface: str) -> tuple[str, ...]:
    """The folded words of a name (hyphens and spaces both separate)."""
    return tuple(w for w in (fold(m.group())[0] for m in _WORD.finditer(surface)) if w)


@lru_cache(maxsize=1 << 14)
def name_words_as_written(surface: str) -> tuple[str, ...]:
    """The words of :func:`name_words`, each as the name writes it."""
    return tuple(m.group() for m in _WORD.finditer(surface) if fold(m.group())[0])


@dataclass(frozen=True)
class Word:
    start: int  # original offsets of the whole word
    end: int
    key: str
    origin: tuple[int, ...]
    arabic: bool


@dataclass(frozen=True)
class Reading:
    """A word read as a name after its clitics: ``key`` is compared with the
    name, and the span starts at the key's character ``at``."""

    key: str
    at: int
    clitic: bool


def clitic_readings(word: Word) -> list[Reading]:
    readings = [Reading(word.key, 0, False)]
    if not word.arabic:
        return readings
    key = word.key
    for prefix in PROCLITICS:
        if key.startswith(prefix) and len(key) - len(prefix) >= _MIN_REST:
            readings.append(Reading(key[len(prefix):], len(prefix), True))
    # لل (after و or ف too): the article's alef is not written; the span
    # starts at the article's ل so the export splits ل off as a clitic.
    for before in ("", "\u0648", "\u0641"):
        lead = before + _LAM + _LAM
        if key.startswith(lead) and len(key) - len(lead) >= _MIN_REST:
            readings.append(Reading(_ALEF + key[len(before) + 1:], len(before) + 1, True))
    return readings


class WordIndex:
    """The words of one text and lookups by key."""

    def __init__(self, text: str):
        self.text = text
        self._variant_choices: tuple[list[str], list[str]] | None = None
        self._word_keys: frozenset[str] | None = None
        self._joined_pairs: frozenset[str] | None = None
        self.words: list[Word] = []
        self.by_key: dict[str, list[tuple[int, Reading]]] = {}
        self.by_prefix: dict[str, list[int]] = {}  # Latin words by their first letters
        for match in _WORD.finditer(text):
            key, origin = fold(match.group())
            if not key:
                continue
            start = match.start()
            word = Word(start, match.end(), key, tuple(start + o for o in origin),
                        _ARABIC.match(match.group()) is not None)
            index = len(self.words)
            self.words.append(word)
            for reading in clitic_readings(word):
                self.by_key.setdefault(reading.key, []).append((index, reading))
            if not word.arabic and len(key) >= PREFIX:
                self.by_prefix.setdefault(key[:PREFIX], []).append(index)

    def variant_choices(self) -> tuple[list[str], list[str]]:
        """The keys long enough to have variants, and their skeletons."""
        if self._variant_choices is None:
            keys = [k for k in self.by_key if len(k) >= variants.MIN_LENGTH]
            self._variant_choices = (keys, [variants.skeleton(k) for k in keys])
        return self._variant_choices

    def word_keys(self) -> frozenset[str]:
        """The keys of the words as written (no clitic taken off)."""
        if self._word_keys is None:
            self._word_keys = frozenset(word.key for word in self.words)
        return self._word_keys

    def joined_pairs(self) -> frozenset[str]:
        """Each word's readings joined to the next word's key, where only
        spaces lie between them: a one-word name written in two words."""
        if self._joined_pairs is None:
            pairs = set()
            for key, readings in self.by_key.items():
                for i, _ in readings:
                    if i + 1 < len(self.words) and self.gap(i, i + 1).strip(" \t\u00a0") == "":
                        pairs.add(key + self.words[i + 1].key)
            self._joined_pairs = frozenset(pairs)
        return self._joined_pairs

    def gap(self, left: int, right: int) -> str:
        """The characters between two neighbouring words."""
        return self.text[self.words[left].end:self.words[right].start]

    def span_start(self, index: int, reading: Reading) -> int:
        return self.words[index].origin[reading.at]


PREFIX = 4  # letters a Latin word and its inflected forms share


@lru_cache(maxsize=4)
def word_index(text: str) -> WordIndex:
    """The index of ``text``, kept for the last few texts: labelling one name
    after another in a document reads the document once."""
    return WordIndex(text)
