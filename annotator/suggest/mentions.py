"""Every other mention of a labelled name: once an annotator has labelled a
surface (شي جين بينغ as PERSON), the other places where the same name occurs
are proposed with the same label.

This is the one entry point the window and ``annotator suggest --mentions``
call. A mention is matched word by word on folded keys (see
:mod:`annotator.suggest.words`): after Arabic proclitics and لل, in another
case of an inflected language (:mod:`annotator.suggest.inflection`), or
spelled another way (:mod:`annotator.suggest.variants`, lower confidence).
Short forms (a family name, a Chinese surname, an acronym in brackets) come
from :mod:`annotator.suggest.short_forms`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex
from rapidfuzz import process
from rapidfuzz.distance import Indel

from annotator.core.model import Span
from annotator.core.overlaps import resolve_overlaps
from annotator.suggest import short_forms, variants
from annotator.suggest.common_words import is_function_word, same_as_written
from annotator.suggest.inflection import same_word
from annotator.suggest.name_screen import SCREEN_FROM, proclitic_rests, screen_of
from annotator.suggest.words import (
    PREFIX,
    WordIndex,
    name_words,
    name_words_as_written,
    word_index,
)

EXACT, INFLECTED, VARIANT = 0, 1, 2
CONFIDENCE = {EXACT: 1.0, INFLECTED: 0.95, VARIANT: 0.6}
SHORT_CONFIDENCE = {EXACT: 0.85, INFLECTED: 0.8, VARIANT: 0.5}

_MIN_PART = 3  # each half of a name written in two words
# Between two words of one name: spaces or a hyphen, never a line break.
_NAME_GAP = regex.compile(r"[ \t\u00a0]*[-\u2010\u2011][ \t\u00a0]*|[ \t\u00a0]+")
_SENTENCE_END = regex.compile(r"(?:^|[.!?؟…:\n])[\s\"'„”«»]*$")  # on the few characters before


@dataclass(frozen=True)
class Proposal:
    """A span the tool proposes, why, and how sure it is (0 to 1)."""

    span: Span
    reason: str
    confidence: float = 1.0
    name: int = 0  # which of the names asked for it mentions


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    level: int
    first_word: int  # index of the word the match starts in


def _word_level(name_word: str, key: str, arabic: bool, lang: str) -> int | None:
    if name_word == key:
        return EXACT
    if not arabic and same_word(name_word, key, lang):
        return INFLECTED
    if variants.is_variant(name_word, key):
        return VARIANT
    return None


def _first_word_candidates(index: WordIndex, first: str, lang: str,
                           with_variants: bool) -> dict[tuple[int, int], tuple[int, int]]:
    """(word, key offset) -> (level, key offset) for the name's first word."""
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for i, reading in index.by_key.get(first, ()):
        found[(i, reading.at)] = (EXACT, reading.at)
    if len(first) >= PREFIX:
        for i in index.by_prefix.get(first[:PREFIX], ()):
            if (i, 0) not in found and same_word(first, index.words[i].key, lang):
                found[(i, 0)] = (INFLECTED, 0)
    if with_variants and len(first) >= variants.MIN_LENGTH:
        named = {i for i, _ in found}
        name = variants.skeleton(first)
        for key in _variant_keys(index, first):
            for i, reading in index.by_key[key]:
                if i in named:  # والصين is الصين after و, not a variant
                    continue
                whole = variants.skeleton(index.words[i].key)
                if reading.clitic and name in whole and variants.skeleton(reading.key) != name:
                    continue  # (و)كازاخستاني: the name and a suffix, not (و)ك and a variant
                found.setdefault((i, reading.at), (VARIANT, reading.at))
    return found


def _variant_keys(index: WordIndex, word: str) -> list[str]:
    keys, skeletons = index.variant_choices()
    hits = process.extract(variants.skeleton(word), skeletons, scorer=Indel.normalized_similarity,
                           score_cutoff=variants.MIN_SIMILARITY, limit=None)
    return [keys[k] for _, _, k in hits if variants.is_variant(word, keys[k])]


def match_name(text: str, surface: str, lang: str = "", with_variants: bool = True) -> list[Match]:
    """Every whole-word occurrence of the name ``surface`` in ``text``."""
    words = name_words(surface)
    if not words:
        return []
    written = name_words_as_written(surface)
    index = word_index(text)
    matches = []
    for (i, _), (level, at) in _first_word_candidates(index, words[0], lang, with_variants).items():
        last = i + len(words) - 1
        if last >= len(index.words):
            continue
        for j in range(1, len(words)):
            word = index.words[i + j]
            if _NAME_GAP.fullmatch(index.gap(i + j - 1, i + j)) is None:
                level = None
                break
            word_level = _word_level(words[j], word.key, word.arabic, lang)
            if word_level is None or (word_level == VARIANT and not with_variants):
                level = None
                break
            level = max(level, word_level)
        if level is None:
            continue
        if not _same_case(text, index, i, written):
            continue
        if _a_little_word(text, index, i, written):
            continue
        matches.append(Match(index.words[i].origin[at], index.words[last].end, level, i))
    if with_variants and len(words) == 1:
        matches.extend(_split_in_two(index, words[0]))
    return sorted(matches, key=lambda m: m.start)


def _split_in_two(index: WordIndex, word: str) -> list[Match]:
    """A one-word name written as two words (نزارباييف as نزار باييف): a variant."""
    if len(word) < variants.MIN_LENGTH + 1:
        return []
    found = []
    for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        for i, reading in index.by_key.get(head, ()):
            if (i + 1 < len(index.words) and index.words[i + 1].key == tail
                    and index.gap(i, i + 1).strip(" \t\u00a0") == ""):
                found.append(Match(index.words[i].origin[reading.at], index.words[i + 1].end,
                                   VARIANT, i))
    return found


def _same_case(text: str, index: WordIndex, first: int, written: list[str]) -> bool:
    """A capitalized Latin name matches only capitalized words, and a word
    written in capitals (XI, a Roman numeral; an acronym) only a name so written."""
    for j, name_word in enumerate(written):
        word = index.words[first + j]
        if word.arabic:
            continue
        if name_word[:1].isupper() and not text[word.start].isupper():
            return False
        found = text[word.start:word.end]
        if len(found) > 1 and found.isupper() and not name_word.isupper():
            return False
    return True


def _a_little_word(text: str, index: WordIndex, first: int, written: list[str]) -> bool:
    """A word of the match is an Arabic little word (على, بين) that the name
    does not spell letter for letter: folding made them alike, nothing more."""
    for j, name_word in enumerate(written):
        word = index.words[first + j]
        found = text[word.start:word.end]
        if word.arabic and is_function_word(found) and not same_as_written(found, name_word):
            return True
    return False


def _starts_sentence(text: str, start: int) -> bool:
    return _SENTENCE_END.search(text[max(0, start - 5):start]) is not None


def find_mentions(text: str, names: Sequence[tuple[str, str]], lang: str = "",
                  short: bool = True, with_variants: bool = True) -> list[Proposal]:
    """Where in ``text`` each labelled ``(surface, label)`` occurs again, by
    position, without overlaps. The labelled places themselves are included:
    the caller leaves out what the annotator has already marked.

    ``short`` adds the short forms of issue 17 (a family name, a Chinese
    surname, an acronym in brackets); ``with_variants`` the spellings that
    differ (lower confidence)."""
    proposals: list[Proposal] = []
    candidates = range(len(names))
    if len(names) >= SCREEN_FROM:  # the names that may be here, matched alone
        candidates = screen_of(tuple(names)).possible(word_index(text))
    for i in candidates:
        surface, label = names[i]
        full = match_name(text, surface, lang, with_variants)
        bare = _without_its_proclitic(text, surface)
        if bare is not None:
            full += match_name(text, bare, lang, with_variants)
        for m in full:
            reason = f"variant of «{surface}»" if m.level == VARIANT else f"mention of «{surface}»"
            proposals.append(Proposal(Span(m.start, m.end, label), reason, CONFIDENCE[m.level], i))
        if short:
            proposals.extend(replace(p, name=i) for p in
                             _short_proposals(text, surface, label, lang, full, with_variants))
    # Of proposals at one place the surest is kept; of overlapping ones the longest.
    proposals.sort(key=lambda p: -p.confidence)
    kept = resolve_overlaps(proposals, lambda p: (p.span.start, p.span.end, p.span.label)).kept
    return kept


def _without_its_proclitic(text: str, surface: str) -> str | None:
    """A name labelled with the proclitic before it (وكازاخستان: a double-click
    takes the word whole), without it, when the text also writes its first
    word alone (كازاخستان): the mentions of that are the name's too, where
    only the ones after و were proposed."""
    rests = proclitic_rests(surface)
    if not rests:
        return None
    keys = word_index(text).word_keys()
    for rest in rests:  # a proclitic, then a pair (وب)
        words = name_words(rest)
        if words and words[0] in keys:
            return rest
    return None


def _short_proposals(text: str, surface: str, label: str, lang: str, full: list[Match],
                     with_variants: bool) -> list[Proposal]:
    named = [m for m in full if m.level != VARIANT]
    if not named:
        return []
    after = named[0].start  # news gives the full name first, then the short form
    reason = f"short form of «{surface}»"
    out: list[Proposal] = []
    family = short_forms.short_name(surface, label)
    if family is not None:
        guarded = short_forms.needs_context(family, lang)
        for m in match_name(text, family, lang, with_variants):
            if m.start < after:
                continue
            if guarded and (regex.match(r"\p{Arabic}", text[m.start]) or _starts_sentence(text, m.start)):
                continue
            out.append(Proposal(Span(m.start, m.end, label), reason, SHORT_CONFIDENCE[m.level]))
    if label in short_forms.ACRONYM_LABELS:
        for m in named:
            found = short_forms.acronym_after(text, m.end)
            if found is None:
                continue
            acronym, at = found
            if not short_forms.abbreviates(acronym, surface, text[max(0, m.start - 40):m.start]):
                break
            for a in match_name(text, acronym, lang, with_variants=False):
                if a.start >= at and a.level == EXACT:
                    out.append(Proposal(Span(a.start, a.end, label), reason, SHORT_CONFIDENCE[EXACT]))
            break
    return out
