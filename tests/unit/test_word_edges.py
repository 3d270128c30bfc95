from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import snap_selection
from annotator.core.word_edges import (
    is_clitic_boundary,
    neighbour_word_end,
    neighbour_word_start,
    snap_to_words,
    span_cuts,
    widen_to_words,
    word_around,
)

PIECES = ["شي", "جين", "بينغ", "الصين", "والصين", "للتعاون", "بِينْغ", "24", "2016", "3.5",
          "U.S.", "Kassym-Jomart", "Xi", "środę", "H1N1", " ", " ", "\n", "،", ".", "(", "«", "»"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=20).map("".join)


@st.composite
def text_and_two_offsets(draw):
    text = draw(texts)
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(0, len(text)))
    return text, a, b


def _edge_ok(text, offset, is_start):
    return word_around(text, offset) is None or (is_start and is_clitic_boundary(text, offset))


@given(text_and_two_offsets())
def test_snapped_edges_never_cut_a_word(case):
    text, anchor, position = case
    lo, hi = snap_to_words(text, anchor, position)
    assert 0 <= lo <= hi <= len(text)
    assert _edge_ok(text, lo, True) and _edge_ok(text, hi, False)


@given(text_and_two_offsets())
def test_the_release_edge_moves_outward_and_the_press_edge_to_its_nearer_word_edge(case):
    text, anchor, position = case
    lo, hi = snap_to_words(text, anchor, position)
    # The release is kept: a drag covers every word it reached.
    if anchor != position:
        assert lo <= position <= hi
    # The press edge moves to its word's nearer edge (a tie keeps the word),
    # or to the farther one when the drag stayed inside that one word.
    word = word_around(text, anchor)
    if word is not None and anchor != position and not is_clitic_boundary(text, anchor):
        edge = lo if anchor < position else hi
        assert edge in word
        nearer = min(anchor - word[0], word[1] - anchor)
        inside_one_word = word[0] <= min(anchor, position) and max(anchor, position) <= word[1]
        outward = word[0] if anchor < position else word[1]
        assert abs(edge - anchor) == nearer or (inside_one_word and edge == outward)


@given(text_and_two_offsets())
def test_snapping_twice_changes_nothing(case):
    text, anchor, position = case
    lo, hi = snap_to_words(text, anchor, position)
    assert snap_to_words(text, lo, hi) == (lo, hi)
    assert widen_to_words(text, lo, hi) == (lo, hi)


@given(text_and_two_offsets())
def test_a_widened_selection_holds_the_original_and_cuts_nothing(case):
    text, a, b = case
    lo, hi = widen_to_words(text, a, b)
    assert lo <= min(a, b) and hi >= max(a, b)
    if lo < hi:
        assert span_cuts(text, lo, hi) == []
    snapped = snap_selection(text, a, b, words=True)
    if snapped is not None:
        assert span_cuts(text, *snapped) == []


def test_examples_from_the_articles():
    text = "اجتمع الرئيس الصيني شي جين بينغ في 24 يونيو 2016 والصين للتعاون"
    the_president = text.index("الرئيس")
    assert snap_to_words(text, the_president + 1, the_president + 10) == (the_president, the_president + 13)
    xi = text.index("شي")
    assert snap_to_words(text, xi + 1, xi + 11) == (xi, xi + 11)  # tie: the word stays
    date = text.index("24")
    assert text[slice(*snap_to_words(text, date + 1, date + 12))] == "24 يونيو 2016"
    china = text.index("والصين") + 1
    assert snap_to_words(text, china, china + 3) == (china, china + 5)  # و|الصين
    assert span_cuts(text, china, china + 5) == []
    cooperation = text.index("للتعاون") + 2
    assert span_cuts(text, cooperation, cooperation + 5) == []  # لل|تعاون
    cut = span_cuts(text, the_president + 1, the_president + 6)
    assert [(c.edge, c.word_start, c.word_end) for c in cut] == [("start", the_president, the_president + 6)]
    # An end right after a proclitic is a cut: the span would end in و.
    assert [c.edge for c in span_cuts(text, xi, china)] == ["end"]


def test_numbers_and_latin_words_snap_too():
    text = "Xi Jinping 3.5 mln U.S. H1N1"
    assert snap_to_words(text, 4, 12) == (3, 14)  # "Jinping 3.5"
    assert widen_to_words(text, 20, 21) == (19, 23)  # inside U.S.
    assert widen_to_words(text, 26, 26) == (24, 28)  # inside H1N1


def test_the_proclitics_written_out_are_pyarabics_letters():
    from pyarabic import araby

    from annotator.core.tokenize import CLITIC_PREFIXES, PROCLITICS

    single = (araby.WAW, araby.FEH, araby.BEH, araby.LAM, araby.KAF)
    pairs = {a + b for a in (araby.WAW, araby.FEH) for b in (araby.BEH, araby.LAM, araby.KAF)}
    assert PROCLITICS == set(single) | pairs
    assert CLITIC_PREFIXES == PROCLITICS | {araby.LAM + araby.LAM}


def test_a_start_moved_word_by_word_skips_hyphens_quotes_and_marks():
    text = "Prezydent «Kassymem-Jomartem» Tokajewem, 2016.\nNext line"
    kassym, jomart = text.index("Kassymem"), text.index("Jomartem")
    assert neighbour_word_start(text, kassym, forward=True) == jomart  # not the hyphen
    assert neighbour_word_start(text, jomart, forward=True) == text.index("Tokajewem")
    assert neighbour_word_start(text, jomart, forward=False) == kassym
    assert neighbour_word_start(text, kassym, forward=False) == 0  # not the quote
    assert neighbour_word_start(text, text.index("2016"), forward=True) is None  # the line ends
    assert neighbour_word_start(text, 0, forward=False) is None
    # A start after a proclitic goes back to its word's start, then on.
    arabic = "قال والرئيس قاسم-جومارت"
    after_waw = arabic.index("الرئيس")
    assert neighbour_word_start(arabic, after_waw, forward=False) == arabic.index("والرئيس")
    assert neighbour_word_start(arabic, after_waw, forward=True) == arabic.index("قاسم")
    # Ends likewise: never after a hyphen or a quote.
    end_of = lambda word: text.index(word) + len(word)  # noqa: E731
    assert neighbour_word_end(text, end_of("Tokajewem"), forward=False) == end_of("Jomartem")
    assert neighbour_word_end(text, end_of("Jomartem"), forward=False) == end_of("Kassymem")
    assert neighbour_word_end(text, end_of("Kassymem"), forward=True) == end_of("Jomartem")
    assert neighbour_word_end(text, end_of("2016"), forward=True) is None


def test_a_start_moved_word_by_word_on_a_long_line_reads_only_near_it():
    words = [f"w{k}" for k in range(20_000)]
    text = " ".join(words)
    middle = text.index(" w10000 ") + 1
    assert neighbour_word_start(text, middle, forward=True) == text.index(" w10001 ") + 1
    assert neighbour_word_start(text, middle, forward=False) == text.index(" w9999 ") + 1


def test_an_edge_moved_word_by_word_never_leaves_a_bracket_half_in():
    text = "w ramach Inicjatywy Pasa i Szlaku (BRI) oraz Chin"
    start, closed = text.index("Inicjatywy"), text.index(")") + 1
    # The end, back from after «(BRI)»: past the bracketed word, not «(BRI».
    back = neighbour_word_end(text, closed, forward=False, start=start)
    assert text[start:back] == "Inicjatywy Pasa i Szlaku"
    # And onward again: the closing bracket comes along.
    assert text[start:neighbour_word_end(text, back, forward=True, start=start)] == \
        "Inicjatywy Pasa i Szlaku (BRI)"
    # The start, back from «oraz»: the opening bracket comes along, never «BRI) oraz».
    end = text.index("Chin") + 4
    earlier = neighbour_word_start(text, text.index("oraz"), forward=False, end=end)
    assert text[earlier:end] == "(BRI) oraz Chin"
    # Onward from «Szlaku»: past the bracketed word to «oraz».
    later = neighbour_word_start(text, text.index("Szlaku"), forward=True, end=end)
    assert text[later:end] == "oraz Chin"
    # Guillemets alike.
    quoted = "agencja «Xinhua» podała"
    assert quoted[:neighbour_word_end(quoted, len("agencja"), forward=True, start=0)] \
        == "agencja «Xinhua»"
