"""Tokens with their character offsets, for CoNLL-style exports and agreement.

Arabic-aware: words keep their harakat, tatweel and zero-width joiners and
a Latin word may hold digits (H1N1; و٢٠٢١ is و and a number); numbers stay whole (2021, 3.5, .5, 1,000, ٢٠٢١, ٣٫٥);
abbreviations of single letters each followed by a dot (U.S., U.N.) are one
token; every other punctuation mark (، ؛ ؟ « » and Latin) is a token of its
own; an emoji sequence is one token.

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

from collections import OrderedDict
from typing import NamedTuple

import regex
from pyarabic import araby

SEPARATORS = ".,\u066b\u066c"  # decimal and thousands marks, Latin and Arabic

_TOKEN = regex.compile(
    r"""
    (?:\p{L}\p{M}*\.){2,}                                 # abbreviations: U.S., U.N.
  | [SEP]?\p{Nd}+(?:[SEP]\p{Nd}+)*                        # numbers: 2021, 3.5, .5, ٣٫٥
  | \p{Latin}[\p{Latin}\p{M}]*\p{Nd}[\p{Latin}\p{M}\p{Nd}]*   # Latin letters and digits: H1N1
  | [\p{L}\p{M}\u0640][\p{L}\p{M}\u0640\u200c\u200d]*        # words with their marks
  | (?!\s)\X                                             # anything else, one grapheme
    """.replace("SEP", regex.escape(SEPARATORS)),
    regex.VERBOSE,
)
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
        tokens = tuple(Token(*m.span(), m.group()) for m in _TOKEN.finditer(text))
        _cache[text] = tokens
        if len(_cache) > _CACHED_TEXTS:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(text)
    return tokens


def split_sentences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Sentences end after a run of . ! ? ؟ … (``...``, ``?!`` and ``؟!`` end
    one sentence together) and at line ends."""
    sentences: list[list[Token]] = []
    current: list[Token] = []
    previous: Token | None = None
    find = text.find
    for token in tokens:
        if previous is not None and (
                (previous.text in SENTENCE_END and token.text not in SENTENCE_END)
                or find("\n", previous.end, token.start) >= 0):
            sentences.append(current)
            current = []
        current.append(token)
        previous = token
    if current:
        sentences.append(current)
    return sentences
