"""The one policy for overlapping spans: longest, then earliest, then label."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core import overlaps
from annotator.core.agreement import token_tags
from annotator.core.model import Span
from annotator.core.overlaps import keep_longest, resolve_overlaps
from annotator.core.tokenize import tokenize
from annotator.suggest.gazetteer import Entry, Gazetteer


def places(spans):
    return [(s.start, s.end, s.label) for s in spans]


def test_the_longest_wins_over_a_nested_and_a_crossing_span():
    outer, inner, crossing = Span(0, 10, "ORG"), Span(2, 5, "PER"), Span(8, 14, "LOC")
    result = resolve_overlaps([inner, crossing, outer])
    assert result.kept == [outer]
    assert sorted(places(s for s, _ in result.left_out)) == [(2, 5, "PER"), (8, 14, "LOC")]
    assert all(winner == outer for _, winner in result.left_out)


def test_of_equally_long_spans_the_earlier_wins():
    assert places(keep_longest([Span(3, 7, "A"), Span(1, 5, "B")])) == [(1, 5, "B")]


def test_at_the_same_start_the_longer_wins():
    assert places(keep_longest([Span(4, 6, "A"), Span(4, 9, "B")])) == [(4, 9, "B")]


def test_at_the_same_place_the_label_that_sorts_first_wins():
    assert places(keep_longest([Span(0, 4, "PERSON"), Span(0, 4, "ORG")])) == [(0, 4, "ORG")]


def test_the_same_place_twice_is_one_span_the_first_given():
    first, again = Span(0, 4, "ORG", id=1), Span(0, 4, "ORG", id=2)
    result = resolve_overlaps([first, again])
    assert result.kept == [first] and result.left_out == [(again, first)]


def test_spans_that_touch_do_not_overlap():
    assert places(keep_longest([Span(5, 9, "B"), Span(0, 5, "A")])) == [(0, 5, "A"), (5, 9, "B")]


def test_plain_tuples_with_a_place_function():
    assert keep_longest([(0, 2, "X"), (1, 4, "Y")], place=lambda t: t) == [(1, 4, "Y")]


spans = st.builds(lambda start, length, label: Span(start, start + length, label),
                  st.integers(0, 30), st.integers(1, 12), st.sampled_from("ABC"))


@st.composite
def span_lists_and_a_shuffle(draw):
    given_spans = draw(st.lists(spans, max_size=12))
    return given_spans, draw(st.permutations(given_spans))


@given(span_lists_and_a_shuffle())
def test_the_result_does_not_depend_on_the_input_order(case):
    given_spans, shuffled = case
    assert places(keep_longest(given_spans)) == places(keep_longest(shuffled))


@given(st.lists(spans, max_size=12))
def test_kept_spans_do_not_overlap_and_each_left_out_lost_to_a_better_one(given_spans):
    result = resolve_overlaps(given_spans)
    kept = result.kept
    assert kept == sorted(kept, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(kept, kept[1:]))
    assert len(kept) + len(result.left_out) == len(given_spans)
    for loser, winner in result.left_out:
        assert winner in kept and winner.overlaps(loser)
        assert ((winner.start - winner.end, winner.start, winner.label)
                <= (loser.start - loser.end, loser.start, loser.label))


def test_agreement_counts_length_in_characters_not_tokens():
    text = "a b c defghij"
    # Three short tokens lose to two tokens that are longer in characters.
    tags = token_tags(tokenize(text), [(0, 5, "X"), (4, 13, "Y")])
    assert tags == ["O", "O", "B-Y", "I-Y"]


def test_suggestions_of_equal_length_keep_the_earlier():
    text = "Partia Chin i Chin"
    found = Gazetteer((Entry("Chin i Chin", "X"), Entry("Partia Chin", "Y"))).find(text)
    assert places(found) == [(0, 11, "Y")]


@given(st.lists(st.builds(lambda start, length, label: (start, start + length, label),
                          st.integers(0, 30), st.integers(0, 6), st.sampled_from("ABC")),
                max_size=10))
def test_the_quick_answer_for_spans_apart_is_the_policy_s_answer(given_places):
    """Where no span overlaps another, all are kept at once: the same spans in
    the same order as taking them one by one (empty places included)."""
    place = lambda t: t  # noqa: E731
    assert resolve_overlaps(given_places, place) == overlaps._by_precedence(given_places, place)
