import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.offsets import (
    SpanBoundsError,
    Utf16Map,
    check_bounds,
    index_to_utf16,
    snap_selection,
    snap_span,
    utf16_to_index,
    word_at,
)

ZWJ = "\u200d"
PIECES = [
    "شي", "جين", "بينغ", "الصين", "وقازاقستان", "شَيْ", "بِينْغ", "مُحَمَّد", "ـ",
    "Xi", "Jinping", "w", "środę", "Kazachstanem", "2021", "٢٠٢١",
    "😀", "👍🏽", "👨" + ZWJ + "👩" + ZWJ + "👧" + ZWJ + "👦", "🇵🇱", "🇨🇳", "🇰🇿",
    " ", " ", "\n", "،", ".", "(", "«", "»", "\u200f", "e\u0301",
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def utf16_length(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@given(texts)
def test_utf16_map_matches_encoding_and_round_trips(text):
    mapping = Utf16Map(text)
    assert mapping.utf16_length == utf16_length(text)
    for index in range(len(text) + 1):
        position = mapping.to_utf16(index)
        assert position == utf16_length(text[:index])
        assert mapping.to_index(position) == index


@given(texts)
def test_a_position_inside_a_surrogate_pair_rounds_down(text):
    mapping = Utf16Map(text)
    for index, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert mapping.to_index(mapping.to_utf16(index) + 1) == index


def test_known_widths():
    text = "a😀b🇵🇱c👨\u200d👩\u200d👧\u200d👦d"
    assert index_to_utf16(text, 1) == 1
    assert index_to_utf16(text, 2) == 3  # past the emoji (2 units)
    assert index_to_utf16(text, 5) == 8  # past the flag (4 units)
    family_end = text.index("d")
    assert index_to_utf16(text, family_end) - index_to_utf16(text, family_end - 7) == 11
    assert utf16_to_index(text, 8) == 5


def _is_joined_to_previous(text: str, i: int) -> bool:
    """True when a boundary at ``i`` would cut a grapheme."""
    if i <= 0 or i >= len(text):
        return False
    ch, prev = text[i], text[i - 1]
    if unicodedata.category(ch) in ("Mn", "Me") or ch == ZWJ or prev == ZWJ:
        return True
    if 0x1F3FB <= ord(ch) <= 0x1F3FF:  # skin tone modifier
        return True
    if 0x1F1E6 <= ord(ch) <= 0x1F1FF:
        run = 0
        j = i - 1
        while j >= 0 and 0x1F1E6 <= ord(text[j]) <= 0x1F1FF:
            run += 1
            j -= 1
        return run % 2 == 1
    return False


@settings(max_examples=300)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_snap_span_never_cuts_a_grapheme_and_trims_blanks(text, a, b):
    result = snap_span(text, a, b)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    if result is None:
        assert all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Mn") for ch in text[lo:hi])
        return
    start, end = result
    assert 0 <= start < end <= len(text)
    assert not _is_joined_to_previous(text, start)
    assert not _is_joined_to_previous(text, end)
    assert not text[start].isspace() and not text[end - 1].isspace()
    assert text[start] != "\u200f" and text[end - 1] != "\u200f"
    # Every non-blank character the selection touched is kept.
    for i in range(lo, hi):
        if not text[i].isspace() and unicodedata.category(text[i]) not in ("Cf", "Mn", "Me"):
            assert start <= i < end


def test_snap_widens_to_whole_letters_with_harakat():
    text = "قال مُحَمَّد اليوم"
    start = text.index("مُ")
    # A selection that ends between a letter and its shadda+fatha.
    cut = text.index("ّ")
    assert snap_span(text, start, cut) == (start, text.index("د"))


def test_snap_trims_the_extra_space_of_a_wrapped_drag():
    text = "قال شي جين بينغ اليوم"
    start = text.index("شي")
    end = text.index(" اليوم") + 1
    assert snap_span(text, start - 1, end) == (start, text.index(" اليوم"))


def test_snap_keeps_a_flag_whole():
    text = "x 🇵🇱🇨🇳 y"
    flag = text.index("🇨🇳")
    assert snap_span(text, flag + 1, flag + 2) == (flag, flag + 2)


def test_word_at_takes_the_whole_arabic_word_with_harakat():
    text = "قال مُحَمَّد، اليوم"
    i = text.index("حَ")
    start, end = word_at(text, i)
    assert text[start:end] == "مُحَمَّد"


@pytest.mark.parametrize("start,end,length,message", [
    (-1, 2, 5, "negative"),
    (0, 6, 5, r"past the end of the text \(5\)"),
    (3, 3, 5, "not before its end"),
    (True, 2, 5, "whole numbers"),
])
def test_check_bounds_refuses(start, end, length, message):
    with pytest.raises(SpanBoundsError, match=message):
        check_bounds(start, end, length)


@pytest.mark.parametrize("selected, labelled", [
    ("توكاييف،", "توكاييف"),  # the comma a right-to-left drag picks up
    ("(شينخوا)", "شينخوا"),
    ("شينخوا)", "شينخوا"),
    ("«الطريق", "الطريق"),
    ("«الطريق»", "الطريق"),
    ("U.S.,", "U.S."),  # the dot of an abbreviation stays
    ('"Xi"', "Xi"),
    ("Inicjatywy „Pasa i Szlaku”", "Inicjatywy „Pasa i Szlaku”"),  # a pair inside stays
    ("(a) b (c)", "(a) b (c)"),  # two pairs, not one around it all
    ("Yahoo!", "Yahoo!"),
])
def test_a_selection_drops_separators_and_unpaired_brackets_at_its_ends(selected, labelled):
    text = f"قال {selected} ثم"
    start = text.index(selected)
    lo, hi = snap_selection(text, start - 1, start + len(selected) + 1)  # spaces taken too
    assert text[lo:hi] == labelled


def test_a_selection_of_only_punctuation_labels_nothing():
    assert snap_selection("a ، (b", 1, 5) is None
