"""The standard library's run of the token rules (``core.token_scan``) finds
exactly the tokens the ``regex`` module finds, on every text it takes, and
leaves the others to it."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import token_scan
from annotator.core import tokenize as tokenize_module
from annotator.core.tokenize import Tokens, token_columns

pytestmark = pytest.mark.skipif(sys.version_info < (3, 11),
                                reason="possessive quantifiers came with Python 3.11")

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def by_regex(text: str) -> Tokens:
    found = tokenize_module._all_pattern().fullmatch(text)
    return Tokens(found.starts(1), found.ends(1), found.captures(1))


def scan(text: str) -> Tokens | None:
    columns = tokenize_module._scanner()(text)
    return None if columns is None else Tokens(*columns)


def plain_characters() -> str:
    return token_scan._plain_characters()


def test_the_sample_articles_are_scanned_and_give_the_regex_tokens():
    assert SEEDS
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert scan(text) == by_regex(text), path.name


def test_every_plain_character_in_the_places_the_rules_turn_on():
    """Each plain character of the Basic Multilingual Plane after a letter,
    a digit, a dot, a space and a mark, and before them: one text per block
    of characters, so that a difference names its block."""
    plain = plain_characters()
    assert len(plain) > 40_000
    for k in range(0, len(plain), 512):
        block = plain[k:k + 512]
        text = "".join(f"a{c}b 1{c}2 .{c}. {c}\u064e{c}J.{c}x@{c}.pl {c}\n" for c in block)
        assert scan(text) == by_regex(text), f"U+{ord(block[0]):04X}..U+{ord(block[-1]):04X}"


# The characters the rules turn on, and a few of every kind of plain one.
_ALPHABET = list("abcXYZ wwwhttps:/.@-_%+,;!?()«»\"'0123٣٫٬،؛؟والصينـ\u064e\u0651\u200c\u200d"
                 "\n\t\r\x1c\x85\u00a0\u2028\u200b\ufeffﾞ\u0301ŁżĘJ.ΣЖ中\u0903"
                 "\u200e\u200f\u061c\u2066\u2069\u00ad")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET + ["www.", "http://", ".pl", "@", "U.S.", "H1N1"]),
                max_size=30).map("".join))
def test_random_texts_give_the_regex_tokens_or_are_left_to_it(text):
    scanned = scan(text)
    if scanned is not None:
        assert scanned == by_regex(text)
    assert token_columns(text) == by_regex(text)


def test_random_runs_of_plain_characters_give_the_regex_tokens():
    plain = plain_characters()
    rng = random.Random(11)
    for _ in range(300):
        pool = rng.sample(plain, 12) + list(" .1a\u064e@-")
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 80)))
        assert scan(text) == by_regex(text), text


@pytest.mark.parametrize("text", [
    "رقم \u0600 ١٢",  # an Arabic number sign: a prefix mark
    "emoji 😀 here",  # outside the Basic Multilingual Plane
    "© 2021",  # an emoji by its grapheme rules
    "한국어",  # Hangul syllables
    "\u0928\u092e\u0903",  # a spacing mark (visarga)
])
def test_a_text_with_a_character_of_other_grapheme_rules_is_left_to_regex(text):
    assert scan(text) is None
    assert token_columns(text) == by_regex(text)
