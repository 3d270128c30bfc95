"""Tokens with their character offsets, for CoNLL-style exports and agreement.

Arabic-aware: words keep their harakat, tatweel and zero-width joiners and
a Latin word may hold digits (H1N1; و٢٠٢١ is و and a number); numbers stay whole (2021, 3.5, .5, 1,000, ٢٠٢١, ٣٫٥);
URLs, e-mail addresses and domain names (arabic.news.cn) are one token each;
abbreviations of short pieces each followed by a dot (U.S., U.N., m.in.,
p.n.e.) and initials (J.) are one token; every other punctuation mark (، ؛ ؟ « » and Latin) is
a token of its own; an emoji sequence is one token.

Sentences: see :func:`split_sentences` (abbreviations from the Moses
lists for Polish and English end none).

Why the regex module and not pyarabic's tokenizer: ``araby.tokenize`` gives no
offsets, and ``araby.tokenize_with_location`` drops punctuation and emoji and
splits 3.5 at its dot, while exports need every character's token and its
offsets. pyarabic is used where it is good: proclitics, tashkeel and tatweel
(:func:`is_proclitic`, ``core.text``).

Every token read alone gives itself back, and so do the pieces of a number
split at a span edge before its decimal mark (3 | .5): a CoNLL file (tokens
joined by spaces) reads back into the same tokens and sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from functools import lru_cache, partial
from operator import attrgetter
from typing import NamedTuple

import regex
from pyarabic import araby

SEPARATORS = ".,\u066b\u066c"  # decimal and thousands marks, Latin and Arabic

_TOKENS = r"""
    (?:https?://|www\.)[^\s<>"«»]*[^\s<>"«».,;:!?)\]}'،؛؟]   # URLs, without a closing mark
  | [\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+   # e-mail addresses
  | [\p{Latin}\p{N}][\p{Latin}\p{N}-]+(?:\.[\p{Latin}\p{N}-]+)*\.[a-z]{2,6}(?![\p{L}\p{N}])  # domains
  | (?:\p{L}\p{M}*){1,3}\.(?:(?:\p{L}\p{M}*){1,3}\.)+        # abbreviations: U.S., m.in.
  | \p{Lu}\p{M}*\.                                     # initials: J. R. R. Tolkien
  | [SEP]?\p{Nd}+(?:[SEP]\p{Nd}+)*                        # numbers: 2021, 3.5, .5, ٣٫٥
  | \p{Latin}[\p{Latin}\p{M}]*\p{Nd}[\p{Latin}\p{M}\p{Nd}]*   # Latin letters and digits: H1N1
  | [\p{L}\p{M}\u0640][\p{L}\p{M}\u0640\u200c\u200d]*        # words with their marks
  | (?!\s)\X                                             # anything else, one grapheme
""".replace("SEP", regex.escape(SEPARATORS))
# Only for speed, tried first: a run of letters that no alternative above
# could begin to match (nothing after it makes it an e-mail, a domain, an
# abbreviation or a word with digits) is the word "words with their marks"
# matches. Tokens are the same with or without it (a test holds them so).
_PLAIN_WORD = r"[\p{L}\p{M}\u0640][\p{L}\p{M}\u0640\u200c\u200d]*+(?![.\-_%+@:\p{N}])"
_TOKEN = regex.compile(f"{_PLAIN_WORD}\n  | {_TOKENS}", regex.VERBOSE)
_NUMBER = regex.compile(
    r"[SEP]?\p{Nd}+(?:[SEP]\p{Nd}+)*".replace("SEP", regex.escape(SEPARATORS)))

SENTENCE_END = frozenset({".", "!", "?", "؟", "…", "۔"})


def is_number(token: str) -> bool:
    return _NUMBER.fullmatch(token) is not None


# Arabic proclitics written joined to the next word: و ف ب ل ك and the pairs
# وب ول فب فل وك فك (والصين is و + الصين).
_SINGLE = (araby.WAW, araby.FEH, araby.BEH, araby.LAM, araby.KAF)
PROCLITICS = frozenset(
    _SINGLE + tuple(a + b for a in (araby.WAW, araby.FEH) for b in (araby.BEH, araby.LAM, araby.KAF))
)


def is_proclitic(prefix: str) -> bool:
    """``prefix`` (with any harakat or tatweel) is one proclitic or one pair."""
    return araby.strip_tatweel(araby.strip_tashkeel(prefix)) in PROCLITICS


class Token(NamedTuple):
    """A token and its offsets (a named tuple: exports make hundreds of
    thousands of them, and a tuple is the cheapest to make)."""

    start: int
    end: int
    text: str


_CACHED_TEXTS = 64  # whole texts whose tokens are kept, most recent last
_cache: OrderedDict[str, tuple[Token, ...]] = OrderedDict()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    if start == 0 and end is None:
        return list(_whole_text_tokens(text))
    end = len(text) if end is None else end
    return [Token(*m.span(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _whole_text_tokens(text: str) -> tuple[Token, ...]:
    """A whole text is tokenized once while it is among the last few: the
    same document's tokens serve its export, its agreement and its checks."""
    tokens = _cache.get(text)
    if tokens is None:
        tokens = _all_tokens(text)
        _cache[text] = tokens
        if len(_cache) > _CACHED_TEXTS:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(text)
    return tokens


_new_token = partial(tuple.__new__, Token)
# The whole text in one match, each token captured in turn (the regex
# module keeps every capture of a repeated group, with its offsets), the
# whitespace before it taken in the same step: no match object per token,
# and whitespace is not tried against every alternative character by
# character. Every character that is not whitespace begins a token, so the
# match reaches the end of any text.
# Compiled when first used (exports, agreement): a window does not need it.
@lru_cache(maxsize=1)
def _all_pattern() -> regex.Pattern:
    return regex.compile(f"(?:\\s*+({_TOKEN.pattern}))*+\\s*+", regex.VERBOSE)


def _all_tokens(text: str) -> tuple[Token, ...]:
    """What ``_TOKEN.finditer`` gives, made at once."""
    found = _all_pattern().fullmatch(text)
    if found is None:  # not expected; never lose a token over it
        return tuple(Token(*m.span(), m.group()) for m in _TOKEN.finditer(text))
    return tuple(map(_new_token, zip(found.starts(1), found.ends(1), found.captures(1))))


CLOSING = frozenset({"”", "’", "»", ")", "]", "}"})  # stay with the sentence they close


def split_sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Sentences end after a run of . ! ? ؟ … (``...``, ``?!`` and ``؟!`` end
    one sentence together), with the closing quotes and brackets after it,
    and at line ends. A lone period ends none after an abbreviation of the
    Moses lists (Polish and English: ``św.``, ``tj.``, ``Mr.``, ``Corp.``, an
    initial ``J.``; ``r.`` and ``Nr.`` before a number), nor before a word in
    lower case (``lat 80. w``, ``30. rocznicę``).

    Only the tokens decide, never the spacing between them, so a CoNLL file
    (tokens joined by spaces) splits into the same sentences again."""
    if not tokens:
        return []
    starts = list(map(_START, tokens))
    breaks = set()  # indexes of the tokens that start a sentence
    for newline in _LINE_END.finditer(text):
        # Between two tokens (never inside one): the next token starts one.
        at = newline.start()
        i = bisect_right(starts, at)
        if 0 < i < len(tokens) and tokens[i - 1].end <= at:
            breaks.add(i)
    # Only after a sentence end (and the closing marks after it) may a
    # sentence end: the marks are found in the text, not token by token.
    for mark in _END_MARK.finditer(text):
        j = bisect_right(starts, mark.start()) - 1
        if j < 0 or starts[j] != mark.start() or tokens[j].text not in SENTENCE_END:
            continue
        i = j + 1
        while i < len(tokens) and tokens[i].text in CLOSING:
            i += 1
        if i < len(tokens) and _ends_before(tokens, i):
            breaks.add(i)
    edges = [0, *sorted(breaks), len(tokens)]
    return [list(tokens[a:b]) for a, b in zip(edges, edges[1:])]


_START = attrgetter("start")
_LINE_END = regex.compile("\n")
_END_MARK = regex.compile(f"[{regex.escape(''.join(SENTENCE_END))}]")


def _ends_before(tokens: list[Token], i: int) -> bool:
    """A sentence ends right before ``tokens[i]``."""
    following = tokens[i].text
    if following in SENTENCE_END or following in CLOSING:
        return False
    j = i - 1
    while j > 0 and tokens[j].text in CLOSING:
        j -= 1
    if tokens[j].text not in SENTENCE_END:
        return False
    if tokens[j].text != "." or (j and tokens[j - 1].text in SENTENCE_END):
        return True  # ! ? … and runs (...) end a sentence whatever follows
    if following[:1].islower():
        return False
    word = tokens[j - 1].text if j else ""
    nonbreaking, numeric_only = _abbreviations()
    return not (word in nonbreaking or (word in numeric_only and is_number(following)))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Words a period does not end a sentence after (the Moses lists of the
    ``sentence-splitter`` package, Polish and English together, so that the
    split never depends on a guess of the language), and those it does not
    end one after only before a number."""
    from importlib.resources import files

    always: set[str] = set()
    numeric: set[str] = set()
    folder = files("sentence_splitter") / "non_breaking_prefixes"
    for lang in ("pl", "en"):
        for line in (folder / f"{lang}.txt").read_text(encoding="utf-8").split("\n"):
            fields = line.split()  # "Mr", or "Nr #NUMERIC_ONLY#"; "#" starts a comment
            if fields and not fields[0].startswith("#"):
                (numeric if "#NUMERIC_ONLY#" in fields[1:] else always).add(fields[0])
    return frozenset(always), frozenset(numeric - always)
