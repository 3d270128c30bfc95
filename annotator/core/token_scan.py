"""The tokenizer's rules run by the standard library's engine, for speed.

The rules (``core.tokenize``) are written for the ``regex`` module: Unicode
properties (``\\p{L}``), graphemes (``\\X``). The standard library's ``re``
has neither, but it tests a character against a plain class several times
faster, and its ``split`` hands back every token and the whitespace before
it as strings, from which the offsets are sums of lengths: no match object
per token. Exports spend most of their time tokenizing, so this matters.

The translation is exact for a text whose every character is *plain*: in
the Basic Multilingual Plane, assigned, and of a grapheme kind for which a
grapheme is one character and the marks and joiners after it (not a
prefix mark, a Hangul syllable part, a spacing mark, a regional indicator
or an emoji, whose graphemes follow rules of their own). There each
property is the class of the plain characters that have it, read from the
``regex`` module itself, so the two engines agree on every one of them. A
text holding any other character is left to the ``regex`` module.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from itertools import accumulate

import regex

# Characters whose grapheme is themselves and the marks and joiners after them.
_PLAIN = (r"[[\p{GCB=Other}\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=Control}\p{GCB=CR}\p{GCB=LF}]"
          r"--[\p{Extended_Pictographic}\p{Cn}\p{Cs}]]")
# What the rules' graphemes become among plain characters (GAP: what lies
# between tokens, whitespace and the invisible marks).
_GRAPHEMES = {
    # A prefix mark (Arabic number sign) is never plain: this never matches.
    r"\p{GCB=Prepend}++(?=GAP)": r"(?!)",
    # A control character alone, any other with the marks and joiners after it.
    r"(?!GAP)\X": r"(?!GAP)(?:[\p{GCB=Control}\p{GCB=CR}\p{GCB=LF}]|[^\s][\p{GCB=Extend}\p{GCB=ZWJ}]*+)",
}
_SPACE = r"\s"
_PROPERTY = re.compile(r"\\p\{[^}]*\}|\\s")

Scanner = Callable[[str], "tuple[list[int], list[int], list[str]] | None"]


def compile_scanner(token: str, gap: str) -> Scanner | None:
    """A function from a text to its tokens' starts, ends and texts, as
    ``regex`` would find them with the verbose pattern ``token`` (one token,
    ``gap`` between tokens: a class of whitespace and other characters); it
    gives None for a text that is not all plain. None where the standard
    library lacks possessive quantifiers (before Python 3.11)."""
    if sys.version_info < (3, 11):
        return None
    plain = _plain_characters()
    body = _Bodies(plain)
    for graphemes, replacement in _GRAPHEMES.items():
        graphemes, replacement = graphemes.replace("GAP", gap), replacement.replace("GAP", gap)
        if graphemes not in token:
            raise ValueError(f"the token rules no longer hold {graphemes}")
        token = token.replace(graphemes, replacement)
    between = _translate(gap, body)  # a class: [...]
    # What lies between tokens, then a token: split() gives [gap, between, token, gap, ...].
    pattern = re.compile(f"({between}*+)({_translate(token, body)})", re.VERBOSE)
    split = pattern.split
    not_plain = re.compile(f"[^{_ranges(plain)}]").search
    not_space = re.compile(f"[^{between[1:]}").search

    def scan(text: str) -> tuple[list[int], list[int], list[str]] | None:
        if not_plain(text):
            return None
        pieces = split(text)
        # Every plain character that is not whitespace or an invisible mark
        # begins a token, so the gaps between matches are empty and the last
        # holds only those; anything else means a character was passed over.
        if not_space("".join(pieces[0::3])):
            return None
        del pieces[0::3]  # now [between, token, between, token, ...]
        ends = list(accumulate(map(len, pieces)))
        return ends[0::2], ends[1::2], pieces[1::2]

    return scan


def _plain_characters() -> str:
    everything = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    return "".join(regex.findall(_PLAIN, everything, flags=regex.V1))


class _Bodies(dict):
    """A property's class body (``\\u0041-\\u005a...``) among the plain
    characters, read from the ``regex`` module when first asked for."""

    def __init__(self, plain: str):
        super().__init__()
        self.plain = plain

    def __missing__(self, name: str) -> str:
        self[name] = _ranges("".join(regex.findall(name, self.plain)))
        return self[name]


def _translate(source: str, body: dict[str, str]) -> str:
    """``source`` with each property (and ``\\s``) spelled as its characters:
    a class body inside brackets, a class of its own outside them."""
    out = []
    inside = False
    i = 0
    while i < len(source):
        found = _PROPERTY.match(source, i)
        if found:
            name = found.group()
            out.append(body[name] if inside else f"[{body[name]}]")
            i = found.end()
            continue
        char = source[i]
        if char == "#" and not inside:  # a comment, to the end of its line
            end = source.find("\n", i)
            i = len(source) if end < 0 else end
            continue
        if char == "\\":
            out.append(source[i:i + 2])
            i += 2
            continue
        if char == "[" and not inside:
            inside = True
            out.append(char)
            if source.startswith("^", i + 1):
                out.append("^")
                i += 1
        elif char == "]" and inside:
            inside = False
            out.append(char)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _ranges(chars: str) -> str:
    """A class body for ``chars`` (in code point order), as escaped ranges."""
    out = []
    codes = list(map(ord, chars))
    k = 0
    while k < len(codes):
        first = last = codes[k]
        while k + 1 < len(codes) and codes[k + 1] == last + 1:
            k += 1
            last = codes[k]
        out.append(f"\\u{first:04x}" if first == last else f"\\u{first:04x}-\\u{last:04x}")
        k += 1
    return "".join(out)
