"""Which of many labelled names could occur in a text, told without matching
each one: ``annotator suggest --mentions`` looks for every name of a project
in every document, and most names are in few documents.

The screen lets through every name that
:func:`annotator.suggest.mentions.match_name` could find, and more: a name
passes when the text has a word its first word could be read as (the same
key after clitics, an inflected Latin word with the same first letters, a
spelling variant, the name written as two words), or holds the name without
the proclitic it was labelled with. What passes is then matched as before,
so screening changes what is found in no case, only how soon.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from annotator.suggest import variants
from annotator.suggest.words import PREFIX, WordIndex, name_words

# Where screening pays: each name matched costs about what the screen costs
# a text, so a few names are matched directly.
SCREEN_FROM = 16


def most_letters_apart(length: int) -> int:
    """How many letters a word of ``length`` may have beyond the longest
    subsequence it shares with a word whose Indel similarity to it is at
    least ``variants.MIN_SIMILARITY``.

    With s and t letters beyond the common subsequence L on either side,
    similarity 1 - (s + t) / (2L + s + t) >= 1 - c gives t <= 2c / (1 + c)
    of the word's length (c = 1 - MIN_SIMILARITY); a little more is taken,
    which only lets more through."""
    c = 1 - variants.MIN_SIMILARITY
    return int(2 * c * length / (1 + c) + 1e-6)


def deletions(word: str, most: int) -> set[str]:
    """``word`` and every string made from it by taking out up to ``most``
    letters. Two words close enough to be variants share one: their common
    subsequence (the symmetric-delete idea of spelling correctors)."""
    found = {word}
    layer = {word}
    for _ in range(most):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        found |= layer
    return found


# Deletions grow as a word's length to the power of the letters taken out,
# so a name whose first word is longer than this always passes the variant
# screen. Then a text's words need at most two out: a name of at most this
# many letters shares at most 2c / (1 - c) of them less with a variant,
# under three letters.
LONGEST_SCREENED = 10
_MOST_FROM_TEXT = 2


@lru_cache(maxsize=1 << 16)
def variant_keys_of(skeleton: str, most: int = _MOST_FROM_TEXT) -> frozenset[str]:
    """The deletions a skeleton may share with a variant's (a text's words
    come back document after document: kept)."""
    return frozenset(deletions(skeleton, min(most, most_letters_apart(len(skeleton)))))


class NameScreen:
    """The first words of a list of ``(surface, label)`` names, indexed the
    ways a text's words can be looked up in."""

    def __init__(self, names: Sequence[tuple[str, str]]):
        self.by_first: dict[str, list[int]] = {}  # first word's key
        self.by_prefix: dict[str, list[int]] = {}  # its first letters (inflected forms)
        self.by_variant: dict[str, list[int]] = {}  # its skeleton's deletions
        self.long: list[int] = []  # first words too long to screen for variants
        self.by_rest: dict[str, list[int]] = {}  # first word after a labelled proclitic
        for i, (surface, _) in enumerate(names):
            words = name_words(surface)
            if not words:
                continue
            first = words[0]
            self.by_first.setdefault(first, []).append(i)
            if len(first) >= PREFIX:
                self.by_prefix.setdefault(first[:PREFIX], []).append(i)
            if len(first) > LONGEST_SCREENED:
                self.long.append(i)
            elif len(first) >= variants.MIN_LENGTH:
                for key in variant_keys_of(variants.skeleton(first), LONGEST_SCREENED):
                    self.by_variant.setdefault(key, []).append(i)
            for rest in proclitic_rests(surface):
                rest_words = name_words(rest)
                if rest_words:
                    self.by_rest.setdefault(rest_words[0], []).append(i)

    def possible(self, index: WordIndex) -> list[int]:
        """The indexes of the names that may occur in the indexed text, in order."""
        found: set[int] = set()
        _gather(found, self.by_first, index.by_key)
        _gather(found, self.by_first, index.joined_pairs())  # one name in two words
        _gather(found, self.by_prefix, index.by_prefix)
        _gather(found, self.by_rest, index.word_keys())
        keys, skeletons = index.variant_choices()
        for skeleton in skeletons:
            _gather(found, self.by_variant, variant_keys_of(skeleton))
        if skeletons:
            found.update(self.long)
        return sorted(found)


def _gather(found: set[int], names_by: dict[str, list[int]], keys: Iterable[str]) -> None:
    for key in keys:
        names = names_by.get(key)
        if names:
            found.update(names)


@lru_cache(maxsize=4096)
def proclitic_rests(surface: str) -> tuple[str, ...]:
    """The name without the proclitic (or pair) it was labelled with
    (وكازاخستان: كازاخستان), shortest proclitic first; none for a name that
    does not begin with one."""
    from annotator.core.word_edges import is_clitic_boundary  # pyarabic: at first use

    return tuple(surface[k:] for k in (1, 2) if is_clitic_boundary(surface, k))


@lru_cache(maxsize=8)
def screen_of(names: tuple[tuple[str, str], ...]) -> NameScreen:
    """The screen of a list of names, kept while the same list is asked for
    in one document after another."""
    return NameScreen(names)
