"""Tokens with their character offsets, for CoNLL-style exports and agreement.

Arabic-aware: words keep their harakat, tatweel and zero-width joiners and
a Latin word may hold digits (H1N1; و٢٠٢١ is و and a number); numbers stay whole (2021, 3.5, .5, 1,000, ٢٠٢١, ٣٫٥);
URLs, e-mail addresses and domain names (arabic.news.cn) are one token each;
abbreviations of short pieces each followed by a dot (U.S., U.N., m.in.,
p.n.e.) and initials (J.) are one token; every other punctuation mark (، ؛ ؟ « » and Latin) is
a token of its own; an emoji sequence is one token. No token holds
whitespace: a grapheme may (an Arabic number sign ؀ joins the space after
it), so such a mark before a space is a token by itself. Invisible marks
(direction marks and isolates, byte-order marks, zero-width spaces: see
``INVISIBLE``) are no token, as whitespace: text pasted from web pages holds
them around names and numbers, and a token of nothing visible, tagged, would
teach a model nothing but noise. A soft hyphen stays inside its word.

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

import re
from bisect import bisect_right
from collections import OrderedDict
from functools import lru_cache, partial
from itertools import repeat
from operator import methodcaller
from threading import Lock
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import regex

SEPARATORS = ".,\u066b\u066c"  # decimal and thousands marks, Latin and Arabic
# Invisible format marks that stand between tokens like whitespace: zero-width
# space, left-to-right, right-to-left and Arabic letter marks, the bidi
# embeddings and overrides, word joiner, the bidi isolates, byte-order mark.
# (Zero-width joiners and non-joiners belong to their word: Persian writes them.)
INVISIBLE = r"\u200b\u200e\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff"  # a class body
GAP = f"[\\s{INVISIBLE}]"  # what lies between tokens

_TOKENS = r"""
    (?:https?://|www\.)[^\sINV<>"«»]*[^\sINV<>"«».,;:!?)\]}'،؛؟]   # URLs, without a closing mark
  | [\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+   # e-mail addresses
  | [\p{Latin}\p{N}][\p{Latin}\p{N}-]+(?:\.[\p{Latin}\p{N}-]+)*\.[a-z]{2,6}(?![\p{L}\p{N}])  # domains
  | (?:\p{L}\p{M}*){1,3}\.(?:(?:\p{L}\p{M}*){1,3}\.)+        # abbreviations: U.S., m.in.
  | \p{Lu}\p{M}*\.                                     # initials: J. R. R. Tolkien
  | [SEP]?\p{Nd}+(?:[SEP]\p{Nd}+)*                        # numbers: 2021, 3.5, .5, ٣٫٥
  | \p{Latin}[\p{Latin}\p{M}]*\p{Nd}[\p{Latin}\p{M}\p{Nd}]*   # Latin letters and digits: H1N1
  | [\p{L}\p{M}\u0640][\p{L}\p{M}\u0640\u200c\u200d\u00ad]*   # words with their marks
  | \p{GCB=Prepend}++(?=GAP)                               # a prefix mark before a space: alone
  | (?!GAP)\X                                              # anything else, one grapheme
""".replace("SEP", re.escape(SEPARATORS)).replace("GAP", GAP).replace("INV", INVISIBLE)
# Only for speed, tried first: a run of letters that no alternative above
# could begin to match (nothing after it makes it an e-mail, a domain, an
# abbreviation or a word with digits) is the word "words with their marks"
# matches. Tokens are the same with or without it (a test holds them so).
_PLAIN_WORD = r"[\p{L}\p{M}\u0640][\p{L}\p{M}\u0640\u200c\u200d\u00ad]*+(?![.\-_%+@:\p{N}])"
_TOKEN_RULES = f"{_PLAIN_WORD}\n  | {_TOKENS}"  # one token, for every engine that runs them
_NUMBER_RULE = r"[SEP]?\p{Nd}+(?:[SEP]\p{Nd}+)*".replace("SEP", re.escape(SEPARATORS))


# The patterns run on the ``regex`` module, imported and compiled at first use:
# the window shows its first document without them, and that import is a
# tenth of a start.
@lru_cache(maxsize=1)
def _token_pattern() -> regex.Pattern:
    import regex

    return regex.compile(_TOKEN_RULES, regex.VERBOSE)


@lru_cache(maxsize=1)
def _number_pattern() -> regex.Pattern:
    import regex

    return regex.compile(_NUMBER_RULE)

SENTENCE_END = frozenset({".", "!", "?", "؟", "…", "۔"})


def is_number(token: str) -> bool:
    return _number_pattern().fullmatch(token) is not None


# Arabic proclitics written joined to the next word: و ف ب ل ك and the pairs
# وب ول فب فل وك فك (والصين is و + الصين).
# The letters are pyarabic's araby.WAW, FEH, BEH, LAM and KAF, written out: the
# window tokenizes as it starts, and pyarabic loads only when a prefix is read.
WAW, FEH, BEH, LAM, KAF = "\u0648", "\u0641", "\u0628", "\u0644", "\u0643"
_SINGLE = (WAW, FEH, BEH, LAM, KAF)
PROCLITICS = frozenset(_SINGLE + tuple(a + b for a in (WAW, FEH) for b in (BEH, LAM, KAF)))


# What a span may start right after inside a word: the proclitics, and لل
# (ل before the article, whose alef it drops: للتعاون is ل + التعاون).
CLITIC_PREFIXES = PROCLITICS | {LAM + LAM}


def is_proclitic(prefix: str) -> bool:
    """``prefix`` (with any harakat or tatweel) is one proclitic or one pair."""
    return _bare(prefix) in PROCLITICS


def is_clitic_prefix(prefix: str) -> bool:
    """``prefix`` (with any harakat or tatweel) is one of :data:`CLITIC_PREFIXES`."""
    return _bare(prefix) in CLITIC_PREFIXES


def _bare(prefix: str) -> str:
    from pyarabic import araby

    return araby.strip_tatweel(araby.strip_tashkeel(prefix))


class Token(NamedTuple):
    """A token and its offsets (a named tuple: exports make hundreds of
    thousands of them, and a tuple is the cheapest to make)."""

    start: int
    end: int
    text: str


class Tokens:
    """A text's tokens as three parallel lists: their starts, ends and texts.
    Exports go through millions of tokens: columns cost three lists a text
    where tuples cost an object a token, and a sentence or a tag run is a
    slice. Indexing or iterating gives :class:`Token` for code that wants one."""

    __slots__ = ("starts", "ends", "texts")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str]):
        self.starts, self.ends, self.texts = starts, ends, texts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Token:
        return Token(self.starts[i], self.ends[i], self.texts[i])

    def __iter__(self):
        return map(_new_token, zip(self.starts, self.ends, self.texts))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tokens) and (self.starts, self.ends, self.texts) == (
            other.starts, other.ends, other.texts)

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"

    def slice(self, a: int, b: int) -> Tokens:
        return Tokens(self.starts[a:b], self.ends[a:b], self.texts[a:b])

    @classmethod
    def of(cls, tokens: list[Token]) -> Tokens:
        return cls([t.start for t in tokens], [t.end for t in tokens], [t.text for t in tokens])


_CACHED_TEXTS = 64  # whole texts whose tokens are kept, most recent last
_cache: OrderedDict[str, Tokens] = OrderedDict()
_cache_lock = Lock()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    if start == 0 and end is None:
        return list(token_columns(text))
    end = len(text) if end is None else end
    return [Token(*m.span(), m.group()) for m in _token_pattern().finditer(text, start, end)]


def token_columns(text: str) -> Tokens:
    """The tokens of a whole text, as columns. A text is tokenized once
    while it is among the last few: the same document's tokens serve its
    export, its agreement and its checks. Callers must not change them."""
    tokens = _cache.get(text)
    if tokens is None:
        tokens = _all_tokens(text)
    # An export's thread and the window's agreement may both be here: the
    # order of the recent texts is changed by one thread at a time.
    with _cache_lock:
        _cache[text] = tokens
        _cache.move_to_end(text)
        if len(_cache) > _CACHED_TEXTS:
            _cache.popitem(last=False)
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
    import regex

    return regex.compile(f"(?:{GAP}*+({_TOKEN_RULES}))*+{GAP}*+", regex.VERBOSE)


@lru_cache(maxsize=1)
def _scanner():
    from annotator.core.token_scan import compile_scanner

    return compile_scanner(_TOKEN_RULES, GAP)


def _all_tokens(text: str) -> Tokens:
    """What ``_token_pattern().finditer`` gives, made at once: by the standard
    library's engine where the text allows (see ``core.token_scan``)."""
    scan = _scanner()
    columns = scan(text) if scan is not None else None
    if columns is not None:
        return Tokens(*columns)
    found = _all_pattern().fullmatch(text)
    if found is None:  # not expected; never lose a token over it
        return Tokens.of([Token(*m.span(), m.group()) for m in _token_pattern().finditer(text)])
    return Tokens(found.starts(1), found.ends(1), found.captures(1))


# A document's meta key: its text is the tokens of a token-per-line file
# joined by spaces, a sentence a line (what the CoNLL reader builds). Token
# exports then keep those tokens and sentences, as the file had them.
PRETOKENIZED = "pretokenized"
_NOT_SPACE = re.compile(r"\S+")


def space_tokens(text: str) -> Tokens:
    """The runs of text between whitespace, as columns: a pretokenized text's
    own tokens (``X-Files`` one token, as its file had it)."""
    found = _NOT_SPACE.finditer(text)
    starts, ends, texts = [], [], []
    for match in found:
        starts.append(match.start())
        ends.append(match.end())
        texts.append(match.group())
    return Tokens(starts, ends, texts)


def line_breaks(text: str, tokens: Tokens) -> list[int]:
    """The indexes of the tokens that start a line, the first token's left
    out: the sentences of a pretokenized text, and where any text's
    sentences end too (see :func:`sentence_breaks`)."""
    # A line end lies between two tokens (no token holds whitespace): the
    # token after it starts a sentence.
    starts = tokens.starts
    breaks = set(map(bisect_right, repeat(starts), map(_START_OF, _LINE_END.finditer(text))))
    breaks.discard(0)
    breaks.discard(len(starts))
    return sorted(breaks)


CLOSING = frozenset({"”", "’", "»", ")", "]", "}"})  # stay with the sentence they close


def split_sentences(text: str, tokens: list[Token] | Tokens) -> list[list[Token]]:
    """The sentences of ``tokens`` (see :func:`sentence_breaks`), as lists of tokens."""
    columns = tokens if isinstance(tokens, Tokens) else Tokens.of(list(tokens))
    if not columns:
        return []
    edges = [0, *sentence_breaks(text, columns), len(columns)]
    return [list(columns.slice(a, b)) for a, b in zip(edges, edges[1:])]


def sentence_breaks(text: str, tokens: Tokens) -> list[int]:
    """The indexes of the tokens that start a sentence, the first token's
    (0) left out, in order.

    Sentences end after a run of . ! ? ؟ … (``...``, ``?!`` and ``؟!`` end
    one sentence together), with the closing quotes and brackets after it,
    and at line ends. A lone period ends none after an abbreviation of the
    Moses lists (Polish and English: ``św.``, ``tj.``, ``Mr.``, ``Corp.``, an
    initial ``J.``; ``r.`` and ``Nr.`` before a number), nor before a word in
    lower case (``lat 80. w``, ``30. rocznicę``).

    Only the tokens decide, never the spacing between them, so a CoNLL file
    (tokens joined by spaces) splits into the same sentences again."""
    starts, texts = tokens.starts, tokens.texts
    count = len(texts)
    breaks = set(line_breaks(text, tokens))
    # Only after a sentence end (and the closing marks after it) may a
    # sentence end: the marks are found in the text, not token by token.
    for at in map(_START_OF, _END_MARK.finditer(text)):
        j = bisect_right(starts, at) - 1
        if j < 0 or starts[j] != at or texts[j] not in SENTENCE_END:
            continue
        i = j + 1
        while i < count and texts[i] in CLOSING:
            i += 1
        if i < count and _ends_before(texts, i):
            breaks.add(i)
    return sorted(breaks)


# The standard library's engine: a plain character class, found faster than by ``regex``.
_END_MARK = re.compile(f"[{re.escape(''.join(SENTENCE_END))}]")
_LINE_END = re.compile("\n")
_START_OF = methodcaller("start")


def _ends_before(texts: list[str], i: int) -> bool:
    """A sentence ends right before the token ``texts[i]``."""
    following = texts[i]
    if following in SENTENCE_END or following in CLOSING:
        return False
    j = i - 1
    while j > 0 and texts[j] in CLOSING:
        j -= 1
    if texts[j] not in SENTENCE_END:
        return False
    if texts[j] != "." or (j and texts[j - 1] in SENTENCE_END):
        return True  # ! ? … and runs (...) end a sentence whatever follows
    if following[:1].islower():
        return False
    word = texts[j - 1] if j else ""
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
